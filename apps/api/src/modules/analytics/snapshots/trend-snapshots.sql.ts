import { addDays, type IsoDate } from '@skillgrid/shared';
import { utcNow } from '../../../database/column-types';
import { chunks, dialectOfRunner, placeholders, quote, timestampValue, type SqlRunner } from '../../../database/sql';
import { ORGANISATION_SCOPE } from '../state/skill-state.sql';
import { ALL_SKILLS, TrendSnapshotBuilder, type SnapshotEmployee, type TrendSnapshotRow } from './trend-snapshot-builder';

/**
 * Monthly snapshots of the coverage trend (DESIGN §5): the organisation-wide history reads them
 * instead of every completion of every month end.
 *
 * - A month end is snapshotted once it is past (the organisation's today is after it), for the
 *   SNAPSHOT_MONTHS month ends before today.
 * - A write that reaches back to a date before the current month (a completion awarded then, an
 *   employee's past dates) appends an invalidation from that date, in the writer's transaction;
 *   changes that reach every month (requirements, credential grants, the team tree) invalidate
 *   from the start. A snapshot on or after an invalidation's date is stale until the next refresh
 *   rewrites it: meanwhile the trend computes that month from completions for a small scope, and
 *   shows the stale snapshot, marked, for a large one.
 * - A refresh computes all missing and stale months in one pass over the employees, by ranges of
 *   ids, and replaces them in one transaction.
 */

/** The tables of the snapshots (emptied with the other derived tables before a demo is generated). */
export const TREND_SNAPSHOT_TABLES = ['trend_snapshots', 'trend_snapshot_months', 'trend_snapshot_invalidations'] as const;
/** How many month ends are kept: the longest trend (36 months) less the current month. */
export const SNAPSHOT_MONTHS = 35;
/** Employees per read of a refresh. */
const RANGE = 5_000;
/** Employees added to the builder between two turns of the event loop. */
const ADD_SLICE = 250;
/** The earliest date: an invalidation from it makes every snapshot stale. */
const FROM_THE_START = '0001-01-01';

type Row = Record<string, string | number | null>;
const date = (value: unknown): IsoDate => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

/** The month ends before today that snapshots are kept for, latest first. */
export function snapshotMonthEnds(today: IsoDate, count = SNAPSHOT_MONTHS): IsoDate[] {
  const ends: IsoDate[] = [];
  let end = addDays(`${today.slice(0, 7)}-01`, -1);
  for (let i = 0; i < count; i++) {
    ends.push(end);
    end = addDays(`${end.slice(0, 7)}-01`, -1);
  }
  return ends;
}

/**
 * Records that the history from `fromDate` on has changed (in the caller's transaction). Dates in
 * the current month or later change no month end that has passed: nothing is written.
 */
export async function invalidateTrendSnapshots(sql: SqlRunner, fromDate: IsoDate, today: IsoDate): Promise<void> {
  if (fromDate >= `${today.slice(0, 7)}-01`) return;
  await sql.query('INSERT INTO trend_snapshot_invalidations (from_date, created_at) VALUES (?, ?)', [
    fromDate,
    timestampValue(utcNow(), dialectOfRunner(sql)),
  ]);
}

/**
 * Records that every month end may read differently (requirements, credential grants, the team
 * tree, a bulk import), in the caller's transaction.
 */
export async function invalidateAllTrendSnapshots(sql: SqlRunner): Promise<void> {
  await sql.query('INSERT INTO trend_snapshot_invalidations (from_date, created_at) VALUES (?, ?)', [
    FROM_THE_START,
    timestampValue(utcNow(), dialectOfRunner(sql)),
  ]);
}

/** The earliest date invalidated and not yet rewritten, or null. */
async function staleFrom(sql: SqlRunner): Promise<IsoDate | null> {
  const [row] = (await sql.query('SELECT MIN(from_date) AS d FROM trend_snapshot_invalidations')) as Row[];
  return row?.d ? date(row.d) : null;
}

/** Which month ends of `wanted` have a snapshot written, and which of those are stale. */
export async function snapshotMonths(
  sql: SqlRunner,
  wanted: readonly IsoDate[],
): Promise<{ fresh: Set<IsoDate>; stale: Set<IsoDate> }> {
  if (!wanted.length) return { fresh: new Set(), stale: new Set() };
  const [rows, from] = await Promise.all([
    sql.query(`SELECT month_end AS d FROM trend_snapshot_months WHERE month_end IN (${placeholders(wanted.length)})`, [
      ...wanted,
    ]) as Promise<Row[]>,
    staleFrom(sql),
  ]);
  const written = rows.map((row) => date(row.d));
  return {
    fresh: new Set(written.filter((d) => from === null || d < from)),
    stale: new Set(written.filter((d) => from !== null && d >= from)),
  };
}

