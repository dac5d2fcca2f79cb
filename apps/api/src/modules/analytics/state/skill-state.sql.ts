import { addDays, RENEWAL_WINDOW_DAYS } from '@skillgrid/shared';
import { chunks, dialectOfRunner, placeholders, quote, upsertAddSql, type Dialect, type SqlRunner } from '../../../database/sql';
import { queueAssignmentProgressRefresh, rebuildAssignmentProgress } from '../../forecasts/assignment-progress.sql';
import type { TransactionPipeline } from '../../../database/pipeline';
import { DomainError } from '../../../common/errors/domain-error';

/**
 * Keeps the current skill state and the statistics the dashboards read (DESIGN §5) in step
 * with completions, credential grants, role requirements, employees and the team tree. Every
 * function runs on the caller's connection, so it joins the caller's transaction: a write and
 * the statistics it changes commit together.
 *
 * employee_skill_levels: for each employee, skill and level 1..5, the date until which the
 *   level is held (exclusive; '9999-12-31' = never expires). Exact for any date from today on.
 * rollup_members: where each active employee is counted (team, role, location).
 * skill_stats / headcount_stats: sums per scope (a team's sub-tree, its direct members, or
 *   the organisation as scope 0) and dimension (all, direct, by role, by location), of the
 *   levels held on rollup_state.valid_on (R). A date d >= R subtracts the levels that end in
 *   (R, d], so R only has to be some day not after today; it is moved forward to save work.
 * expiry_stats: per scope (sub-trees only) and day after R, the members' credentials whose
 *   latest valid completion expires that day (not renewed). It is computed from completions,
 *   so a change to completions must go through queueCompletionWrite, which knows the
 *   completion before and after; the other writers leave completions alone.
 * qualified_stats: per scope, role and required skill, the members holding the role's level on
 *   R, by the month the level ends (the forecast's supply, DESIGN §3 "Forecast").
 * renewal_stats: per skill and expiry day, organisation-wide (leavers too), the valid completions
 *   granting the skill and how many were renewed (the forecast's renewal rate). Computed from
 *   completions and grants: a grant change rebuilds the rows of the skills it touches.
 */

export const NEVER_EXPIRES = '9999-12-31';
/** Every table derived from the data, kept by this file (emptied before a demo is generated into them). */
export const ANALYTICS_TABLES = [
  'assignment_progress',
  'skill_stats',
  'qualified_stats',
  'renewal_stats',
  'headcount_stats',
  'expiry_stats',
  'rollup_members',
  'employee_skill_levels',
  'team_closure',
  'rollup_state',
] as const;
/**
 * The tables a full rebuild rewrites and a swap renames (analytics-swap.ts): all but team_closure
 * and assignment_progress, which are rebuilt in place; rollup_state among them, as its copy
 * carries no swap mark.
 */
export const SWAPPED_TABLES = ANALYTICS_TABLES.filter(
  (table): table is Exclude<(typeof ANALYTICS_TABLES)[number], 'team_closure' | 'assignment_progress'> =>
    table !== 'team_closure' && table !== 'assignment_progress',
);
export type SwappedTable = (typeof SWAPPED_TABLES)[number];
/** The organisation, as the ancestor of every team in team_closure and a scope of the statistics. */
export const ORGANISATION_SCOPE = 0;

const LEVELS_TABLE = 'SELECT 1 AS lv UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5';
/** 0 all members of the scope, 1 its direct members (scope = own team), 2 by role, 3 by location. */
const DIMS_TABLE = 'SELECT 0 AS dim UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3';
const DIM_ID = 'CASE d.dim WHEN 2 THEN m.role_id WHEN 3 THEN m.location_id ELSE 0 END';
const SKILL_KEY = ['scope_id', 'dim', 'dim_id', 'skill_id', 'level'];
const HEADCOUNT_KEY = ['scope_id', 'dim', 'dim_id', 'role_id'];
const EXPIRY_KEY = ['scope_id', 'expires_on'];
const QUALIFIED_KEY = ['scope_id', 'role_id', 'skill_id', 'until_month'];
const RENEWAL_KEY = ['skill_id', 'expires_on'];
const LEVEL = quote('level');
/** Employee ids per statement of a rebuild from scratch. */
const REBUILD_RANGE = 5_000;
/** In-memory temporary table size for a rebuild's groupings on MySQL (bytes). */
const REBUILD_HEAP = 64 * 1024 * 1024;
/** Employees per statement: far below SQLite's bound-variable limit. */
const CHUNK = 500;

/** Each member of rollup_members (alias m) once per scope and dimension it counts in. */
const MEMBER_SCOPES = `JOIN team_closure gc ON gc.descendant_id = m.team_id JOIN (${DIMS_TABLE}) d ON (d.dim <> 1 OR gc.depth = 0)`;

/** The levels held per (employee, skill) from valid completions, for the employees matched by `where` on c. */
function skillLevelsSelect(where: string): string {
  return (
    `SELECT c.employee_id, cs.skill_id, l.lv, MAX(COALESCE(c.expires_at, '${NEVER_EXPIRES}')) ` +
    `FROM completions c JOIN credential_skills cs ON cs.credential_id = c.credential_id ` +
    `JOIN (${LEVELS_TABLE}) l ON l.lv <= cs.${LEVEL} ` +
    `WHERE c.status = 'valid' AND ${where} GROUP BY c.employee_id, cs.skill_id, l.lv`
  );
}

function membersSelect(where: string): string {
  return (
    `SELECT e.id, e.team_id, e.role_id, COALESCE(e.location_id, 0), ` +
    `CASE WHEN EXISTS (SELECT 1 FROM completions c WHERE c.employee_id = e.id AND c.status = 'valid') THEN 1 ELSE 0 END ` +
    `FROM employees e WHERE e.status = 'active' AND ${where}`
  );
}

