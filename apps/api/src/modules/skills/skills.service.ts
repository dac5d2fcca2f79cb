import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page, SkillCategoryDto, SkillDto } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage } from '../../common/http/pagination';
import { assertNameFree, requireIds } from '../../common/http/catalogue';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { AuditService } from '../audit/audit.service';
import { Skill } from './skill.entity';
import { SkillCategory } from './skill-category.entity';
import type {
  CreateSkillCategoryDto,
  CreateSkillDto,
  ListCategoriesQuery,
  ListSkillsQuery,
  UpdateSkillCategoryDto,
  UpdateSkillDto,
} from './dto/skill.dto';
import { toCategoryDto, toSkillDto } from './skills.mapper';

@Injectable()
export class SkillsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listCategories(query: ListCategoriesQuery): Promise<Page<SkillCategoryDto>> {
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(SkillCategory)
      .createQueryBuilder('c')
      .orderBy('c.name', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) qb.andWhere("c.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toCategoryDto), total, window);
  }

  createCategory(user: SessionUser, dto: CreateSkillCategoryDto): Promise<SkillCategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, SkillCategory, 'skill category', dto.name);
      const saved = await manager.save(
        manager.create(SkillCategory, { name: dto.name.trim(), nameKey: key, description: dto.description ?? null }),
      );
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'skill_category',
        entityId: saved.id,
        after: toCategoryDto(saved),
      });
      return toCategoryDto(saved);
    });
  }

  updateCategory(user: SessionUser, id: number, dto: UpdateSkillCategoryDto): Promise<SkillCategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const category = await manager.findOne(SkillCategory, { where: { id } });
      if (!category) throw DomainError.notFound('Skill category', id);
      const before = toCategoryDto(category);
      if (dto.name !== undefined) {
        category.nameKey = await assertNameFree(manager, SkillCategory, 'skill category', dto.name, id);
        category.name = dto.name.trim();
      }
      if (dto.description !== undefined) category.description = dto.description;
      const saved = await manager.save(category);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'update',
        entity: 'skill_category',
        entityId: id,
        before,
        after: toCategoryDto(saved),
      });
      return toCategoryDto(saved);
    });
  }

  async list(query: ListSkillsQuery): Promise<Page<SkillDto>> {
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Skill)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.category', 'c')
      .orderBy('c.name', 'ASC')
      .addOrderBy('s.name', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) qb.andWhere("s.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    if (query.categoryId) qb.andWhere('s.category_id = :categoryId', { categoryId: query.categoryId });
    if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toSkillDto), total, window);
  }

  async get(id: number): Promise<SkillDto> {
    const skill = await this.dataSource.getRepository(Skill).findOne({ where: { id }, relations: { category: true } });
    if (!skill) throw DomainError.notFound('Skill', id);
    return toSkillDto(skill);
  }

  create(user: SessionUser, dto: CreateSkillDto): Promise<SkillDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, Skill, 'skill', dto.name);
      const category = (await requireIds(manager, SkillCategory, [dto.categoryId], 'categoryId', 'Skill category')).get(
        dto.categoryId,
      );
      const saved = await manager.save(
        manager.create(Skill, {
          name: dto.name.trim(),
          nameKey: key,
          categoryId: dto.categoryId,
          kind: dto.kind,
          description: dto.description ?? null,
          externalRef: dto.externalRef ?? null,
          status: 'active',
        }),
      );
      saved.category = category;
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'skill',
        entityId: saved.id,
        after: toSkillDto(saved),
      });
      return toSkillDto(saved);
    });
  }

  update(user: SessionUser, id: number, dto: UpdateSkillDto): Promise<SkillDto> {
    return this.dataSource.transaction(async (manager) => {
      const skill = await manager.findOne(Skill, { where: { id }, relations: { category: true } });
      if (!skill) throw DomainError.notFound('Skill', id);
      const before = toSkillDto(skill);
      if (dto.name !== undefined) {
        skill.nameKey = await assertNameFree(manager, Skill, 'skill', dto.name, id);
        skill.name = dto.name.trim();
      }
      if (dto.categoryId !== undefined) {
        skill.category = (await requireIds(manager, SkillCategory, [dto.categoryId], 'categoryId', 'Skill category')).get(
          dto.categoryId,
        );
        skill.categoryId = dto.categoryId;
      }
      if (dto.kind !== undefined) skill.kind = dto.kind;
      if (dto.description !== undefined) skill.description = dto.description;
      if (dto.externalRef !== undefined) skill.externalRef = dto.externalRef;
      if (dto.status !== undefined) skill.status = dto.status;
      const saved = await manager.save(skill);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'update',
        entity: 'skill',
        entityId: id,
        before,
        after: toSkillDto(saved),
      });
      return toSkillDto(saved);
    });
  }

  /** Retiring keeps history: old completions and requirements still count. */
  retire(user: SessionUser, id: number): Promise<SkillDto> {
    return this.update(user, id, { status: 'retired' });
  }
}
