import { RENEWAL_WINDOW_DAYS } from '@skillgrid/shared';
import type { SqlValue } from '../../../database/sql';
import { Calendar } from '../../../common/calendar';
import { NEVER_EXPIRES, ORGANISATION_SCOPE } from './skill-state.sql';
import { STAT_DIMENSIONS } from './skill-state.entities';

/** Rows of the per-employee tables, written with each batch of employees. */
export interface StateRows {
  levels: SqlValue[][];
  members: SqlValue[][];
}

/** Where the columns the state depends on sit in a completions row. */
export interface CompletionColumns {
  credential: number;
  awarded: number;
  expires: number;
  status: number;
}

/** Rows of one statistics table for one scope, in primary-key order. */
export interface StatRows {
  table: 'skill_stats' | 'headcount_stats' | 'expiry_stats' | 'qualified_stats' | 'renewal_stats';
  rows: SqlValue[][];
}

/** The columns of each statistics table, in the order of StatRows' rows. */
export const STAT_COLUMNS: Record<StatRows['table'], readonly string[]> = {
  skill_stats: ['scope_id', 'dim', 'dim_id', 'skill_id', 'level', 'holders', 'met', 'towards'],
  headcount_stats: ['scope_id', 'dim', 'dim_id', 'role_id', 'headcount', 'recorded'],
  expiry_stats: ['scope_id', 'expires_on', 'completions'],
  qualified_stats: ['scope_id', 'role_id', 'skill_id', 'until_month', 'holders'],
  renewal_stats: ['skill_id', 'expires_on', 'expired', 'renewed'],
};
/** The columns of the per-employee rows (StateRows). */
export const LEVEL_COLUMNS = ['employee_id', 'skill_id', 'level', 'valid_until'] as const;
export const MEMBER_COLUMNS = ['employee_id', 'team_id', 'role_id', 'location_id', 'recorded'] as const;

/** What the state is computed from besides the employees and their completions. */
export interface SkillStateModel {
  /** R: the date the statistics hold on (the organisation's today). */
  validOn: string;
  /** Credential id → the skills it grants, at which level. */
  grants: ReadonlyMap<number, ReadonlyArray<{ skillId: number; level: number }>>;
  /** Role id → skill id → the level the role requires. */
  requirements: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Every team, with its path of ids from the top ("/1/4/9/"). */
  teams: ReadonlyArray<{ id: number; path: string }>;
  /** The largest skill, role and location ids (0 when there are none). */
  maxSkillId: number;
  maxRoleId: number;
  maxLocationId: number;
}

/** An employee as the state counts them. */
export interface StateEmployee {
  id: number;
  teamId: number;
  roleId: number;
  locationId: number | null;
  active: boolean;
}

const { subtree, direct, role: byRole, location: byLocation } = STAT_DIMENSIONS;

/**
 * The skill state and the statistics (skill-state.sql.ts), computed in memory from each
 * employee's completions: the rows rebuildAnalytics builds set-based from the same data (tests
 * compare the two). The demo seed feeds it as it generates people, recomputeAnalytics
 * (skill-state-rebuild.ts) from the completions read back range by range.
 *
 * Per team it keeps the levels held on R by (role, location, skill, level), the members by (role,
 * location) and the unrenewed expiries by day; the scopes' statistics are summed from those at the
 * end. Memory grows with the teams, not with the completions. Keys pack ids into one number, so
 * the ids must be small enough (fitsModel).
 */
export class SkillStateBuilder {
  private readonly grants: Array<ReadonlyArray<{ skillId: number; level: number }> | undefined> = [];
  /** role * skills + skill → the level the role requires (absent: not required). */
  private readonly required = new Map<number, number>();
  private readonly skills: number;
  private readonly locations: number;
  private readonly roles: number;
  private readonly dimIds: number;
  private readonly teamIds: number[];
  private readonly teamIndex = new Map<number, number>();
  private readonly subtrees: number[][];
  private readonly holders: Array<Map<number, number>>;
  private readonly headcounts: Array<Map<number, number>>;
  private readonly recorded: Array<Map<number, number>>;
  private readonly expiries: Array<Map<number, number>>;
  /** Per team: (role * skills + skill) * MONTHS + the month the role's level ends → members. */
  private readonly qualified: Array<Map<number, number>>;
  /** Organisation-wide: (skill * DAYS + expiry day) → [expired, renewed]. */
  private readonly renewals = new Map<number, [number, number]>();
  private readonly calendar: Calendar;
  private readonly validOn: string;