/**
 * Contributions to skill_stats of held levels (alias h, from `source`: employee_skill_levels or
 * rows of employee_id, skill_id, level and n) matched by `where` (on h, m), each counted
 * `weight` times (1, -1 or h.n); the role requirements give met and towards.
 */
function skillStatsSelect(source: string, weight: string, where: string): string {
  return (
    `SELECT gc.ancestor_id AS scope_id, d.dim, ${DIM_ID} AS dim_id, h.skill_id, h.${LEVEL}, SUM(${weight}) AS holders, ` +
    `SUM(CASE WHEN rr.required_level = h.${LEVEL} THEN ${weight} ELSE 0 END) AS met, ` +
    `SUM(CASE WHEN rr.required_level >= h.${LEVEL} THEN ${weight} ELSE 0 END) AS towards ` +
    `FROM ${source} h JOIN rollup_members m ON m.employee_id = h.employee_id ${MEMBER_SCOPES} ` +
    `LEFT JOIN role_requirements rr ON rr.role_id = m.role_id AND rr.skill_id = h.skill_id WHERE ${where} ` +
    `GROUP BY gc.ancestor_id, d.dim, ${DIM_ID}, h.skill_id, h.${LEVEL}`
  );
}

/** Each (employee, credential)'s latest valid completion (alias c): the one a renewal would come after. */
const LATEST_VALID =
  "c.status = 'valid' AND NOT EXISTS (SELECT 1 FROM completions r WHERE r.employee_id = c.employee_id " +
  "AND r.credential_id = c.credential_id AND r.status = 'valid' AND r.awarded_at > c.awarded_at)";

/** The unrenewed expiries after R (the parameter) of the employees matched by `where` on c, each counted `sign` times. */
function unrenewedExpiries(where: string, sign: 1 | -1): string {
  return `(SELECT c.employee_id, c.expires_at AS expires_on, ${sign} AS n FROM completions c WHERE ${where} AND c.expires_at > ? AND ${LATEST_VALID})`;
}

/** Contributions to expiry_stats of expiries (alias v, from `source`: rows of employee_id, expires_on and n) of members. */
function expiryStatsSelect(source: string): string {
  return (
    `SELECT gc.ancestor_id AS scope_id, v.expires_on, SUM(v.n) AS completions FROM ${source} v ` +
    'JOIN rollup_members m ON m.employee_id = v.employee_id JOIN team_closure gc ON gc.descendant_id = m.team_id ' +
    'GROUP BY gc.ancestor_id, v.expires_on'
  );
}

/** The first day of the month of a DATE expression, on either database. */
function monthOf(dialect: Dialect, date: string): string {
  return dialect === 'mysql' ? `DATE_FORMAT(${date}, '%Y-%m-01')` : `strftime('%Y-%m-01', ${date})`;
}

/**
 * Contributions to qualified_stats of held levels (alias h, from `source`: employee_skill_levels,
 * or rows of employee_id, skill_id, level, valid_until and n) matched by `where` (on h, m): a
 * level counts where the member's role requires the skill at exactly that level (holding it
 * means holding every level below), in each scope of the member's team.
 */
function qualifiedStatsSelect(dialect: Dialect, source: string, weight: string, where: string): string {
  const month = monthOf(dialect, 'h.valid_until');
  return (
    `SELECT gc.ancestor_id AS scope_id, m.role_id, h.skill_id, ${month} AS until_month, SUM(${weight}) AS holders ` +
    `FROM ${source} h JOIN rollup_members m ON m.employee_id = h.employee_id ` +
    `JOIN role_requirements rr ON rr.role_id = m.role_id AND rr.skill_id = h.skill_id AND rr.required_level = h.${LEVEL} ` +
    `JOIN team_closure gc ON gc.descendant_id = m.team_id WHERE ${where} ` +
    `GROUP BY gc.ancestor_id, m.role_id, h.skill_id, ${month}`
  );
}

/**
 * Contributions to renewal_stats of the valid, expiring completions matched by `where` (on c and
 * cs), each counted `sign` times: per skill granted and expiry day, how many, and how many the
 * same employee renewed within the window (DESIGN §3 "Renewal rate").
 */
function renewalStatsSelect(dialect: Dialect, where: string, sign: 1 | -1): string {
  const shift = (days: number) =>
    dialect === 'mysql'
      ? `DATE_ADD(c.expires_at, INTERVAL ${days} DAY)`
      : `date(c.expires_at, '${days >= 0 ? '+' : ''}${days} days')`;
  return (
    `SELECT cs.skill_id, c.expires_at AS expires_on, ${sign} * COUNT(*) AS expired, ${sign} * SUM(CASE WHEN EXISTS (SELECT 1 FROM completions c2 ` +
    `JOIN credential_skills cs2 ON cs2.credential_id = c2.credential_id AND cs2.skill_id = cs.skill_id AND cs2.${LEVEL} >= cs.${LEVEL} ` +
    `WHERE c2.employee_id = c.employee_id AND c2.id <> c.id AND c2.status = 'valid' ` +
    `AND c2.awarded_at >= ${shift(-RENEWAL_WINDOW_DAYS)} AND c2.awarded_at <= ${shift(RENEWAL_WINDOW_DAYS)}) THEN 1 ELSE 0 END) AS renewed ` +
    `FROM completions c JOIN credential_skills cs ON cs.credential_id = c.credential_id ` +
    `WHERE c.status = 'valid' AND c.expires_at IS NOT NULL AND ${where} GROUP BY cs.skill_id, c.expires_at`
  );
}

/** Literal rows as a derived table (UNION ALL of SELECTs: both databases accept it). */
function literalRows(
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): { sql: string; parameters: unknown[] } {
  const first = `SELECT ${columns.map((column) => `? AS ${quote(column)}`).join(', ')}`;
  const next = `SELECT ${columns.map(() => '?').join(', ')}`;
  return { sql: `(${[first, ...rows.slice(1).map(() => next)].join(' UNION ALL ')})`, parameters: rows.flat() };
}

