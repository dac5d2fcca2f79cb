import {
  addDays,
  addMonths,
  attritionPoints,
  endOfMonth,
  RENEWAL_WINDOW_DAYS,
  type IsoDate,
  type PipelineCandidate,
  type QualifiedGroup,
} from '@skillgrid/shared';
import { completionCountsFromProgress, openPairsFromProgress } from './assignment-progress.sql';
import { orderedJoin, placeholders, quote, type Dialect, type SqlRunner } from '../../database/sql';

/**
 * The few set-based reads a forecast needs (DESIGN §3 "Forecast"), each grouped in SQL so an
 * organisation-wide forecast of every skill is a handful of queries whatever the headcount.
 *
 * Two sources of "who holds what": from today on, the rollups kept on write (headcount_stats,
 * qualified_stats and renewal_stats, exact for any date from the statistics' date R on; see
 * skill-state.sql.ts); before today (an as-of date in the past, and the backtest), the
 * completions awarded by then and the employment history, so the forecast uses only what was
 * known then.
 */

type Row = Record<string, string | number | null>;
const LEVEL = quote('level');
const NEVER = '9999-12-31';
/** Up to this many skills, a historical read starts from the credentials that grant them. */
const FEW_SKILLS = 5;

export interface ForecastScopeFilter {
  /** Team sub-trees (their roots); null: the whole organisation. */
  teamIds: number[] | null;
  roleId: number | null;
}

export interface PositionCount {
  skillId: number;
  roleId: number;
  requiredLevel: number;
  count: number;
}

/** The scope's conditions on a row with team_id and role_id (an employee or an employment period): in the team sub-trees, in the role. */
function scopeConditions(scope: ForecastScopeFilter, alias: string, where: string[], params: unknown[]): void {
  if (scope.teamIds) {
    where.push(
      `${alias}.team_id IN (SELECT tc.descendant_id FROM team_closure tc WHERE tc.ancestor_id IN (${placeholders(scope.teamIds.length)}))`,
    );
    params.push(...scope.teamIds);
  }
  if (scope.roleId !== null) {
    where.push(`${alias}.role_id = ?`);
    params.push(scope.roleId);
  }
}

/** The positions (employee, role) of the scope at d, as a sub-select with its parameters. */
function positionsSql(scope: ForecastScopeFilter, asOf: IsoDate, historical: boolean): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let sql: string;
  if (historical) {
    sql =
      'SELECT ep.employee_id AS employee_id, ep.role_id AS role_id FROM employment_periods ep JOIN employees e ON e.id = ep.employee_id';
    where.push(
      'ep.start_date <= ?',
      '(ep.end_date IS NULL OR ep.end_date > ?)',
      'e.hire_date <= ?',
      '(e.leave_date IS NULL OR e.leave_date > ?)',
    );
    params.push(asOf, asOf, asOf, asOf);
    scopeConditions(scope, 'ep', where, params);
  } else {
    sql = 'SELECT e.id AS employee_id, e.role_id AS role_id FROM employees e';
    where.push("e.status = 'active'");
    scopeConditions(scope, 'e', where, params);
  }
  return { sql: `${sql} WHERE ${where.join(' AND ')}`, params };
}

function skillFilter(column: string, skillIds: number[] | null): { sql: string; params: number[] } {
  if (!skillIds) return { sql: '', params: [] };
  if (!skillIds.length) return { sql: ' AND 1 = 0', params: [] };
  return { sql: ` AND ${column} IN (${placeholders(skillIds.length)})`, params: skillIds };
}

function dateString(value: unknown): IsoDate {
  return String(value).slice(0, 10);
}

/** The statistics' scopes of a filter: the team sub-trees' roots, or the organisation (0). */
function scopeIds(scope: ForecastScopeFilter): number[] {
  return scope.teamIds ?? [0];
}

export class ForecastData {
  constructor(
    private readonly sql: SqlRunner,
    private readonly dialect: Dialect,
  ) {}

