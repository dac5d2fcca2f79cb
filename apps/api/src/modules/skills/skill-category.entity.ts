import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'skill_categories' })
export class SkillCategory {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('UQ_skill_categories_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 120 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;
}