function headcountSelect(where: string, sign: 1 | -1): string {
  return (
    `SELECT gc.ancestor_id AS scope_id, d.dim, ${DIM_ID} AS dim_id, m.role_id, ${sign} * COUNT(*) AS headcount, ` +
    `${sign} * SUM(m.recorded) AS recorded FROM rollup_members m ${MEMBER_SCOPES} WHERE ${where} ` +
    `GROUP BY gc.ancestor_id, d.dim, ${DIM_ID}, m.role_id`
  );
}

/** headcount_stats rows that move one member's `recorded` by `delta` in every scope and dimension they count in (m.employee_id = ?). */
function recordedSelect(delta: number): string {
  return (
    `SELECT gc.ancestor_id AS scope_id, d.dim, ${DIM_ID} AS dim_id, m.role_id, 0 AS headcount, ${delta} AS recorded ` +
    `FROM rollup_members m ${MEMBER_SCOPES} WHERE m.employee_id = ?`
  );
}

/**
 * Refuses a write of the statistics while a committed rebuild waits to be renamed into place
 * (rollup_state.swap_id, read under the writer's lock; see analytics-swap.ts).
 */
function assertNoPendingSwap(swapId: unknown): void {
  if (swapId === null || swapId === undefined) return;
  throw new DomainError(
    'unavailable',
    'ANALYTICS_SWAPPING',
    'An import has just rebuilt the skills analytics and they are being put in place; try again in a moment',
    undefined,
    1,
  );
}

/** The date the statistics hold on. Read under a shared lock on MySQL, so it cannot move meanwhile. */
async function validOn(sql: SqlRunner, dialect: Dialect): Promise<string> {
  const rows = (await sql.query(
    `SELECT valid_on AS d, swap_id AS w FROM rollup_state WHERE id = 1${dialect === 'mysql' ? ' LOCK IN SHARE MODE' : ''}`,
  )) as Array<{ d: string; w: string | null }>;
  if (!rows.length) throw new Error('rollup_state is empty: run the migrations');
  assertNoPendingSwap(rows[0].w);
  return String(rows[0].d).slice(0, 10);
}

/** Adds (sign 1) or subtracts (sign -1) the skill_stats contributions of the levels matched by `where` (on h, m). */
function addSkillStats(sql: SqlRunner, dialect: Dialect, where: string, parameters: unknown[], sign: 1 | -1): Promise<unknown> {
  return sql.query(
    upsertAddSql(
      dialect,
      'skill_stats',
      SKILL_KEY,
      ['holders', 'met', 'towards'],
      skillStatsSelect('employee_skill_levels', String(sign), where),
    ),
    parameters,
  );
}

/** Adds the expiry_stats contributions of the rows of `source` (see expiryStatsSelect). */
function addExpiryStats(sql: SqlRunner, dialect: Dialect, source: string, parameters: unknown[]): Promise<unknown> {
  return sql.query(upsertAddSql(dialect, 'expiry_stats', EXPIRY_KEY, ['completions'], expiryStatsSelect(source)), parameters);
}

/** Adds (sign 1) or subtracts (sign -1) the qualified_stats contributions of the levels matched by `where` (on h, m). */
function addQualifiedStats(
  sql: SqlRunner,
  dialect: Dialect,
  where: string,
  parameters: unknown[],
  sign: 1 | -1,
): Promise<unknown> {
  return sql.query(
    upsertAddSql(
      dialect,
      'qualified_stats',
      QUALIFIED_KEY,
      ['holders'],
      qualifiedStatsSelect(dialect, 'employee_skill_levels', String(sign), where),
    ),
    parameters,
  );
}

/** Adds (sign 1) or subtracts (sign -1) the renewal_stats contributions of the completions matched by `where` (on c, cs). */
function addRenewalStats(sql: SqlRunner, dialect: Dialect, where: string, parameters: unknown[], sign: 1 | -1): Promise<unknown> {
  return sql.query(
    upsertAddSql(dialect, 'renewal_stats', RENEWAL_KEY, ['expired', 'renewed'], renewalStatsSelect(dialect, where, sign)),
    parameters,
  );
}

/** Adds (sign 1) or subtracts (sign -1) the headcount_stats contributions of the members matched by `where` (on m). */
function addHeadcounts(sql: SqlRunner, dialect: Dialect, where: string, parameters: unknown[], sign: 1 | -1): Promise<unknown> {
  return sql.query(
    upsertAddSql(dialect, 'headcount_stats', HEADCOUNT_KEY, ['headcount', 'recorded'], headcountSelect(where, sign)),
    parameters,
  );
}

/** Adds (sign 1) or subtracts (sign -1) some employees' contributions to the statistics tables. */
async function addContributions(sql: SqlRunner, dialect: Dialect, ids: number[], since: string, sign: 1 | -1): Promise<void> {
  const list = placeholders(ids.length);
  await addSkillStats(sql, dialect, `h.employee_id IN (${list}) AND h.valid_until > ?`, [...ids, since], sign);
  await addQualifiedStats(sql, dialect, `h.employee_id IN (${list}) AND h.valid_until > ?`, [...ids, since], sign);
  await addHeadcounts(sql, dialect, `m.employee_id IN (${list})`, ids, sign);
  await addExpiryStats(sql, dialect, unrenewedExpiries(`c.employee_id IN (${list})`, sign), [...ids, since]);
  await addRenewalStats(sql, dialect, `c.employee_id IN (${list})`, ids, sign);
}

/**
 * Takes employees out of the statistics, before their role's requirements or the team tree
 * change (the statistics go through both). Their completions must be as they were when they were
 * added: the expiries are computed from them.
 */