/**
 * The figures of some scopes (summed) on their month ends, for one skill (0: every required
 * skill). The head count is the scopes' (their skill 0 rows): a skill nobody held or needed on
 * a month end has no row of its own, and reads as none required, met or held.
 */
export async function readSnapshots(
  sql: SqlRunner,
  scopeIds: readonly number[],
  skillId: number,
  monthEnds: readonly IsoDate[],
): Promise<Map<IsoDate, { headcount: number; required: number; met: number; levelSum: number }>> {
  const result = new Map<IsoDate, { headcount: number; required: number; met: number; levelSum: number }>();
  if (!monthEnds.length) return result;
  const rows = (await sql.query(
    `SELECT month_end AS d, skill_id AS s, SUM(headcount) AS hc, SUM(${quote('required')}) AS req, SUM(met) AS met, ` +
      `SUM(level_sum) AS ls FROM trend_snapshots WHERE scope_id IN (${placeholders(scopeIds.length)}) ` +
      `AND skill_id IN (${ALL_SKILLS}, ?) AND month_end IN (${placeholders(monthEnds.length)}) GROUP BY month_end, skill_id`,
    [...scopeIds, skillId, ...monthEnds],
  )) as Row[];
  for (const d of monthEnds) result.set(d, { headcount: 0, required: 0, met: 0, levelSum: 0 });
  for (const row of rows) {
    const figures = result.get(date(row.d));
    if (!figures) continue;
    if (Number(row.s) === ALL_SKILLS) figures.headcount = Number(row.hc);
    if (Number(row.s) === skillId)
      Object.assign(figures, { required: Number(row.req), met: Number(row.met), levelSum: Number(row.ls) });
  }
  return result;
}

export interface RefreshResult {
  /** The month ends rewritten, latest first. */
  months: IsoDate[];
  employees: number;
  rows: number;
}

/**
 * Writes the missing and stale snapshots of the month ends before `today`. Reads run outside a
 * transaction (range by range); the rows, and the removal of the invalidations they answer,
 * are written in one transaction by `write`.
 */
