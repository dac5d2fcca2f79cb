import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The derived tables that keep the dashboards from scanning completions (DESIGN §5). They are
 * written only by skill-state.sql.ts, in the same transaction as the write that changes them.
 */

/**
 * Every (ancestor, descendant) pair of the team tree, itself included at depth 0, and the
 * organisation as ancestor 0 of every team.
 */
@Entity({ name: 'team_closure' })
@Index('IDX_team_closure_descendant', ['descendantId'])
export class TeamClosure {
  @PrimaryColumn({ name: 'ancestor_id', type: 'integer' })
  ancestorId!: number;

  @PrimaryColumn({ name: 'descendant_id', type: 'integer' })
  descendantId!: number;

  @Column({ type: 'integer' })
  depth!: number;
}

/**
 * Current skill state: the employee holds `level` (and every level below) of the skill until
 * `valid_until` (exclusive), from their valid completions; '9999-12-31' when it never expires.
 * Any as-of date from today on is exact: held on d when valid_until > d.
 */
@Entity({ name: 'employee_skill_levels' })
@Index('IDX_employee_skill_levels_skill', ['skillId', 'level', 'validUntil'])
@Index('IDX_employee_skill_levels_until', ['validUntil'])
export class EmployeeSkillLevel {
  @PrimaryColumn({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;
}

/** Where each active employee is counted in the rollups (location 0 = none). */
@Entity({ name: 'rollup_members' })
@Index('IDX_rollup_members_team', ['teamId'])
export class RollupMember {
  @PrimaryColumn({ name: 'employee_id', type: 'integer' })
  employeeId!: number;

  @Column({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @Column({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @Column({ name: 'location_id', type: 'integer' })
  locationId!: number;

  /** 1 when the employee has any valid completion (data completeness). */
  @Column({ type: 'integer' })
  recorded!: number;
}

/** Dimensions of the statistics: everyone in a scope, its direct members, by role, by location. */
export const STAT_DIMENSIONS = { subtree: 0, direct: 1, role: 2, location: 3 } as const;

/**
 * Active members per scope, dimension and role, and how many have any credential recorded.
 * scope_id is a team (its whole sub-tree; its own members for the "direct" dimension) or 0
 * for the organisation; dim_id is the role or location for those dimensions, else 0.
 */
@Entity({ name: 'headcount_stats' })
export class HeadcountStat {
  @PrimaryColumn({ name: 'scope_id', type: 'integer' })
  scopeId!: number;

  @PrimaryColumn({ type: 'integer' })
  dim!: number;

  @PrimaryColumn({ name: 'dim_id', type: 'integer' })
  dimId!: number;

  @PrimaryColumn({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ type: 'integer' })
  recorded!: number;
}

/**
 * Per scope, dimension, skill and level: members holding the level on the date in
 * rollup_state (holders), those of them whose role requires exactly that level (met), and
 * those whose role requires that level or more (towards: the sum of min(level, required)).
 * Any later date subtracts the levels that end in between (read from employee_skill_levels).
 */
@Entity({ name: 'skill_stats' })
export class SkillStat {
  @PrimaryColumn({ name: 'scope_id', type: 'integer' })
  scopeId!: number;

  @PrimaryColumn({ type: 'integer' })
  dim!: number;

  @PrimaryColumn({ name: 'dim_id', type: 'integer' })
  dimId!: number;

  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @Column({ type: 'integer' })
  holders!: number;

  @Column({ type: 'integer' })
  met!: number;

  @Column({ type: 'integer' })
  towards!: number;
}

/**
 * Per scope (a team's sub-tree, or 0 for the organisation) and day: the credentials of active
 * members that expire that day and are not renewed — each (employee, credential)'s latest valid
 * completion, counted on its expiry date when that is after the date in rollup_state. A window of
 * days from today on is a range of rows, however many completions there are.
 */
@Entity({ name: 'expiry_stats' })
export class ExpiryStat {
  @PrimaryColumn({ name: 'scope_id', type: 'integer' })
  scopeId!: number;

  @PrimaryColumn({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ type: 'integer' })
  completions!: number;
}

/**
 * The forecast's supply (DESIGN §3 "Forecast", §5): per scope (a team's sub-tree, or 0 for the
 * organisation), role and skill the role requires, the active members holding the role's level,
 * by the month their qualification lapses (the first day of the month of valid_until;
 * '9999-12-01' when it never does). Only levels held after the date in rollup_state count, as in
 * skill_stats.
 */
@Entity({ name: 'qualified_stats' })
export class QualifiedStat {
  @PrimaryColumn({ name: 'scope_id', type: 'integer' })
  scopeId!: number;

  @PrimaryColumn({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @PrimaryColumn({ name: 'until_month', type: 'date' })
  untilMonth!: string;

  @Column({ type: 'integer' })
  holders!: number;
}

/**
 * The renewal rate's counts (DESIGN §3), organisation-wide: per skill and day, the valid
 * completions granting the skill that expire that day, and how many of them the same employee
 * renewed (another valid completion granting the skill at the same or a higher level, awarded
 * within 90 days before or after). A rate as of d >= today sums the 24 months of days before d.
 */
@Entity({ name: 'renewal_stats' })
@Index('IDX_renewal_stats_expires', ['expiresOn'])
export class RenewalStat {
  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @PrimaryColumn({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ type: 'integer' })
  expired!: number;

  @Column({ type: 'integer' })
  renewed!: number;
}

/** The date the statistics hold on (advanced day by day; correctness never depends on it). */
@Entity({ name: 'rollup_state' })
export class RollupState {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'valid_on', type: 'date' })
  validOn!: string;

  /** The swap of rebuilt derived tables waiting to be renamed into place, if any (analytics-swap.ts). */
  @Column({ name: 'swap_id', type: 'varchar', length: 32, nullable: true })
  swapId!: string | null;
}

export const SKILL_STATE_ENTITIES = [
  TeamClosure,
  EmployeeSkillLevel,
  RollupMember,
  HeadcountStat,
  SkillStat,
  ExpiryStat,
  QualifiedStat,
  RenewalStat,
  RollupState,
];