export async function withdrawEmployees(sql: SqlRunner, dialect: Dialect, employeeIds: readonly number[]): Promise<void> {
  const unique = [...new Set(employeeIds)].sort((a, b) => a - b);
  if (!unique.length) return;
  const since = await validOn(sql, dialect);
  for (const ids of chunks(unique, CHUNK)) {
    const list = placeholders(ids.length);
    // Two writers changing the same people would both subtract the same old state.
    if (dialect === 'mysql') await sql.query(`SELECT id FROM employees WHERE id IN (${list}) FOR UPDATE`, ids);
    await addContributions(sql, dialect, ids, since, -1);
    await sql.query(`DELETE FROM employee_skill_levels WHERE employee_id IN (${list})`, ids);
    await sql.query(`DELETE FROM rollup_members WHERE employee_id IN (${list})`, ids);
  }
}

/** Recomputes employees' skill state from their completions and adds them to the statistics where they are now. */
export async function contributeEmployees(sql: SqlRunner, dialect: Dialect, employeeIds: readonly number[]): Promise<void> {
  const unique = [...new Set(employeeIds)].sort((a, b) => a - b);
  if (!unique.length) return;
  const since = await validOn(sql, dialect);
  for (const ids of chunks(unique, CHUNK)) {
    const list = placeholders(ids.length);
    await sql.query(
      `INSERT INTO employee_skill_levels (employee_id, skill_id, ${LEVEL}, valid_until) ${skillLevelsSelect(`c.employee_id IN (${list})`)}`,
      ids,
    );
    await sql.query(
      `INSERT INTO rollup_members (employee_id, team_id, role_id, location_id, recorded) ${membersSelect(`e.id IN (${list})`)}`,
      ids,
    );
    await addContributions(sql, dialect, ids, since, 1);
  }
}

/** Withdraws and re-adds: after a change to employees' placement or status, or to a credential's grants. */
export async function refreshEmployees(sql: SqlRunner, dialect: Dialect, employeeIds: readonly number[]): Promise<void> {
  await withdrawEmployees(sql, dialect, employeeIds);
  await contributeEmployees(sql, dialect, employeeIds);
}

/** A completion as the write path knows it. */
export interface CompletionVersion {
  id: number;
  credentialId: number;
  awardedAt: string;
  expiresAt: string | null;
  status: string;
}

type StateRow = Record<string, string | number | null>;

/** The latest valid completion of a credential (a renewal replaces the one before). */
function latestOf(completions: Iterable<CompletionVersion>, credentialId: number): CompletionVersion | null {
  let latest: CompletionVersion | null = null;
  for (const completion of completions)
    if (
      completion.credentialId === credentialId &&
      completion.status === 'valid' &&
      (!latest || completion.awardedAt > latest.awardedAt)
    )
      latest = completion;
  return latest;
}

/** (skill, level) as one number, in (skill, level) order. */
const levelKey = (skillId: number, level: number) => skillId * 8 + level;
const skillOf = (key: number) => Math.floor(key / 8);

/**
 * What a write of one completion of `credentialId` needs to know of the employee (readCompletionState),
 * read under the locks that order it against other writers.
 */
export interface CompletionState {
  employeeId: number;
  credentialId: number;
  /** The team the employee is counted in, or null when they are not an active member. */
  teamId: number | null;
  /** rollup_members.recorded: whether they had any valid completion. */
  recorded: number;
  /** R, the date the statistics hold on. */
  since: string;
  /** Every completion of the employee's, as it was. */
  completions: Map<number, CompletionVersion>;
  /** credential → skill → level granted, for the employee's credentials and `credentialId`. */
  grants: Map<number, Map<number, number>>;
  /** levelKey(skill, level) → the date until which the employee holds it now. */
  oldUntil: Map<number, string>;
  /** The employee's open assignments that include the credential. */
  assignmentIds: number[];
}

/**
 * Reads what a write of one completion of `credentialId` changes from: one statement, issued at
 * once (a pipeline sends it with whatever is queued). It comes before the write so that the
 * employee's row is locked before the completion's foreign key takes a shared lock on it (two
 * writers holding that and both asking for the row lock would deadlock).
 */
