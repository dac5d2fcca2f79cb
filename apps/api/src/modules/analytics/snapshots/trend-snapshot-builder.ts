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
  /** team → per month [headcount, required, met]. */
  private readonly teams = new Map<number, Float64Array>();
  /** (month * skillSlots + skill) * 3 → [required, met, levelSum], organisation-wide. */
  private readonly skills: Float64Array;
  private readonly skillSlots: number;
  private readonly required = new Map<number, Array<[number, number]>>();
  /** One employee's levels on one month end, by skill (reset after each use), and which are set. */
  private readonly levels: Uint8Array;
  private readonly touched: number[] = [];

  constructor(
    /** The month ends to compute, any order. */
    readonly monthEnds: readonly IsoDate[],
    /** credential → the skills it grants, with levels. */
    private readonly grants: ReadonlyMap<number, ReadonlyArray<{ skillId: number; level: number }>>,
    /** role → skill → required level. */
    requirements: ReadonlyMap<number, ReadonlyMap<number, number>>,
  ) {
    let maxSkill = 0;
    for (const list of grants.values()) for (const grant of list) maxSkill = Math.max(maxSkill, grant.skillId);
    for (const [roleId, bySkill] of requirements) {
      this.required.set(roleId, [...bySkill]);
      for (const skillId of bySkill.keys()) maxSkill = Math.max(maxSkill, skillId);
    }
    this.skillSlots = maxSkill + 1;
    this.skills = new Float64Array(monthEnds.length * this.skillSlots * 3);
    this.levels = new Uint8Array(this.skillSlots);
  }

  add(employee: SnapshotEmployee): void {
    const held = employee.completions.map((c) => ({ ...c, grants: this.grants.get(c.credentialId) ?? [] }));
    const { levels, touched, skills, skillSlots } = this;
    const months = this.monthEnds.length;
    for (let month = 0; month < months; month++) {
      const date = this.monthEnds[month];
      if (employee.hire > date || (employee.leave !== null && employee.leave <= date)) continue;
      const period = employee.periods.find((p) => p.start <= date && (p.end === null || p.end > date));
      if (!period) continue;
      for (const completion of held) {
        if (completion.awarded > date || (completion.expires !== null && completion.expires <= date)) continue;
        for (const grant of completion.grants)
          if (levels[grant.skillId] < grant.level) {
            if (levels[grant.skillId] === 0) touched.push(grant.skillId);
            levels[grant.skillId] = grant.level;
          }
      }
      let team = this.teams.get(period.teamId);
      if (!team) this.teams.set(period.teamId, (team = new Float64Array(months * 3)));
      const at = month * 3;
      team[at]++;
      const base = month * skillSlots * 3;
      for (const skillId of touched) skills[base + skillId * 3 + 2] += levels[skillId];
      for (const [skillId, requiredLevel] of this.required.get(period.roleId) ?? []) {
        const met = levels[skillId] >= requiredLevel ? 1 : 0;
        team[at + 1]++;
        team[at + 2] += met;
        skills[base + skillId * 3]++;
        skills[base + skillId * 3 + 1] += met;
      }
      for (const skillId of touched) levels[skillId] = 0;
      touched.length = 0;
    }
  }

  /**
   * The rows of every scope: `scopesOf(team)` lists the scopes a team's members count in (the
   * team, its ancestors and the organisation, `organisation`).
   */
  rows(scopesOf: (teamId: number) => readonly number[], organisation: number): TrendSnapshotRow[] {
    const rows: TrendSnapshotRow[] = [];
    const { skills, skillSlots } = this;
    this.monthEnds.forEach((monthEnd, month) => {
      const scopes = new Map<number, [number, number, number]>([[organisation, [0, 0, 0]]]);
      const at = month * 3;
      for (const [teamId, counts] of this.teams) {
        if (counts[at] === 0) continue;
        for (const scopeId of scopesOf(teamId)) {
          let into = scopes.get(scopeId);
          if (!into) scopes.set(scopeId, (into = [0, 0, 0]));
          into[0] += counts[at];
          into[1] += counts[at + 1];
          into[2] += counts[at + 2];
        }
      }
      for (const [scopeId, [headcount, required, met]] of scopes)
        rows.push({ monthEnd, scopeId, skillId: ALL_SKILLS, headcount, required, met, levelSum: 0 });
      const headcount = (scopes.get(organisation) as [number, number, number])[0];
      const base = month * skillSlots * 3;
      for (let skillId = 1; skillId < skillSlots; skillId++) {
        const [required, met, levelSum] = skills.subarray(base + skillId * 3, base + skillId * 3 + 3);
        if (required || levelSum) rows.push({ monthEnd, scopeId: organisation, skillId, headcount, required, met, levelSum });
      }
    });
    return rows;
  }
}
