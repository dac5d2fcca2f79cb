import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Role } from '../roles/role.entity';
import { Team } from '../teams/team.entity';

/** Planned headcount of a role (optionally within a team) at a month's end. */
@Entity({ name: 'headcount_plans' })
@Index('IDX_headcount_plans_role_month', ['roleId', 'month'])
export class HeadcountPlan {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @ManyToOne(() => Role, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<Role>;

  @Column({ name: 'team_id', type: 'integer', nullable: true })
  teamId!: number | null;

  @ManyToOne(() => Team, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<Team | null>;

  /** First day of the month (YYYY-MM-01). */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'integer' })
  headcount!: number;
}
