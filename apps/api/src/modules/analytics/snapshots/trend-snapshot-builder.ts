import type { IsoDate } from '@skillgrid/shared';

/**
 * The month-end figures of the coverage trend (DESIGN §3 coverage, §5 monthly snapshots),
 * computed from each employee's employment history and completions exactly as the trend reads
 * them from completions for one date:
 * - members on month end D: hired on or before D, not left by D, with an employment period
 *   covering D (in the team and role of that period);
 * - an employee's level in a skill on D: the highest level granted by a valid completion awarded
 *   on or before D that has not expired by D;
 * - required / met: each member × each requirement of their role (the role's requirements as
 *   they are now), met when the level on D reaches the required level.
 *
 * Figures per team (own members) are summed into every scope (a team with its sub-tree, and the
 * organisation) by the caller's team tree; per-skill figures are kept for the organisation.
 * Memory grows with months × (teams + skills), not with employees or completions.
 */

export interface SnapshotPeriod {
  teamId: number;
  roleId: number;
  start: IsoDate;
  end: IsoDate | null;
}

export interface SnapshotCompletion {
  credentialId: number;
  awarded: IsoDate;
  expires: IsoDate | null;
}

export interface SnapshotEmployee {
  hire: IsoDate;
  leave: IsoDate | null;
  periods: readonly SnapshotPeriod[];
  /** Valid completions only. */
  completions: readonly SnapshotCompletion[];
}

/** One row of trend_snapshots: skillId 0 sums every required skill. */
export interface TrendSnapshotRow {
  monthEnd: IsoDate;
  scopeId: number;
  skillId: number;
  headcount: number;
  required: number;
  met: number;
  /** The sum of members' levels in the skill (0 on skill 0 rows). */
  levelSum: number;
}

/** The skill 0 rows: every skill the role requires. */
export const ALL_SKILLS = 0;

export class TrendSnapshotBuilder {
  /** Per month: team → [headcount, required, met]. */
  private readonly teams: Array<Map<number, [number, number, number]>>;
  /** Per month: skill → [required, met, levelSum]. */
  private readonly skills: Array<Map<number, [number, number, number]>>;

  constructor(
    /** The month ends to compute, any order. */
    readonly monthEnds: readonly IsoDate[],
    /** credential → the skills it grants, with levels. */
    private readonly grants: ReadonlyMap<number, ReadonlyArray<{ skillId: number; level: number }>>,
    /** role → skill → required level. */
    private readonly requirements: ReadonlyMap<number, ReadonlyMap<number, number>>,
  ) {
    this.teams = monthEnds.map(() => new Map());
    this.skills = monthEnds.map(() => new Map());
  }

  add(employee: SnapshotEmployee): void {
    this.monthEnds.forEach((date, month) => {
      if (employee.hire > date || (employee.leave !== null && employee.leave <= date)) return;
      const period = employee.periods.find((p) => p.start <= date && (p.end === null || p.end > date));
      if (!period) return;
      const levels = new Map<number, number>();
      for (const completion of employee.completions) {
        if (completion.awarded > date || (completion.expires !== null && completion.expires <= date)) continue;
        for (const grant of this.grants.get(completion.credentialId) ?? [])
          if ((levels.get(grant.skillId) ?? 0) < grant.level) levels.set(grant.skillId, grant.level);
      }
      const team = counter(this.teams[month], period.teamId);
      team[0]++;
      const bySkill = this.skills[month];
      for (const [skillId, level] of levels) counter(bySkill, skillId)[2] += level;
      for (const [skillId, requiredLevel] of this.requirements.get(period.roleId) ?? []) {
        const met = (levels.get(skillId) ?? 0) >= requiredLevel ? 1 : 0;
        team[1]++;
        team[2] += met;
        const skill = counter(bySkill, skillId);
        skill[0]++;
        skill[1] += met;
      }
    });
  }

  /**
   * The rows of every scope: `scopesOf(team)` lists the scopes a team's members count in (the
   * team, its ancestors and the organisation, `organisation`).
   */
  rows(scopesOf: (teamId: number) => readonly number[], organisation: number): TrendSnapshotRow[] {
    const rows: TrendSnapshotRow[] = [];
    this.monthEnds.forEach((monthEnd, month) => {
      const scopes = new Map<number, [number, number, number]>([[organisation, [0, 0, 0]]]);
      for (const [teamId, [headcount, required, met]] of this.teams[month])
        for (const scopeId of scopesOf(teamId)) {
          const into = counter(scopes, scopeId);
          into[0] += headcount;
          into[1] += required;
          into[2] += met;
        }
      for (const [scopeId, [headcount, required, met]] of scopes)
        rows.push({ monthEnd, scopeId, skillId: ALL_SKILLS, headcount, required, met, levelSum: 0 });
      const headcount = (scopes.get(organisation) as [number, number, number])[0];
      for (const [skillId, [required, met, levelSum]] of this.skills[month])
        rows.push({ monthEnd, scopeId: organisation, skillId, headcount, required, met, levelSum });
    });
    return rows;
  }
}

function counter(map: Map<number, [number, number, number]>, key: number): [number, number, number] {
  let value = map.get(key);
  if (!value) map.set(key, (value = [0, 0, 0]));
  return value;
}