export async function readCompletionState(
  tx: TransactionPipeline,
  employeeId: number,
  credentialId: number,
): Promise<CompletionState> {
  const mysql = tx.dialect === 'mysql';
  // Each part tagged by k: the employee ('e': the team they are counted in, or null, and whether
  // they have any valid completion), their completions with what they grant ('c'), the
  // credential's grants ('g'), their current levels ('h') and R ('r'). On MySQL each part is a
  // locking read, so it sees what was committed before the lock rather than the transaction's first
  // snapshot: the employee's row lock orders writers of the same person (as in withdrawEmployees),
  // and the shared lock on rollup_state keeps R where it is.
  const parts: Array<[string, string]> = [
    [
      "SELECT 'e' AS k, m.team_id AS id, m.recorded AS cr, NULL AS aw, NULL AS ex, NULL AS st, m.role_id AS s, NULL AS lv " +
        'FROM employees e LEFT JOIN rollup_members m ON m.employee_id = e.id WHERE e.id = ?',
      'FOR UPDATE',
    ],
    [
      `SELECT 'c', c.id, c.credential_id, c.awarded_at, c.expires_at, c.status, cs.skill_id, cs.${LEVEL} FROM completions c ` +
        'LEFT JOIN credential_skills cs ON cs.credential_id = c.credential_id WHERE c.employee_id = ?',
      'LOCK IN SHARE MODE',
    ],
    [
      `SELECT 'g', NULL, NULL, NULL, NULL, NULL, skill_id, ${LEVEL} FROM credential_skills WHERE credential_id = ?`,
      'LOCK IN SHARE MODE',
    ],
    [
      `SELECT 'h', NULL, NULL, NULL, valid_until, NULL, skill_id, ${LEVEL} FROM employee_skill_levels WHERE employee_id = ?`,
      'LOCK IN SHARE MODE',
    ],
    // st: a rebuild waiting to be renamed into place (analytics-swap.ts).
    ["SELECT 'r', NULL, NULL, valid_on, NULL, swap_id, NULL, NULL FROM rollup_state WHERE id = 1", 'LOCK IN SHARE MODE'],
    // The employee's open assignments that include the credential (assignment_progress follows the write).
    [
      "SELECT 'a', a.id, NULL, NULL, NULL, NULL, NULL, NULL FROM assignments a LEFT JOIN cluster_credentials cc " +
        'ON cc.cluster_id = a.cluster_id AND cc.credential_id = ? WHERE a.employee_id = ? AND a.cancelled_at IS NULL ' +
        'AND (a.credential_id = ? OR cc.credential_id IS NOT NULL)',
      'LOCK IN SHARE MODE',
    ],
  ];
  const rows = (await tx.query(parts.map(([part, lock]) => (mysql ? `(${part} ${lock})` : part)).join(' UNION ALL '), [
    employeeId,
    employeeId,
    credentialId,
    employeeId,
    credentialId,
    employeeId,
    credentialId,
  ])) as StateRow[];
  const date = (value: string | number | null) => (value === null ? NEVER_EXPIRES : String(value).slice(0, 10));
  const state: CompletionState = {
    employeeId,
    credentialId,
    teamId: null,
    recorded: 0,
    since: '',
    completions: new Map(),
    grants: new Map(),
    oldUntil: new Map(),
    assignmentIds: [],
  };
  const grant = (credential: number, row: StateRow) => {
    let bySkill = state.grants.get(credential);
    if (!bySkill) state.grants.set(credential, (bySkill = new Map()));
    if (row.s !== null) bySkill.set(Number(row.s), Number(row.lv));
  };
  for (const row of rows) {
    if (row.k === 'e') {
      state.teamId = row.id === null ? null : Number(row.id);
      state.recorded = Number(row.cr);
    } else if (row.k === 'r') {
      assertNoPendingSwap(row.st);
      state.since = date(row.aw);
    } else if (row.k === 'h') state.oldUntil.set(levelKey(Number(row.s), Number(row.lv)), date(row.ex));
    else if (row.k === 'g') grant(credentialId, row);
    else if (row.k === 'a') state.assignmentIds.push(Number(row.id));
    else {
      grant(Number(row.cr), row);
      state.completions.set(Number(row.id), {
        id: Number(row.id),
        credentialId: Number(row.cr),
        awardedAt: date(row.aw),
        expiresAt: row.ex === null ? null : date(row.ex),
        status: String(row.st),
      });
    }
  }
  if (!state.since) throw new Error('rollup_state is empty: run the migrations');
  return state;
}

/**
 * Moves the employee's state in the skills the credential grants, and the statistics, from
 * `state` to `after` (the completion as it now is: recorded, corrected or revoked; a new one
 * may carry any id its employee's others do not have): nothing when the write changes neither a
 * level's end date, nor whether a level is held on R, nor the credential's unrenewed expiry.
 * At most one statement per table that moves, none depending on another's effect: all are
 * issued before this returns, so a COMMIT the caller queues next runs after them.
 */
