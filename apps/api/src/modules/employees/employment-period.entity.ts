import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Employee } from './employee.entity';
import { Team } from '../teams/team.entity';
import { Role } from '../roles/role.entity';
import { Location } from '../organisation/location.entity';

/**
 * Where an employee was, from `startDate` to `endDate` (exclusive; null = still current),
 * so trends and backtests see the organisation as it was.
 */
@Entity({ name: 'employment_periods' })
@Index('IDX_employment_periods_employee', ['employeeId', 'startDate'])
@Index('IDX_employment_periods_team', ['teamId', 'startDate'])
export class EmploymentPeriod {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Relation<Employee>;

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

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;
}