  /** Positions per skill and role: active members of the scope whose role requires the skill. */
  async positions(
    scope: ForecastScopeFilter,
    asOf: IsoDate,
    historical: boolean,
    skillIds: number[] | null,
  ): Promise<PositionCount[]> {
    if (!historical) return this.currentPositions(scope, skillIds);
    const p = positionsSql(scope, asOf, historical);
    const s = skillFilter('rr.skill_id', skillIds);
    const rows = (await this.sql.query(
      `SELECT rr.skill_id AS s, p.role_id AS r, rr.required_level AS l, COUNT(*) AS n FROM (${p.sql}) p ` +
        `JOIN role_requirements rr ON rr.role_id = p.role_id WHERE 1 = 1${s.sql} GROUP BY rr.skill_id, p.role_id, rr.required_level`,
      [...p.params, ...s.params],
    )) as Row[];
    return rows.map((row) => ({
      skillId: Number(row.s),
      roleId: Number(row.r),
      requiredLevel: Number(row.l),
      count: Number(row.n),
    }));
  }

  /** Today's positions, from the active headcount per scope and role (headcount_stats, kept on write). */
  private async currentPositions(scope: ForecastScopeFilter, skillIds: number[] | null): Promise<PositionCount[]> {
    const scopes = scopeIds(scope);
    const params: unknown[] = [...scopes];
    let where = `hs.scope_id IN (${placeholders(scopes.length)}) AND hs.dim = 0 AND hs.dim_id = 0 AND hs.headcount > 0`;
    if (scope.roleId !== null) {
      where += ' AND hs.role_id = ?';
      params.push(scope.roleId);
    }
    const s = skillFilter('rr.skill_id', skillIds);
    const rows = (await this.sql.query(
      `SELECT rr.skill_id AS s, hs.role_id AS r, rr.required_level AS l, SUM(hs.headcount) AS n FROM headcount_stats hs ` +
        `JOIN role_requirements rr ON rr.role_id = hs.role_id WHERE ${where}${s.sql} GROUP BY rr.skill_id, hs.role_id, rr.required_level`,
      [...params, ...s.params],
    )) as Row[];
    return rows.map((row) => ({
      skillId: Number(row.s),
      roleId: Number(row.r),
      requiredLevel: Number(row.l),
      count: Number(row.n),
    }));
  }

  /**
   * Qualified position holders per skill, grouped by role and the month their qualification lapses
   * (a holder is valid at a month end when the month of valid_until is later, so the month is exact).
   */
  async qualified(
    scope: ForecastScopeFilter,
    asOf: IsoDate,
    historical: boolean,
    skillIds: number[] | null,
  ): Promise<{ groups: Map<number, QualifiedGroup[]>; people: Set<string> | null }> {
    const groups = new Map<number, QualifiedGroup[]>();
    const index = new Map<string, QualifiedGroup>();
    const add = (skillId: number, group: QualifiedGroup) => {
      const key = `${skillId}|${group.roleId}|${group.validUntil}`;
      const same = index.get(key);
      if (same) {
        same.count += group.count;
        return;
      }
      index.set(key, group);
      let list = groups.get(skillId);
      if (!list) groups.set(skillId, (list = []));
      list.push(group);
    };
    const p = positionsSql(scope, asOf, historical);
    const s = skillFilter('rr.skill_id', skillIds);
    // Joins in the order written, each row found by key: the optimisers otherwise tend to
    // range-scan every held level by its date.
    const join = orderedJoin(this.sql);
    if (!historical) {
      for (const row of await this.currentQualified(scope, asOf, skillIds))
        add(Number(row.s), { roleId: Number(row.r), validUntil: dateString(row.mo), count: Number(row.n) });
      return { groups, people: null };
    }
    const rows = (await (skillIds && skillIds.length <= FEW_SKILLS
      ? this.historicalQualifiedBySkill(scope, asOf, skillIds)
      : this.sql.query(
          `SELECT rr.skill_id AS s, p.role_id AS r, p.employee_id AS e, MAX(COALESCE(c.expires_at, '${NEVER}')) AS u FROM (${p.sql}) p ` +
            `${join} role_requirements rr ON rr.role_id = p.role_id ` +
            `${join} completions c ON c.employee_id = p.employee_id AND c.status = 'valid' AND c.awarded_at <= ? ` +
            `${join} credential_skills cs ON cs.credential_id = c.credential_id AND cs.skill_id = rr.skill_id AND cs.${LEVEL} >= rr.required_level ` +
            `WHERE 1 = 1${s.sql} GROUP BY rr.skill_id, p.role_id, p.employee_id`,
          [...p.params, asOf, ...s.params],
        ))) as Row[];
    const people = new Set<string>();
    for (const row of rows) {
      const until = dateString(row.u);
      if (until <= asOf) continue;
      people.add(`${row.e}:${row.s}`);
      add(Number(row.s), { roleId: Number(row.r), validUntil: `${until.slice(0, 7)}-01`, count: 1 });
    }
    return { groups, people };
  }