export function queueCompletionWrite(
  tx: TransactionPipeline,
  state: CompletionState,
  after: CompletionVersion,
): Promise<unknown> {
  const { employeeId, credentialId, teamId, since: from, grants, oldUntil } = state;
  const dialect = tx.dialect;
  const mysql = dialect === 'mysql';
  const valid = new Map([...state.completions].filter(([, completion]) => completion.status === 'valid'));
  const next = new Map(valid);
  next.delete(after.id);
  if (after.status === 'valid') next.set(after.id, after);

  // The levels of the credential's skills, from the valid completions after the write.
  const skills = new Set(grants.get(credentialId)?.keys());
  const newUntil = new Map<number, string>();
  for (const completion of next.values()) {
    const until = completion.expiresAt ?? NEVER_EXPIRES;
    for (const [skillId, level] of grants.get(completion.credentialId) ?? []) {
      if (!skills.has(skillId)) continue;
      for (let k = 1; k <= level; k++)
        if ((newUntil.get(levelKey(skillId, k)) ?? '') < until) newUntil.set(levelKey(skillId, k), until);
    }
  }
  const levelRows: Array<[number, number, number, string]> = [];
  const gone: number[] = [];
  const statRows: Array<[number, number, number, number]> = [];
  /** Moves between the months a level ends in (qualified_stats): employee, skill, level, valid_until, n. */
  const monthRows: Array<[number, number, number, string, number]> = [];
  const held = (until: string | undefined) => until !== undefined && until > from;
  for (const key of new Set([...[...oldUntil.keys()].filter((k) => skills.has(skillOf(k))), ...newUntil.keys()])) {
    const [was, now] = [oldUntil.get(key), newUntil.get(key)];
    if (was === now) continue;
    if (now === undefined) gone.push(key);
    else levelRows.push([employeeId, skillOf(key), key % 8, now]);
    if (held(was) !== held(now)) statRows.push([employeeId, skillOf(key), key % 8, held(now) ? 1 : -1]);
    if (held(was) && held(now) && was?.slice(0, 7) === now?.slice(0, 7)) continue;
    if (was !== undefined && held(was)) monthRows.push([employeeId, skillOf(key), key % 8, was, -1]);
    if (now !== undefined && held(now)) monthRows.push([employeeId, skillOf(key), key % 8, now, 1]);
  }
  const writes: Array<Promise<unknown>> = [];
  if (levelRows.length) {
    writes.push(
      tx.query(
        `INSERT INTO employee_skill_levels (employee_id, skill_id, ${LEVEL}, valid_until) VALUES ${levelRows.map(() => '(?, ?, ?, ?)').join(', ')} ` +
          (mysql
            ? 'ON DUPLICATE KEY UPDATE valid_until = VALUES(valid_until)'
            : `ON CONFLICT (employee_id, skill_id, ${LEVEL}) DO UPDATE SET valid_until = excluded.valid_until`),
        levelRows.flat(),
      ),
    );
  }
  if (gone.length) {
    writes.push(
      tx.query(
        `DELETE FROM employee_skill_levels WHERE employee_id = ? AND (${gone.map(() => `(skill_id = ? AND ${LEVEL} = ?)`).join(' OR ')})`,
        [employeeId, ...gone.flatMap((key) => [skillOf(key), key % 8])],
      ),
    );
  }
  if (state.assignmentIds.length) writes.push(queueAssignmentProgressRefresh(tx, { assignmentIds: state.assignmentIds }));
  // Renewals count every employee's completions, leavers' too.
  const renewalRows = renewalChanges(valid, next, grants, skills);
  if (renewalRows.length) {
    const source = literalRows(['skill_id', 'expires_on', 'expired', 'renewed'], renewalRows);
    writes.push(
      tx.query(
        upsertAddSql(
          dialect,
          'renewal_stats',
          RENEWAL_KEY,
          ['expired', 'renewed'],
          `SELECT v.skill_id, v.expires_on, v.expired, v.renewed FROM ${source.sql} v`,
        ),
        source.parameters,
      ),
    );
  }
  if (teamId === null) return Promise.all(writes); // not an active member: in no other statistics

  if (monthRows.length) {
    const source = literalRows(['employee_id', 'skill_id', 'level', 'valid_until', 'n'], monthRows);
    writes.push(
      tx.query(
        upsertAddSql(
          dialect,
          'qualified_stats',
          QUALIFIED_KEY,
          ['holders'],
          qualifiedStatsSelect(dialect, source.sql, 'h.n', '1 = 1'),
        ),
        source.parameters,
      ),
    );
  }
  if (statRows.length) {
    const source = literalRows(['employee_id', 'skill_id', 'level', 'n'], statRows);
    writes.push(
      tx.query(
        upsertAddSql(
          dialect,
          'skill_stats',
          SKILL_KEY,
          ['holders', 'met', 'towards'],
          skillStatsSelect(source.sql, 'h.n', '1 = 1'),
        ),
        source.parameters,
      ),
    );
  }

  // The credential's unrenewed expiry after R, before and after.
  const expiring = (completions: Map<number, CompletionVersion>) => {
    const latest = latestOf(completions.values(), credentialId);
    return latest?.expiresAt && latest.expiresAt > from ? latest.expiresAt : null;
  };
  const [wasExpiring, nowExpiring] = [expiring(valid), expiring(next)];
  if (wasExpiring !== nowExpiring) {
    const moves: Array<[number, string, number]> = [];
    if (wasExpiring) moves.push([employeeId, wasExpiring, -1]);
    if (nowExpiring) moves.push([employeeId, nowExpiring, 1]);
    const source = literalRows(['employee_id', 'expires_on', 'n'], moves);
    writes.push(addExpiryStats(tx, dialect, source.sql, source.parameters));
  }

  // Data completeness: whether the employee has any valid completion at all. The flag moves
  // `recorded` in every headcount row the member counts in, and the member's own row.
  const nowRecorded = next.size > 0 ? 1 : 0;
  if (nowRecorded !== state.recorded) {
    const delta = nowRecorded - state.recorded;
    writes.push(
      tx.query(upsertAddSql(dialect, 'headcount_stats', HEADCOUNT_KEY, ['headcount', 'recorded'], recordedSelect(delta)), [
        employeeId,
      ]),
      tx.query('UPDATE rollup_members SET recorded = ? WHERE employee_id = ?', [nowRecorded, employeeId]),
    );
  }
  return Promise.all(writes);
}

/**
 * renewal_stats rows (skill, expiry day, expired, renewed) that change between two sets of an
 * employee's valid completions, for the skills in `skills` (the only ones a write of one
 * credential can move).
 */
function renewalChanges(
  before: ReadonlyMap<number, CompletionVersion>,
  after: ReadonlyMap<number, CompletionVersion>,
  grants: ReadonlyMap<number, ReadonlyMap<number, number>>,
  skills: ReadonlySet<number>,
): Array<[number, string, number, number]> {
  const counts = new Map<string, [number, number, number, string]>();
  const count = (completions: ReadonlyMap<number, CompletionVersion>, sign: 1 | -1) => {
    for (const completion of completions.values()) {
      const expires = completion.expiresAt;
      if (expires === null) continue;
      const [earliest, latest] = [addDays(expires, -RENEWAL_WINDOW_DAYS), addDays(expires, RENEWAL_WINDOW_DAYS)];
      for (const [skillId, level] of grants.get(completion.credentialId) ?? []) {
        if (!skills.has(skillId)) continue;
        let renewed = 0;
        for (const other of completions.values()) {
          if (
            other.id !== completion.id &&
            (grants.get(other.credentialId)?.get(skillId) ?? 0) >= level &&
            other.awardedAt >= earliest &&
            other.awardedAt <= latest
          ) {
            renewed = 1;
            break;
          }
        }
        const key = `${skillId}|${expires}`;
        const entry = counts.get(key) ?? [0, 0, skillId, expires];
        entry[0] += sign;
        entry[1] += sign * renewed;
        counts.set(key, entry);
      }
    }
  };
  count(before, -1);
  count(after, 1);
  return [...counts.values()]
    .filter(([expired, renewed]) => expired !== 0 || renewed !== 0)
    .map(([expired, renewed, skillId, expires]) => [skillId, expires, expired, renewed]);
}