  constructor(
    model: SkillStateModel,
    private readonly columns: CompletionColumns,
  ) {
    if (!SkillStateBuilder.fitsModel(model)) throw new RangeError('The ids are too large for the in-memory skill state');
    this.validOn = model.validOn;
    for (const [credentialId, grants] of model.grants) this.grants[credentialId] = grants;
    this.skills = model.maxSkillId + 1;
    this.roles = model.maxRoleId + 1;
    this.locations = model.maxLocationId + 1;
    this.dimIds = Math.max(this.roles, this.locations);
    for (const [roleId, requirements] of model.requirements)
      for (const [skillId, level] of requirements) this.required.set(roleId * this.skills + skillId, level);
    this.teamIds = model.teams.map((team) => team.id).sort((a, b) => a - b);
    this.teamIds.forEach((id, index) => this.teamIndex.set(id, index));
    this.subtrees = this.teamIds.map(() => []);
    for (const team of model.teams) {
      const index = this.teamIndex.get(team.id) as number;
      for (const ancestor of team.path.split('/').filter(Boolean).map(Number)) {
        const at = this.teamIndex.get(ancestor);
        if (at !== undefined) (this.subtrees[at] as number[]).push(index);
      }
    }
    for (const teams of this.subtrees) teams.sort((a, b) => a - b);
    const perTeam = () => this.teamIds.map(() => new Map<number, number>());
    this.holders = perTeam();
    this.headcounts = perTeam();
    this.recorded = perTeam();
    this.expiries = perTeam();
    this.qualified = perTeam();
    this.calendar = new Calendar(model.validOn);
  }

  /** Whether every packed key of the model stays an exact integer. */
  static fitsModel(model: Pick<SkillStateModel, 'maxSkillId' | 'maxRoleId' | 'maxLocationId'>): boolean {
    const [skills, roles, locations] = [model.maxSkillId + 1, model.maxRoleId + 1, model.maxLocationId + 1];
    const dimIds = Math.max(roles, locations);
    return (
      roles * locations * skills * 8 < Number.MAX_SAFE_INTEGER &&
      4 * dimIds * skills * 8 < Number.MAX_SAFE_INTEGER &&
      roles * skills * MONTHS < Number.MAX_SAFE_INTEGER &&
      skills * DAYS < Number.MAX_SAFE_INTEGER
    );
  }

  /**
   * One employee, from their completions (`completions[from..]`): appends their
   * employee_skill_levels rows, and a rollup_members row when they are active, to `out`.
   */
  add(employee: StateEmployee, completions: readonly SqlValue[][], from: number, out: StateRows): void {
    const { credential, awarded, expires, status } = this.columns;
    /** skill * 8 + level → until when it is held (the latest expiry of a completion granting it). */
    const until = new Map<number, string>();
    /** credential → its latest valid completion's award and expiry dates. */
    const latest = new Map<number, { awardedAt: string; expiresAt: string | null }>();
    for (let i = from; i < completions.length; i++) {
      const row = completions[i] as SqlValue[];
      if (row[status] !== 'valid') continue;
      const credentialId = row[credential] as number;
      const expiresAt = row[expires] as string | null;
      const end = expiresAt ?? NEVER_EXPIRES;
      for (const grant of this.grants[credentialId] ?? [])
        for (let level = 1; level <= grant.level; level++) {
          const key = grant.skillId * 8 + level;
          if ((until.get(key) ?? '') < end) until.set(key, end);
        }
      const awardedAt = row[awarded] as string;
      const before = latest.get(credentialId);
      if (!before || awardedAt > before.awardedAt) latest.set(credentialId, { awardedAt, expiresAt });
    }
    const keys = [...until.keys()].sort((a, b) => a - b);
    for (const key of keys) out.levels.push([employee.id, Math.floor(key / 8), key % 8, until.get(key) as string]);
    this.addRenewals(completions, from);
    if (!employee.active) return;

    const team = this.teamIndex.get(employee.teamId);
    if (team === undefined) throw new Error(`Employee ${employee.id} is in team ${employee.teamId}, which is not in the model`);
    const location = employee.locationId ?? 0;
    const hasAny = latest.size > 0 ? 1 : 0;
    out.members.push([employee.id, employee.teamId, employee.roleId, location, hasAny]);
    const member = employee.roleId * this.locations + location;
    increment(this.headcounts[team] as Map<number, number>, member, 1);
    increment(this.recorded[team] as Map<number, number>, member, hasAny);
    const holders = this.holders[team] as Map<number, number>;
    for (const key of keys) if ((until.get(key) as string) > this.validOn) increment(holders, member * this.skills * 8 + key, 1);
    const expiries = this.expiries[team] as Map<number, number>;
    for (const { expiresAt } of latest.values())
      if (expiresAt !== null && expiresAt > this.validOn) increment(expiries, Calendar.dayOf(expiresAt), 1);
    const qualified = this.qualified[team] as Map<number, number>;
    for (let skill = 0; skill < this.skills; skill++) {
      const level = this.required.get(employee.roleId * this.skills + skill);
      if (level === undefined) continue;
      const end = until.get(skill * 8 + level);
      if (end === undefined || end <= this.validOn) continue;
      increment(qualified, (employee.roleId * this.skills + skill) * MONTHS + monthNumber(end), 1);
    }
  }