  /**
   * The historical qualified rows of a few skills, from the completions of the credentials that
   * grant them (a few percent of all completions) rather than from every position's completions:
   * each completion finds its holder's employment period on d by key. The same rows as the
   * positions-first query.
   */
  private historicalQualifiedBySkill(scope: ForecastScopeFilter, asOf: IsoDate, skillIds: number[]): Promise<unknown> {
    const join = orderedJoin(this.sql);
    const where = [`cs.skill_id IN (${placeholders(skillIds.length)})`];
    const params: unknown[] = [asOf, asOf, asOf, asOf, asOf, ...skillIds];
    scopeConditions(scope, 'ep', where, params);
    return this.sql.query(
      `SELECT cs.skill_id AS s, ep.role_id AS r, c.employee_id AS e, MAX(COALESCE(c.expires_at, '${NEVER}')) AS u FROM credential_skills cs ` +
        `${join} completions c ON c.credential_id = cs.credential_id AND c.awarded_at <= ? AND c.status = 'valid' ` +
        `${join} employment_periods ep ON ep.employee_id = c.employee_id AND ep.start_date <= ? AND (ep.end_date IS NULL OR ep.end_date > ?) ` +
        `${join} employees e ON e.id = c.employee_id AND e.hire_date <= ? AND (e.leave_date IS NULL OR e.leave_date > ?) ` +
        `${join} role_requirements rr ON rr.role_id = ep.role_id AND rr.skill_id = cs.skill_id AND cs.${LEVEL} >= rr.required_level ` +
        `WHERE ${where.join(' AND ')} GROUP BY cs.skill_id, ep.role_id, c.employee_id`,
      params,
    );
  }