/**
 * renewal_stats of some skills (every skill: null) from scratch: after a change to what
 * credentials grant, which the per-employee updates cannot undo (they read today's grants).
 */
export async function rebuildRenewalStats(sql: SqlRunner, dialect: Dialect, skillIds: readonly number[] | null): Promise<void> {
  if (skillIds === null) {
    await sql.query('DELETE FROM renewal_stats');
    await sql.query(
      `INSERT INTO renewal_stats (${RENEWAL_KEY.join(', ')}, expired, renewed) ${renewalStatsSelect(dialect, '1 = 1', 1)}`,
    );
    return;
  }
  for (const ids of chunks([...new Set(skillIds)], CHUNK)) {
    const list = placeholders(ids.length);
    await sql.query(`DELETE FROM renewal_stats WHERE skill_id IN (${list})`, ids);
    await sql.query(
      `INSERT INTO renewal_stats (${RENEWAL_KEY.join(', ')}, expired, renewed) ${renewalStatsSelect(dialect, `cs.skill_id IN (${list})`, 1)}`,
      ids,
    );
  }
}

/** Drops statistics rows that have come down to zero. */
export async function pruneStats(sql: SqlRunner): Promise<void> {
  await sql.query('DELETE FROM skill_stats WHERE holders = 0 AND met = 0 AND towards = 0');
  await sql.query('DELETE FROM headcount_stats WHERE headcount = 0');
  await sql.query('DELETE FROM expiry_stats WHERE completions = 0');
  await sql.query('DELETE FROM qualified_stats WHERE holders = 0');
  await sql.query('DELETE FROM renewal_stats WHERE expired = 0 AND renewed = 0');
}

/** The active employees of a role, or of a team's sub-tree (whose statistics a requirement change or a move affects). */
export async function employeesOf(sql: SqlRunner, filter: { roleId?: number; teamPath?: string }): Promise<number[]> {
  const rows = (await (filter.roleId !== undefined
    ? sql.query('SELECT employee_id AS id FROM rollup_members WHERE role_id = ?', [filter.roleId])
    : sql.query('SELECT m.employee_id AS id FROM rollup_members m JOIN teams t ON t.id = m.team_id WHERE t.path LIKE ?', [
        `${filter.teamPath}%`,
      ]))) as Array<{ id: number | string }>;
  return rows.map((row) => Number(row.id));
}

/** The employees with a completion of any of these credentials (whose state a grant change affects). */
export async function employeesWithCredentials(sql: SqlRunner, credentialIds: readonly number[]): Promise<number[]> {
  if (!credentialIds.length) return [];
  const rows = (await sql.query(
    `SELECT DISTINCT employee_id AS id FROM completions WHERE credential_id IN (${placeholders(credentialIds.length)})`,
    [...credentialIds],
  )) as Array<{ id: number | string }>;
  return rows.map((row) => Number(row.id));
}

/**
 * Moves the statistics' date forward to `today`: the levels that ended in between leave them.
 * Only saves work for later reads; a no-op when already there.
 */