  /** The renewal counts of one employee's valid completions (`completions[from..]`), every skill they grant. */
  private addRenewals(completions: readonly SqlValue[][], from: number): void {
    const { credential, awarded, expires, status } = this.columns;
    const own: Array<{ credentialId: number; awarded: number; expires: number | null }> = [];
    for (let i = from; i < completions.length; i++) {
      const row = completions[i] as SqlValue[];
      if (row[status] !== 'valid') continue;
      const expiresAt = row[expires] as string | null;
      own.push({
        credentialId: row[credential] as number,
        awarded: Calendar.dayOf(row[awarded] as string),
        expires: expiresAt === null ? null : Calendar.dayOf(expiresAt),
      });
    }
    own.forEach((completion, index) => {
      if (completion.expires === null) return;
      for (const grant of this.grants[completion.credentialId] ?? []) {
        const renewed = own.some(
          (other, j) =>
            j !== index &&
            Math.abs(other.awarded - (completion.expires as number)) <= RENEWAL_WINDOW_DAYS &&
            (this.grants[other.credentialId] ?? []).some((g) => g.skillId === grant.skillId && g.level >= grant.level),
        );
        const key = grant.skillId * DAYS + completion.expires;
        const counts = this.renewals.get(key);
        if (counts) {
          counts[0] += 1;
          counts[1] += renewed ? 1 : 0;
        } else this.renewals.set(key, [1, renewed ? 1 : 0]);
      }
    });
  }

  /**
   * The statistics, scope by scope (the organisation, then every team by id) and table by table,
   * each scope summed over the teams of its sub-tree.
   */
  *statistics(): Generator<StatRows> {
    const scopes: Array<{ id: number; own: number | null; teams: number[] }> = [
      { id: ORGANISATION_SCOPE, own: null, teams: this.teamIds.map((_, index) => index) },
      ...this.teamIds.map((id, index) => ({ id, own: index, teams: this.subtrees[index] as number[] })),
    ];
    for (const scope of scopes) {
      yield { table: 'skill_stats', rows: this.skillStats(scope.id, scope.own, scope.teams) };
      yield { table: 'headcount_stats', rows: this.headcountStats(scope.id, scope.own, scope.teams) };
      yield { table: 'expiry_stats', rows: this.expiryStats(scope.id, scope.teams) };
      yield { table: 'qualified_stats', rows: this.qualifiedStats(scope.id, scope.teams) };
    }
    yield {
      table: 'renewal_stats',
      rows: [...this.renewals.keys()]
        .sort((a, b) => a - b)
        .map((key) => [Math.floor(key / DAYS), this.calendar.iso(key % DAYS), ...(this.renewals.get(key) as [number, number])]),
    };
  }