  /**
   * Qualified holders on d >= R from qualified_stats (by the month their level ends). A month
   * after d's is held at d; an earlier one is not; d's own month is held when the level ends
   * after d: all of it when d = R (the table holds only levels ending after R), none when d is
   * the month's last day, else the month less the levels ending in (R, d], read from the skill
   * state (a range of days, one month at most).
   */
  private async currentQualified(scope: ForecastScopeFilter, asOf: IsoDate, skillIds: number[] | null): Promise<Row[]> {
    const [state] = (await this.sql.query('SELECT valid_on AS d FROM rollup_state WHERE id = 1')) as Row[];
    const since = dateString(state?.d ?? asOf);
    const monthStart = `${asOf.slice(0, 7)}-01`;
    const monthEnd = endOfMonth(asOf);
    const scopes = scopeIds(scope);
    const filter = (scopeColumn: string, role: string) => {
      const params: unknown[] = [...scopes];
      let sql = `${scopeColumn} IN (${placeholders(scopes.length)})`;
      if (scope.roleId !== null) {
        sql += ` AND ${role} = ?`;
        params.push(scope.roleId);
      }
      return { sql, params };
    };
    const q = filter('q.scope_id', 'q.role_id');
    const s = skillFilter('q.skill_id', skillIds);
    const rows = (await this.sql.query(
      `SELECT q.skill_id AS s, q.role_id AS r, q.until_month AS mo, SUM(q.holders) AS n FROM qualified_stats q ` +
        `WHERE ${q.sql} AND q.until_month ${asOf === monthEnd ? '>' : '>='} ?${s.sql} GROUP BY q.skill_id, q.role_id, q.until_month`,
      [...q.params, monthStart, ...s.params],
    )) as Row[];
    // The table already leaves out the levels that end on or before R.
    const before = addDays(monthStart, -1);
    const from = since > before ? since : before;
    if (asOf === monthEnd || asOf <= from) return rows;
    // The levels of d's month that end on or before d (and after R): not held at d.
    const g = filter('gc.ancestor_id', 'm.role_id');
    const h = skillFilter('h.skill_id', skillIds);
    const ended = (await this.sql.query(
      `SELECT h.skill_id AS s, m.role_id AS r, COUNT(*) AS n FROM employee_skill_levels h ` +
        `JOIN rollup_members m ON m.employee_id = h.employee_id ` +
        `JOIN role_requirements rr ON rr.role_id = m.role_id AND rr.skill_id = h.skill_id AND rr.required_level = h.${LEVEL} ` +
        `JOIN team_closure gc ON gc.descendant_id = m.team_id ` +
        `WHERE h.valid_until > ? AND h.valid_until <= ? AND ${g.sql}${h.sql} GROUP BY h.skill_id, m.role_id`,
      [from, asOf, ...g.params, ...h.params],
    )) as Row[];
    const less = new Map(ended.map((row) => [`${row.s}|${row.r}`, Number(row.n)]));
    for (const row of rows) {
      if (dateString(row.mo) !== monthStart) continue;
      row.n = Number(row.n) - (less.get(`${row.s}|${row.r}`) ?? 0);
    }
    return rows.filter((row) => Number(row.n) > 0);
  }