export async function advanceStats(sql: SqlRunner, dialect: Dialect, today: string): Promise<boolean> {
  const rows = (await sql.query(
    `SELECT valid_on AS d, swap_id AS w FROM rollup_state WHERE id = 1${dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
  )) as Array<{ d: string; w: string | null }>;
  assertNoPendingSwap(rows[0]?.w);
  const since = String(rows[0]?.d ?? today).slice(0, 10);
  if (since >= today) return false;
  await addSkillStats(sql, dialect, 'h.valid_until > ? AND h.valid_until <= ?', [since, today], -1);
  await addQualifiedStats(sql, dialect, 'h.valid_until > ? AND h.valid_until <= ?', [since, today], -1);
  await sql.query('UPDATE rollup_state SET valid_on = ? WHERE id = 1', [today]);
  await sql.query('DELETE FROM skill_stats WHERE holders = 0 AND met = 0 AND towards = 0');
  await sql.query('DELETE FROM qualified_stats WHERE holders = 0');
  // Expiries count only after R: the days up to the new R leave.
  await sql.query('DELETE FROM expiry_stats WHERE expires_on <= ?', [today]);
  return true;
}

/** Rebuilds every derived table from scratch, set-based (rebuild-analytics, and after a bulk load). */
export async function rebuildAnalytics(sql: SqlRunner, validOnDate: string): Promise<void> {
  await withLargeTemporaryTables(sql, async () => {
    await rebuildSkillState(sql, validOnDate);
    await rebuildExpiryStats(sql, validOnDate);
    await rebuildForecastStats(sql, validOnDate);
    await rebuildAssignmentProgress(sql);
  });
}

/** On MySQL, runs `work` with in-memory temporary tables of REBUILD_HEAP for the connection, then puts the sizes back. */
async function withLargeTemporaryTables(sql: SqlRunner, work: () => Promise<void>): Promise<void> {
  if (dialectOfRunner(sql) !== 'mysql') return work();
  const [limits] = (await sql.query('SELECT @@tmp_table_size AS t, @@max_heap_table_size AS h')) as StateRow[];
  await sql.query('SET SESSION tmp_table_size = ?, max_heap_table_size = ?', [REBUILD_HEAP, REBUILD_HEAP]);
  try {
    await work();
  } finally {
    await sql.query('SET SESSION tmp_table_size = ?, max_heap_table_size = ?', [Number(limits.t), Number(limits.h)]);
  }
}

/** qualified_stats and renewal_stats from scratch (the skill state, members and R must be there). */
export async function rebuildForecastStats(sql: SqlRunner, validOnDate: string): Promise<void> {
  const dialect = dialectOfRunner(sql);
  await sql.query('DELETE FROM qualified_stats');
  await sql.query(
    `INSERT INTO qualified_stats (${QUALIFIED_KEY.join(', ')}, holders) ${qualifiedStatsSelect(dialect, 'employee_skill_levels', '1', 'h.valid_until > ?')}`,
    [validOnDate],
  );
  await rebuildRenewalStats(sql, dialect, null);
}

/**
 * The tables of the first analytics migration (which calls it), from scratch: the skill state,
 * rollup_members, skill_stats, headcount_stats, team_closure and rollup_state.
 */
export async function rebuildSkillState(sql: SqlRunner, validOnDate: string): Promise<void> {
  for (const table of ['skill_stats', 'headcount_stats', 'rollup_members', 'employee_skill_levels', 'rollup_state'])
    await sql.query(`DELETE FROM ${quote(table)}`);
  await rebuildTeamClosure(sql);
  await sql.query('INSERT INTO rollup_state (id, valid_on) VALUES (1, ?)', [validOnDate]);
  // By ranges of employees, so that each range's grouping stays in memory: one statement over
  // every completion grouped in an on-disk temporary table for minutes on MariaDB.
  const [range] = (await sql.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM employees')) as StateRow[];
  await withLargeTemporaryTables(sql, async () => {
    for (let from = Number(range?.lo ?? 1); from <= Number(range?.hi ?? 0); from += REBUILD_RANGE) {
      await sql.query(
        `INSERT INTO employee_skill_levels (employee_id, skill_id, ${LEVEL}, valid_until) ${skillLevelsSelect('c.employee_id >= ? AND c.employee_id < ?')}`,
        [from, from + REBUILD_RANGE],
      );
    }
  });
  await sql.query(`INSERT INTO rollup_members (employee_id, team_id, role_id, location_id, recorded) ${membersSelect('1 = 1')}`);
  // Two stages: first per (team, role, location, skill, level), then out to every scope, so the
  // fan-out over ancestors and dimensions multiplies a few groups, not every held level.
  const perGroup =
    `SELECT m.team_id, m.role_id, m.location_id, h.skill_id, h.${LEVEL} AS lv, COUNT(*) AS holders, ` +
    `SUM(CASE WHEN rr.required_level = h.${LEVEL} THEN 1 ELSE 0 END) AS met, ` +
    `SUM(CASE WHEN rr.required_level >= h.${LEVEL} THEN 1 ELSE 0 END) AS towards ` +
    `FROM employee_skill_levels h JOIN rollup_members m ON m.employee_id = h.employee_id ` +
    `LEFT JOIN role_requirements rr ON rr.role_id = m.role_id AND rr.skill_id = h.skill_id WHERE h.valid_until > ? ` +
    `GROUP BY m.team_id, m.role_id, m.location_id, h.skill_id, h.${LEVEL}`;
  await sql.query(
    `INSERT INTO skill_stats (${SKILL_KEY.map(quote).join(', ')}, holders, met, towards) ` +
      `SELECT gc.ancestor_id, d.dim, ${DIM_ID}, m.skill_id, m.lv, SUM(m.holders), SUM(m.met), SUM(m.towards) ` +
      `FROM (${perGroup}) m ${MEMBER_SCOPES} GROUP BY gc.ancestor_id, d.dim, ${DIM_ID}, m.skill_id, m.lv`,
    [validOnDate],
  );
  await sql.query(
    `INSERT INTO headcount_stats (${HEADCOUNT_KEY.join(', ')}, headcount, recorded) ${headcountSelect('1 = 1', 1)}`,
  );
}

/** expiry_stats from scratch, from the completions of the members in rollup_members (R = `validOnDate`). */
export async function rebuildExpiryStats(sql: SqlRunner, validOnDate: string): Promise<void> {
  await sql.query('DELETE FROM expiry_stats');
  await sql.query(
    `INSERT INTO expiry_stats (${EXPIRY_KEY.join(', ')}, completions) ${expiryStatsSelect(unrenewedExpiries('1 = 1', 1))}`,
    [validOnDate],
  );
}

function closureRows(teams: ReadonlyArray<{ id: number; path: string }>): number[][] {
  const rows: number[][] = [];
  for (const team of teams) {
    const ancestors = team.path.split('/').filter(Boolean).map(Number);
    ancestors.forEach((ancestor, index) => rows.push([ancestor, team.id, ancestors.length - 1 - index]));
    rows.push([ORGANISATION_SCOPE, team.id, ancestors.length]);
  }
  return rows;
}

async function insertClosure(sql: SqlRunner, rows: number[][]): Promise<void> {
  for (const chunk of chunks(rows, CHUNK)) {
    await sql.query(
      `INSERT INTO team_closure (ancestor_id, descendant_id, depth) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
}

async function teamPaths(sql: SqlRunner, where = '', parameters: unknown[] = []): Promise<Array<{ id: number; path: string }>> {
  const rows = (await sql.query(`SELECT id, path FROM teams ${where}`, parameters)) as Array<{
    id: number | string;
    path: string;
  }>;
  return rows.map((row) => ({ id: Number(row.id), path: row.path }));
}

export async function rebuildTeamClosure(sql: SqlRunner): Promise<void> {
  await sql.query('DELETE FROM team_closure');
  await insertClosure(sql, closureRows(await teamPaths(sql)));
}

/**
 * After a team is created or moved: the closure rows of the team and everything below it,
 * from their paths. A move must withdraw the sub-tree's employees first and re-add them after.
 */
export async function refreshTeamClosure(sql: SqlRunner, teamId: number): Promise<void> {
  const [team] = await teamPaths(sql, 'WHERE id = ?', [teamId]);
  if (!team) return;
  const subtree = await teamPaths(sql, 'WHERE path LIKE ?', [`${team.path}%`]);
  for (const ids of chunks(
    subtree.map((t) => t.id),
    CHUNK,
  ))
    await sql.query(`DELETE FROM team_closure WHERE descendant_id IN (${placeholders(ids.length)})`, ids);
  await insertClosure(sql, closureRows(subtree));
}
