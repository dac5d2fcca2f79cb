import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The derived tables that keep the dashboards from scanning completions (DESIGN §5). They are
 * written only by skill-state.sql.ts, in the same transaction as the write that changes them.
 */

/** Every (ancestor, descendant) pair of the team tree, itself included at depth 0. */
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

/** Active members per (team, role, location), and how many of them have any credential recorded. */
@Entity({ name: 'group_headcounts' })
export class GroupHeadcount {
  @PrimaryColumn({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @PrimaryColumn({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @PrimaryColumn({ name: 'location_id', type: 'integer' })
  locationId!: number;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ type: 'integer' })
  recorded!: number;
}

/**
 * Holders per (team, role, location, skill, level, valid-until month): how many active
 * members hold `level` of the skill until a date in `until_month` ('YYYY-MM'; '9999-12' =
 * never expires). Summing the months after d's month gives the holders on d's month end.
 */
@Entity({ name: 'skill_rollups' })
@Index('IDX_skill_rollups_skill', ['skillId', 'untilMonth'])
export class SkillRollup {
  @PrimaryColumn({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @PrimaryColumn({ name: 'role_id', type: 'integer' })
  roleId!: number;

  @PrimaryColumn({ name: 'location_id', type: 'integer' })
  locationId!: number;

  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId!: number;

  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ name: 'until_month', type: 'varchar', length: 7 })
  untilMonth!: string;

  @Column({ type: 'integer' })
  holders!: number;
}

export const SKILL_STATE_ENTITIES = [TeamClosure, EmployeeSkillLevel, RollupMember, GroupHeadcount, SkillRollup];