  /**
   * Unqualified position holders with open assignments containing a credential that grants the
   * skill at the role's level, per skill: each person once, with every such credential's due date.
   */
  async pipeline(
    scope: ForecastScopeFilter,
    asOf: IsoDate,
    historical: boolean,
    skillIds: number[] | null,
    qualifiedPeople: Set<string> | null,
  ): Promise<Map<number, Array<PipelineCandidate & { employeeId: number; credentialIds: number[] }>>> {
    const p = positionsSql(scope, asOf, historical);
    const s = skillFilter('cs.skill_id', skillIds);
    const cutoff = `${asOf} 23:59:59`;
    const notQualified = historical
      ? ''
      : ` AND NOT EXISTS (SELECT 1 FROM employee_skill_levels h WHERE h.employee_id = a.employee_id AND h.skill_id = cs.skill_id AND h.${LEVEL} = rr.required_level AND h.valid_until > ?)`;
    // One branch for single-credential assignments, one for clusters, so each can use its indexes.
    // Assignments first, in the order written: otherwise a skill's every requirement is joined to every assignment.
    const join = orderedJoin(this.sql);
    const branch = (credential: string, cluster: string) =>
      `SELECT a.employee_id AS e, p.role_id AS r, cs.skill_id AS s, ${credential} AS c, a.due_date AS due FROM assignments a ${cluster}` +
      `${join} (${p.sql}) p ON p.employee_id = a.employee_id ` +
      `${join} credential_skills cs ON cs.credential_id = ${credential} ` +
      `${join} role_requirements rr ON rr.role_id = p.role_id AND rr.skill_id = cs.skill_id AND cs.${LEVEL} >= rr.required_level ` +
      `WHERE (a.cancelled_at IS NULL OR a.cancelled_at > ?) AND a.assigned_at <= ?${s.sql} ` +
      `AND NOT EXISTS (SELECT 1 FROM completions c WHERE c.employee_id = a.employee_id AND c.credential_id = ${credential} ` +
      `AND c.status = 'valid' AND c.awarded_at >= a.assigned_at AND c.awarded_at <= ?)${notQualified}`;
    const params = [...p.params, cutoff, asOf, ...s.params, asOf, ...(historical ? [] : [asOf])];
    // From today on, assignment_progress knows which assigned credentials are still open.
    const rows = (
      historical
        ? await this.sql.query(
            `${branch('a.credential_id', '')} AND a.credential_id IS NOT NULL UNION ALL ` +
              branch('cc.credential_id', `${join} cluster_credentials cc ON cc.cluster_id = a.cluster_id `),
            [...params, ...params],
          )
        : await openPairsFromProgress(this.sql, this.dialect, p, asOf, skillIds)
    ) as Row[];
    const bySkill = new Map<
      number,
      Map<number, PipelineCandidate & { employeeId: number; credentialIds: number[]; dues: IsoDate[] }>
    >();
    for (const row of rows) {
      const skillId = Number(row.s);
      const employeeId = Number(row.e);
      if (qualifiedPeople?.has(`${employeeId}:${skillId}`)) continue;
      let people = bySkill.get(skillId);
      if (!people) bySkill.set(skillId, (people = new Map()));
      let person = people.get(employeeId);
      if (!person)
        people.set(employeeId, (person = { roleId: Number(row.r), employeeId, options: [], credentialIds: [], dues: [] }));
      person.credentialIds.push(Number(row.c));
      person.dues.push(dateString(row.due));
    }
    const result = new Map<number, Array<PipelineCandidate & { employeeId: number; credentialIds: number[] }>>();
    for (const [skillId, people] of bySkill) {
      result.set(
        skillId,
        [...people.values()].map((person) => ({
          roleId: person.roleId,
          employeeId: person.employeeId,
          credentialIds: person.credentialIds,
          // Rates are attached by the caller; the due dates line up with credentialIds.
          options: person.dues.map((dueDate) => ({ dueDate, completionRate: 0 })),
        })),
      );
    }
    return result;
  }

  /**
   * Completion rate counts per credential (DESIGN §3): assignments including it whose due date is
   * before d or that are completed, and in how many of them it was completed (by d).
   */
  async completionCounts(asOf: IsoDate, today: IsoDate): Promise<Map<number, { events: number; total: number }>> {
    if (asOf >= today) return completionCountsFromProgress(this.sql, asOf);
    const cutoff = `${asOf} 23:59:59`;
    const rows = (await this.sql.query(
      `SELECT q.credential_id AS c, SUM(q.done) AS done, COUNT(*) AS n FROM (` +
        `SELECT p.credential_id, p.due_date, p.done, MIN(p.done) OVER (PARTITION BY p.aid) AS all_done FROM (` +
        `SELECT x.aid, x.credential_id, a.due_date, CASE WHEN EXISTS (SELECT 1 FROM completions c WHERE c.employee_id = a.employee_id ` +
        `AND c.credential_id = x.credential_id AND c.status = 'valid' AND c.awarded_at >= a.assigned_at AND c.awarded_at <= ?) THEN 1 ELSE 0 END AS done ` +
        `FROM assignments a JOIN (SELECT id AS aid, credential_id FROM assignments WHERE credential_id IS NOT NULL ` +
        `UNION ALL SELECT a2.id, cc.credential_id FROM assignments a2 JOIN cluster_credentials cc ON cc.cluster_id = a2.cluster_id) x ON x.aid = a.id ` +
        `WHERE (a.cancelled_at IS NULL OR a.cancelled_at > ?) AND a.assigned_at <= ?) p) q ` +
        `WHERE q.due_date < ? OR q.all_done = 1 GROUP BY q.credential_id`,
      [asOf, cutoff, asOf, asOf],
    )) as Row[];
    return new Map(rows.map((row) => [Number(row.c), { events: Number(row.done), total: Number(row.n) }]));
  }

