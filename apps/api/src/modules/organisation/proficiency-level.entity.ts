import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The 1..5 proficiency scale: numbers are fixed, labels are configurable. */
@Entity({ name: 'proficiency_levels' })
export class ProficiencyLevel {
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @Column({ type: 'varchar', length: 60 })
  label!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;
}
