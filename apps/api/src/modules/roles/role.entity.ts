import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { CatalogueStatus } from '@skillgrid/shared';
import { RoleRequirement } from './role-requirement.entity';

@Entity({ name: 'roles' })
export class Role {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('UQ_roles_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 120 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  family!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  /** O*NET-SOC code or another outside key. */
  @Column({ name: 'external_ref', type: 'varchar', length: 255, nullable: true })
  externalRef!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CatalogueStatus;

  @OneToMany(() => RoleRequirement, (requirement) => requirement.role)
  requirements?: Relation<RoleRequirement[]>;
}