  /**
   * Renewal counts per skill (DESIGN §3): completions granting it that expired in the 24 months
   * before d, and how many of them had another valid completion granting it at the same or a
   * higher level awarded within 90 days of the expiry (and by d).
   */
  async renewalCounts(asOf: IsoDate, today: IsoDate): Promise<Map<number, { events: number; total: number }>> {
    if (asOf >= today) {
      // Nothing is awarded after today, so every renewal that counts at d is recorded: the rollup is exact.
      const rows = (await this.sql.query(
        'SELECT skill_id AS s, SUM(expired) AS n, SUM(renewed) AS renewed FROM renewal_stats WHERE expires_on > ? AND expires_on <= ? GROUP BY skill_id',
        [addMonths(asOf, -24), asOf],
      )) as Row[];
      return new Map(
        rows
          .filter((row) => Number(row.n) > 0)
          .map((row) => [Number(row.s), { events: Number(row.renewed), total: Number(row.n) }]),
      );
    }
    const shift = (days: number) =>
      this.dialect === 'mysql'
        ? `DATE_ADD(c.expires_at, INTERVAL ${days} DAY)`
        : `date(c.expires_at, '${days >= 0 ? '+' : ''}${days} days')`;
    const rows = (await this.sql.query(
      `SELECT cs.skill_id AS s, COUNT(*) AS n, SUM(CASE WHEN EXISTS (SELECT 1 FROM completions c2 ` +
        `JOIN credential_skills cs2 ON cs2.credential_id = c2.credential_id AND cs2.skill_id = cs.skill_id AND cs2.${LEVEL} >= cs.${LEVEL} ` +
        `WHERE c2.employee_id = c.employee_id AND c2.id <> c.id AND c2.status = 'valid' AND c2.awarded_at <= ? ` +
        `AND c2.awarded_at >= ${shift(-RENEWAL_WINDOW_DAYS)} AND c2.awarded_at <= ${shift(RENEWAL_WINDOW_DAYS)}) THEN 1 ELSE 0 END) AS renewed ` +
        `FROM completions c JOIN credential_skills cs ON cs.credential_id = c.credential_id ` +
        `WHERE c.status = 'valid' AND c.awarded_at <= ? AND c.expires_at > ? AND c.expires_at <= ? GROUP BY cs.skill_id`,
      [asOf, asOf, addMonths(asOf, -24), asOf],
    )) as Row[];
    return new Map(rows.map((row) => [Number(row.s), { events: Number(row.renewed), total: Number(row.n) }]));
  }

  /**
   * Attrition inputs per role, organisation-wide (a role's rate is steadier than a small team's):
   * leavers in the 12 months before d (by their last role), and active headcount at the 13 points.
   */
  async attrition(asOf: IsoDate): Promise<Map<number, { leavers: number; headcounts: number[] }>> {
    const points = attritionPoints(asOf);
    const result = new Map<number, { leavers: number; headcounts: number[] }>();
    const of = (roleId: number) => {
      let entry = result.get(roleId);
      if (!entry) result.set(roleId, (entry = { leavers: 0, headcounts: points.map(() => 0) }));
      return entry;
    };
    const leavers = (await this.sql.query(
      'SELECT role_id AS r, COUNT(*) AS n FROM employees WHERE leave_date IS NOT NULL AND leave_date > ? AND leave_date <= ? GROUP BY role_id',
      [addMonths(asOf, -12), asOf],
    )) as Row[];
    for (const row of leavers) of(Number(row.r)).leavers = Number(row.n);
    // One pass over the periods that overlap the year, counting each of the 13 points in its own column.
    const active = (i: number) =>
      `SUM(CASE WHEN ep.start_date <= ? AND (ep.end_date IS NULL OR ep.end_date > ?) AND e.hire_date <= ? ` +
      `AND (e.leave_date IS NULL OR e.leave_date > ?) THEN 1 ELSE 0 END) AS h${i}`;
    const oldest = points[points.length - 1];
    const rows = (await this.sql.query(
      `SELECT ep.role_id AS r, ${points.map((_, i) => active(i)).join(', ')} FROM employment_periods ep ` +
        `JOIN employees e ON e.id = ep.employee_id WHERE ep.start_date <= ? AND (ep.end_date IS NULL OR ep.end_date > ?) GROUP BY ep.role_id`,
      [...points.flatMap((p) => [p, p, p, p]), asOf, oldest],
    )) as Row[];
    for (const row of rows) {
      const entry = of(Number(row.r));
      points.forEach((_, i) => (entry.headcounts[i] = Number(row[`h${i}`])));
    }
    return result;
  }