export async function refreshTrendSnapshots(
  sql: SqlRunner,
  today: IsoDate,
  write: (work: (sql: SqlRunner) => Promise<void>) => Promise<void>,
): Promise<RefreshResult> {
  const wanted = snapshotMonthEnds(today);
  const invalidations = (await sql.query('SELECT id, from_date AS d FROM trend_snapshot_invalidations')) as Row[];
  const stale = invalidations.reduce<IsoDate | null>((min, row) => (min === null || date(row.d) < min ? date(row.d) : min), null);
  const written = new Set(
    ((await sql.query('SELECT month_end AS d FROM trend_snapshot_months')) as Row[]).map((row) => date(row.d)),
  );
  const months = wanted.filter((d) => !written.has(d) || (stale !== null && d >= stale));
  const handled = invalidations.map((row) => Number(row.id));
  if (!months.length) {
    if (handled.length) await write((tx) => deleteInvalidations(tx, handled));
    return { months, employees: 0, rows: 0 };
  }
  const builder = await snapshotBuilder(sql, months);
  const [bounds] = (await sql.query('SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(*) AS n FROM employees')) as Row[];
  const span = { from: months[months.length - 1], to: months[0] };
  for (let first = Number(bounds.lo ?? 1); first <= Number(bounds.hi ?? 0); first += RANGE) {
    const employees = await employeesInRange(sql, first, first + RANGE - 1, span);
    // A turn of the event loop every few hundred people, so that requests wait a few milliseconds
    // at most behind the refresh (a whole range took about 20 ms at once); on SQLite, whose
    // better-sqlite3 promises settle at once, without it the server would answer no request until
    // the reads end.
    for (let next = 0; next < employees.length; next += ADD_SLICE) {
      for (const employee of employees.slice(next, next + ADD_SLICE)) builder.add(employee);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!employees.length) await new Promise((resolve) => setImmediate(resolve));
  }
  const rows = builder.rows(await scopesOfTeams(sql), ORGANISATION_SCOPE);
  await write(async (tx) => {
    await tx.query(`DELETE FROM trend_snapshots WHERE month_end IN (${placeholders(months.length)})`, months);
    await tx.query(`DELETE FROM trend_snapshot_months WHERE month_end IN (${placeholders(months.length)})`, months);
    await insertSnapshotRows(tx, rows);
    const now = timestampValue(utcNow(), dialectOfRunner(tx));
    for (const part of chunks(months, 100))
      await tx.query(
        `INSERT INTO trend_snapshot_months (month_end, computed_at) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
        part.flatMap((d) => [d, now]),
      );
    await deleteInvalidations(tx, handled);
  });
  return { months, employees: Number(bounds.n), rows: rows.length };
}

async function insertSnapshotRows(sql: SqlRunner, rows: readonly TrendSnapshotRow[]): Promise<void> {
  for (const part of chunks(rows, 500))
    await sql.query(
      `INSERT INTO trend_snapshots (scope_id, skill_id, month_end, headcount, ${quote('required')}, met, level_sum) VALUES ` +
        part.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', '),
      part.flatMap((r) => [r.scopeId, r.skillId, r.monthEnd, r.headcount, r.required, r.met, r.levelSum]),
    );
}

async function deleteInvalidations(sql: SqlRunner, ids: readonly number[]): Promise<void> {
  for (const part of chunks(ids, 500))
    await sql.query(`DELETE FROM trend_snapshot_invalidations WHERE id IN (${placeholders(part.length)})`, part);
}

/** A builder for these month ends, with the credentials' grants and the roles' requirements as they are now. */
async function snapshotBuilder(sql: SqlRunner, monthEnds: readonly IsoDate[]): Promise<TrendSnapshotBuilder> {
  const grants = new Map<number, Array<{ skillId: number; level: number }>>();
  for (const row of (await sql.query(
    `SELECT credential_id AS c, skill_id AS s, ${quote('level')} AS l FROM credential_skills`,
  )) as Row[]) {
    const list = grants.get(Number(row.c)) ?? [];
    list.push({ skillId: Number(row.s), level: Number(row.l) });
    grants.set(Number(row.c), list);
  }
  const requirements = new Map<number, Map<number, number>>();
  for (const row of (await sql.query(
    'SELECT role_id AS r, skill_id AS s, required_level AS l FROM role_requirements',
  )) as Row[]) {
    const bySkill = requirements.get(Number(row.r)) ?? new Map<number, number>();
    bySkill.set(Number(row.s), Number(row.l));
    requirements.set(Number(row.r), bySkill);
  }
  return new TrendSnapshotBuilder(monthEnds, grants, requirements);
}

/** team → the scopes its members count in (itself, its ancestors, the organisation). */
async function scopesOfTeams(sql: SqlRunner): Promise<(teamId: number) => readonly number[]> {
  const scopes = new Map<number, number[]>();
  for (const row of (await sql.query('SELECT ancestor_id AS a, descendant_id AS d FROM team_closure')) as Row[]) {
    const list = scopes.get(Number(row.d)) ?? [];
    list.push(Number(row.a));
    scopes.set(Number(row.d), list);
  }
  return (teamId) => scopes.get(teamId) ?? [ORGANISATION_SCOPE];
}

/**
 * The employees of an id range with what the month ends in `span` depend on: those hired by its
 * end and not gone before its start, their periods and their valid completions overlapping it.
 */
async function employeesInRange(
  sql: SqlRunner,
  first: number,
  last: number,
  span: { from: IsoDate; to: IsoDate },
): Promise<SnapshotEmployee[]> {
  const [people, periods, completions] = (await Promise.all([
    sql.query(
      'SELECT id, hire_date AS h, leave_date AS l FROM employees WHERE id BETWEEN ? AND ? AND hire_date <= ? ' +
        'AND (leave_date IS NULL OR leave_date > ?)',
      [first, last, span.to, span.from],
    ),
    sql.query(
      'SELECT employee_id AS e, team_id AS t, role_id AS r, start_date AS s, end_date AS x FROM employment_periods ' +
        'WHERE employee_id BETWEEN ? AND ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)',
      [first, last, span.to, span.from],
    ),
    sql.query(
      'SELECT employee_id AS e, credential_id AS c, awarded_at AS a, expires_at AS x FROM completions ' +
        "WHERE employee_id BETWEEN ? AND ? AND status = 'valid' AND awarded_at <= ? AND (expires_at IS NULL OR expires_at > ?)",
      [first, last, span.to, span.from],
    ),
  ])) as Row[][];
  const byId = new Map<
    number,
    SnapshotEmployee & { periods: SnapshotEmployee['periods'][number][]; completions: SnapshotEmployee['completions'][number][] }
  >();
  for (const row of people)
    byId.set(Number(row.id), { hire: date(row.h), leave: row.l === null ? null : date(row.l), periods: [], completions: [] });
  for (const row of periods)
    byId.get(Number(row.e))?.periods.push({
      teamId: Number(row.t),
      roleId: Number(row.r),
      start: date(row.s),
      end: row.x === null ? null : date(row.x),
    });
  for (const row of completions)
    byId.get(Number(row.e))?.completions.push({
      credentialId: Number(row.c),
      awarded: date(row.a),
      expires: row.x === null ? null : date(row.x),
    });
  return [...byId.values()];
}
