import type { IsoDate } from '@skillgrid/shared';
import { chunks, placeholders, quote, type Dialect, type SqlRunner } from '../../database/sql';
import type { TransactionPipeline } from '../../database/pipeline';

/**
 * assignment_progress (DESIGN §3 "Completion rate" and "Forecast", §5): one row per
 * non-cancelled assignment and credential it contains, with whether that credential was completed
 * since the assignment was made and whether all of them were. Kept on write, in the writer's
 * transaction, so the forecast's completion rates and pipeline read a narrow table instead of
 * probing completions for every assignment.
 *
 * `done` ignores the as-of date: no completion is awarded after today and no assignment is made
 * after today, so the table is exact for any as-of date from today on (the forecast's past
 * as-of dates still read completions).
 */

const CHUNK = 500;
const LEVEL = quote('level');
const COLUMNS = 'assignment_id, credential_id, employee_id, due_date, done, all_done';

export interface AssignmentProgressFilter {
  employeeIds?: readonly number[];
  assignmentIds?: readonly number[];
  clusterIds?: readonly number[];
}

/** One open (not yet completed) credential of an assignment, in the shape ForecastData.pipeline reads. */
export interface OpenPairRow {
  /** employee */
  e: number;
  /** the employee's role */
  r: number;
  /** a skill the credential grants at the role's required level or above */
  s: number;
  /** credential */
  c: number;
  due: IsoDate;
}

type Row = Record<string, string | number | null>;

const doneSql = (credential: string) =>
  `CASE WHEN EXISTS (SELECT 1 FROM completions c WHERE c.employee_id = a.employee_id AND c.credential_id = ${credential} ` +
  `AND c.status = 'valid' AND c.awarded_at >= a.assigned_at) THEN 1 ELSE 0 END`;

/**
 * The rows of the non-cancelled assignments matching `where` (on `a`, the assignments): the
 * assignment's own credential, or every credential of its cluster (one row per credential should
 * an assignment name both). `where` is used twice: pass its parameters twice.
 */
function progressSelect(where: string): string {
  return (
    `SELECT x.aid, x.cid, x.eid, x.due, x.done, MIN(x.done) OVER (PARTITION BY x.aid) FROM (` +
    `SELECT a.id AS aid, a.credential_id AS cid, a.employee_id AS eid, a.due_date AS due, ${doneSql('a.credential_id')} AS done ` +
    `FROM assignments a WHERE a.cancelled_at IS NULL AND a.credential_id IS NOT NULL AND ${where} UNION ALL ` +
    `SELECT a.id, cc.credential_id, a.employee_id, a.due_date, ${doneSql('cc.credential_id')} ` +
    `FROM assignments a JOIN cluster_credentials cc ON cc.cluster_id = a.cluster_id ` +
    `WHERE a.cancelled_at IS NULL AND (a.credential_id IS NULL OR cc.credential_id <> a.credential_id) AND ${where}) x`
  );
}

/**
 * Recomputes the rows of the assignments of these employees, these assignments and the
 * assignments of these clusters (deleted, then inserted set-based, 500 ids at a time), on the
 * caller's connection or transaction. A cancelled assignment is left with no rows.
 */
export async function refreshAssignmentProgress(
  sql: SqlRunner,
  dialect: Dialect,
  filter: AssignmentProgressFilter,
): Promise<void> {
  for (const [sqlText, parameters] of progressRefreshStatements(dialect, filter)) await sql.query(sqlText, parameters);
}

/**
 * refreshAssignmentProgress on a pipeline: every statement is issued before it returns (the
 * pipeline runs them in order), so a COMMIT queued right after follows them.
 */
export function queueAssignmentProgressRefresh(tx: TransactionPipeline, filter: AssignmentProgressFilter): Promise<unknown> {
  return Promise.all(progressRefreshStatements(tx.dialect, filter).map(([sqlText, parameters]) => tx.query(sqlText, parameters)));
}

/** The statements of refreshAssignmentProgress, in the order they must run. */
function progressRefreshStatements(dialect: Dialect, filter: AssignmentProgressFilter): Array<[string, number[]]> {
  const statements: Array<[string, number[]]> = [];
  const kinds: Array<[readonly number[] | undefined, string]> = [
    [filter.assignmentIds, 'id'],
    [filter.employeeIds, 'employee_id'],
    [filter.clusterIds, 'cluster_id'],
  ];
  for (const [given, column] of kinds) {
    const unique = [...new Set(given ?? [])].sort((a, b) => a - b);
    for (const ids of chunks(unique, CHUNK)) {
      const list = placeholders(ids.length);
      if (column === 'id') statements.push([`DELETE FROM assignment_progress WHERE assignment_id IN (${list})`, ids]);
      else if (dialect === 'mysql')
        // A join, not IN (sub-select): MariaDB runs a single-table DELETE's sub-select once per row of the table.
        statements.push([
          `DELETE ap FROM assignment_progress ap JOIN assignments a ON a.id = ap.assignment_id WHERE a.${column} IN (${list})`,
          ids,
        ]);
      else
        statements.push([
          `DELETE FROM assignment_progress WHERE assignment_id IN (SELECT a.id FROM assignments a WHERE a.${column} IN (${list}))`,
          ids,
        ]);
      statements.push([
        `INSERT INTO assignment_progress (${COLUMNS}) ${progressSelect(`a.${column} IN (${list})`)}`,
        [...ids, ...ids],
      ]);
    }
  }
  return statements;
}