  /**
   * Planned headcount per role and month (YYYY-MM) for the scope: rows of teams in the sub-trees
   * for a team scope; organisation-wide rows (no team) where there are any, else the team rows summed.
   */
  async plans(scope: ForecastScopeFilter, from: IsoDate, to: IsoDate): Promise<Map<number, Record<string, number>>> {
    const params: unknown[] = [from, to];
    let where = 'month >= ? AND month <= ?';
    if (scope.roleId !== null) {
      where += ' AND role_id = ?';
      params.push(scope.roleId);
    }
    if (scope.teamIds) {
      where += ` AND team_id IN (SELECT tc.descendant_id FROM team_closure tc WHERE tc.ancestor_id IN (${placeholders(scope.teamIds.length)}))`;
      params.push(...scope.teamIds);
    }
    const rows = (await this.sql.query(
      `SELECT role_id AS r, team_id AS t, month AS m, headcount AS n FROM headcount_plans WHERE ${where}`,
      params,
    )) as Row[];
    const organisationRows = new Map<string, number>();
    const teamRows = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.r}|${dateString(row.m).slice(0, 7)}`;
      const target = row.t === null ? organisationRows : teamRows;
      target.set(key, (target.get(key) ?? 0) + Number(row.n));
    }
    const result = new Map<number, Record<string, number>>();
    const put = (key: string, value: number) => {
      const [role, month] = key.split('|');
      let plan = result.get(Number(role));
      if (!plan) result.set(Number(role), (plan = {}));
      plan[month] = value;
    };
    for (const [key, value] of teamRows) if (scope.teamIds || !organisationRows.has(key)) put(key, value);
    if (!scope.teamIds) for (const [key, value] of organisationRows) put(key, value);
    return result;
  }

  /** Active credentials granting each skill, with the level granted. */
  async grants(
    skillIds: number[] | null,
  ): Promise<Map<number, Array<{ id: number; name: string; hours: number; cost: number; level: number }>>> {
    const s = skillFilter('cs.skill_id', skillIds);
    const rows = (await this.sql.query(
      `SELECT cs.skill_id AS s, cs.${LEVEL} AS l, c.id, c.name, c.hours, c.cost FROM credential_skills cs ` +
        `JOIN credentials c ON c.id = cs.credential_id WHERE c.status = 'active'${s.sql}`,
      s.params,
    )) as Row[];
    const result = new Map<number, Array<{ id: number; name: string; hours: number; cost: number; level: number }>>();
    for (const row of rows) {
      const skillId = Number(row.s);
      let list = result.get(skillId);
      if (!list) result.set(skillId, (list = []));
      list.push({
        id: Number(row.id),
        name: String(row.name),
        hours: Number(row.hours),
        cost: Number(row.cost),
        level: Number(row.l),
      });
    }
    return result;
  }

  async names(table: 'skills' | 'roles' | 'teams' | 'credentials', ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const result = new Map<number, string>();
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = (await this.sql.query(
        `SELECT id, name FROM ${table} WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      )) as Row[];
      for (const row of rows) result.set(Number(row.id), String(row.name));
    }
    return result;
  }
}
