import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { CatalogueStatus, SkillKind } from '@skillgrid/shared';
import { SkillCategory } from './skill-category.entity';

@Entity({ name: 'skills' })
export class Skill {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('UQ_skills_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey!: string;

  @Index('IDX_skills_category')
  @Column({ name: 'category_id', type: 'integer' })
  categoryId!: number;

  @ManyToOne(() => SkillCategory, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<SkillCategory>;

  @Column({ type: 'varchar', length: 8 })
  kind!: SkillKind;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** ESCO URI, O*NET element id or SFIA code. */
  @Index('IDX_skills_external_ref')
  @Column({ name: 'external_ref', type: 'varchar', length: 255, nullable: true })
  externalRef!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CatalogueStatus;
}