  private qualifiedStats(scopeId: number, teams: number[]): SqlValue[][] {
    const sums = new Map<number, number>();
    for (const team of teams) for (const [key, n] of this.qualified[team] as Map<number, number>) increment(sums, key, n);
    return [...sums.keys()]
      .sort((a, b) => a - b)
      .map((key) => {
        const roleSkill = Math.floor(key / MONTHS);
        return [
          scopeId,
          Math.floor(roleSkill / this.skills),
          roleSkill % this.skills,
          monthDate(key % MONTHS),
          sums.get(key) as number,
        ];
      });
  }

  private skillStats(scopeId: number, own: number | null, teams: number[]): SqlValue[][] {
    const { skills, locations, dimIds } = this;
    const sums = new Map<number, [number, number, number]>();
    const add = (dim: number, dimId: number, skillLevel: number, n: number, met: number, towards: number) => {
      const key = (dim * dimIds + dimId) * skills * 8 + skillLevel;
      const sum = sums.get(key);
      if (sum) {
        sum[0] += n;
        sum[1] += met;
        sum[2] += towards;
      } else sums.set(key, [n, met, towards]);
    };
    for (const team of teams) {
      for (const [key, n] of this.holders[team] as Map<number, number>) {
        const skillLevel = key % (skills * 8);
        const member = Math.floor(key / (skills * 8));
        const [role, location] = [Math.floor(member / locations), member % locations];
        const [skill, level] = [Math.floor(skillLevel / 8), skillLevel % 8];
        const requiredLevel = this.required.get(role * skills + skill) ?? 0;
        const met = requiredLevel === level ? n : 0;
        const towards = requiredLevel >= level ? n : 0;
        add(subtree, 0, skillLevel, n, met, towards);
        if (team === own) add(direct, 0, skillLevel, n, met, towards);
        add(byRole, role, skillLevel, n, met, towards);
        add(byLocation, location, skillLevel, n, met, towards);
      }
    }
    return [...sums.keys()]
      .sort((a, b) => a - b)
      .map((key) => {
        const [dimKey, skillLevel] = [Math.floor(key / (skills * 8)), key % (skills * 8)];
        const [n, met, towards] = sums.get(key) as [number, number, number];
        return [
          scopeId,
          Math.floor(dimKey / dimIds),
          dimKey % dimIds,
          Math.floor(skillLevel / 8),
          skillLevel % 8,
          n,
          met,
          towards,
        ];
      });
  }

  private headcountStats(scopeId: number, own: number | null, teams: number[]): SqlValue[][] {
    const { roles, locations, dimIds } = this;
    const sums = new Map<number, [number, number]>();
    const add = (dim: number, dimId: number, role: number, n: number, recorded: number) => {
      const key = (dim * dimIds + dimId) * roles + role;
      const sum = sums.get(key);
      if (sum) {
        sum[0] += n;
        sum[1] += recorded;
      } else sums.set(key, [n, recorded]);
    };
    for (const team of teams) {
      const recorded = this.recorded[team] as Map<number, number>;
      for (const [member, n] of this.headcounts[team] as Map<number, number>) {
        const [role, location] = [Math.floor(member / locations), member % locations];
        const withAny = recorded.get(member) ?? 0;
        add(subtree, 0, role, n, withAny);
        if (team === own) add(direct, 0, role, n, withAny);
        add(byRole, role, role, n, withAny);
        add(byLocation, location, role, n, withAny);
      }
    }
    return [...sums.keys()]
      .sort((a, b) => a - b)
      .map((key) => {
        const [n, recorded] = sums.get(key) as [number, number];
        const dimKey = Math.floor(key / roles);
        return [scopeId, Math.floor(dimKey / dimIds), dimKey % dimIds, key % roles, n, recorded];
      });
  }

  private expiryStats(scopeId: number, teams: number[]): SqlValue[][] {
    const sums = new Map<number, number>();
    for (const team of teams) for (const [day, n] of this.expiries[team] as Map<number, number>) increment(sums, day, n);
    return [...sums.keys()].sort((a, b) => a - b).map((day) => [scopeId, this.calendar.iso(day), sums.get(day) as number]);
  }
}

/** Months as numbers (year * 12 + month - 1), up to 9999-12; days as day numbers, up to 9999-12-31. */
const MONTHS = 10_000 * 12;
const DAYS = Calendar.dayOf('9999-12-31') + 1;

function monthNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function monthDate(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

function increment(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
