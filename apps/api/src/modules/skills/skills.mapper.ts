import type { SkillCategoryDto, SkillDto } from '@skillgrid/shared';
import type { Skill } from './skill.entity';
import type { SkillCategory } from './skill-category.entity';

export function toCategoryDto(category: SkillCategory): SkillCategoryDto {
  return { id: category.id, name: category.name, description: category.description };
}

export function toSkillDto(skill: Skill): SkillDto {
  return {
    id: skill.id,
    name: skill.name,
    categoryId: skill.categoryId,
    categoryName: skill.category?.name ?? '',
    kind: skill.kind,
    description: skill.description,
    externalRef: skill.externalRef,
    status: skill.status,
  };
}