/** The whole table from scratch, set-based (after a bulk load, and the CLI's rebuild). */
export async function rebuildAssignmentProgress(sql: SqlRunner): Promise<void> {
  await sql.query('DELETE FROM assignment_progress');
  await sql.query(`INSERT INTO assignment_progress (${COLUMNS}) ${progressSelect('1 = 1')}`);
}

/**
 * Completion rate counts per credential (DESIGN §3) for an as-of date from today on: among the
 * assignments including it that are completed or due before `asOf`, how many completed it. The
 * same map as ForecastData.completionCounts(asOf) for those dates.
 */
export async function completionCountsFromProgress(
  sql: SqlRunner,
  asOf: IsoDate,
): Promise<Map<number, { events: number; total: number }>> {
  const counts = new Map<number, { events: number; total: number }>();
  const add = (rows: Row[]) => {
    for (const row of rows) {
      const credentialId = Number(row.c);
      const current = counts.get(credentialId) ?? { events: 0, total: 0 };
      counts.set(credentialId, { events: current.events + Number(row.done), total: current.total + Number(row.n) });
    }
  };
  // Both read IDX_assignment_progress_counts only.
  add(
    (await sql.query(
      'SELECT credential_id AS c, COUNT(*) AS done, COUNT(*) AS n FROM assignment_progress WHERE all_done = 1 GROUP BY credential_id',
    )) as Row[],
  );
  add(
    (await sql.query(
      'SELECT credential_id AS c, SUM(done) AS done, COUNT(*) AS n FROM assignment_progress ' +
        'WHERE all_done = 0 AND due_date < ? GROUP BY credential_id',
      [asOf],
    )) as Row[],
  );
  return counts;
}

/**
 * For ForecastData.pipeline from today on: the open credentials (not yet completed) of
 * non-cancelled assignments of the positions in `positions` (a sub-select of employee_id and
 * role_id, with its parameters), for each skill the credential grants at the position's required
 * level or above, where the person does not hold that level on `asOf` (unqualified people only).
 * `skillIds` null: every skill.
 */
export async function openPairsFromProgress(
  sql: SqlRunner,
  dialect: Dialect,
  positions: { sql: string; params: readonly unknown[] },
  asOf: IsoDate,
  skillIds: readonly number[] | null,
): Promise<OpenPairRow[]> {
  if (skillIds && !skillIds.length) return [];
  const skills = skillIds ? ` AND cs.skill_id IN (${placeholders(skillIds.length)})` : '';
  // The open pairs first, in the order written (IDX_assignment_progress_open), then each person's
  // position; for a few skills, the credentials granting them first, then their open pairs.
  const join = dialect === 'mysql' ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
  const few = skillIds !== null && skillIds.length <= 5;
  const pairs = few
    ? `credential_skills cs ${join} assignment_progress ap ON ap.done = 0 AND ap.credential_id = cs.credential_id ` +
      `${join} (${positions.sql}) p ON p.employee_id = ap.employee_id `
    : `assignment_progress ap ${join} (${positions.sql}) p ON p.employee_id = ap.employee_id ` +
      `${join} credential_skills cs ON cs.credential_id = ap.credential_id `;
  const rows = (await sql.query(
    `SELECT ap.employee_id AS e, p.role_id AS r, cs.skill_id AS s, ap.credential_id AS c, ap.due_date AS due FROM ${pairs}` +
      `${join} role_requirements rr ON rr.role_id = p.role_id AND rr.skill_id = cs.skill_id AND cs.${LEVEL} >= rr.required_level ` +
      `WHERE ap.done = 0${skills} AND NOT EXISTS (SELECT 1 FROM employee_skill_levels h WHERE h.employee_id = ap.employee_id ` +
      `AND h.skill_id = cs.skill_id AND h.${LEVEL} = rr.required_level AND h.valid_until > ?)`,
    [...positions.params, ...(skillIds ?? []), asOf],
  )) as Row[];
  return rows.map((row) => ({
    e: Number(row.e),
    r: Number(row.r),
    s: Number(row.s),
    c: Number(row.c),
    due: String(row.due).slice(0, 10),
  }));
}
