import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { EmployeeStatus } from '@skillgrid/shared';
import { Team } from '../teams/team.entity';
import { Role } from '../roles/role.entity';
import { Location } from '../organisation/location.entity';

@Entity({ name: 'employees' })
@Index('IDX_employees_team_status', ['teamId', 'status'])
@Index('IDX_employees_role_status', ['roleId', 'status'])
@Index('IDX_employees_name', ['name', 'id'])
@Index('IDX_employees_leave_date', ['leaveDate', 'roleId'])
export class Employee {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The HRIS key; imports upsert by it. */
  @Index('UQ_employees_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 64, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  /** Stored lower-case, so uniqueness is the same on both databases. */
  @Index('UQ_employees_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<Team>;

  @Column({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @ManyToOne(() => Role, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<Role>;

  @Column({ name: 'location_id', type: 'integer', nullable: true })
  locationId!: number | null;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'location_id' })
  location?: Relation<Location | null>;

  @Column({ name: 'hire_date', type: 'date' })
  hireDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: EmployeeStatus;

  @Column({ name: 'leave_date', type: 'date', nullable: true })
  leaveDate!: string | null;

  /** Career-goal role. */
  @Column({ name: 'target_role_id', type: 'integer', nullable: true })
  targetRoleId!: number | null;

  @ManyToOne(() => Role, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'target_role_id' })
  targetRole?: Relation<Role | null>;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
