import { chunks, placeholders, quote, upsertAddSql, type Dialect, type SqlRunner } from '../../../database/sql';

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
 */

export const NEVER_EXPIRES = '9999-12-31';
/** The organisation, as the ancestor of every team in team_closure and a scope of the statistics. */
export const ORGANISATION_SCOPE = 0;

const LEVELS_TABLE = 'SELECT 1 AS lv UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5';
/** 0 all members of the scope, 1 its direct members (scope = own team), 2 by role, 3 by location. */
const DIMS_TABLE = 'SELECT 0 AS dim UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3';
const DIM_ID = 'CASE d.dim WHEN 2 THEN m.role_id WHEN 3 THEN m.location_id ELSE 0 END';
const SKILL_KEY = ['scope_id', 'dim', 'dim_id', 'skill_id', 'level'];
const HEADCOUNT_KEY = ['scope_id', 'dim', 'dim_id', 'role_id'];
const LEVEL = quote('level');
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
 * Contributions to skill_stats of the levels matched by `where` (on h, m), times `sign`; the
 * role requirements give met and towards.
 */
function skillStatsSelect(where: string, sign: 1 | -1): string {
  return (
    `SELECT gc.ancestor_id AS scope_id, d.dim, ${DIM_ID} AS dim_id, h.skill_id, h.${LEVEL}, ${sign} * COUNT(*) AS holders, ` +
    `${sign} * SUM(CASE WHEN rr.required_level = h.${LEVEL} THEN 1 ELSE 0 END) AS met, ` +
    `${sign} * SUM(CASE WHEN rr.required_level >= h.${LEVEL} THEN 1 ELSE 0 END) AS towards ` +
    `FROM employee_skill_levels h JOIN rollup_members m ON m.employee_id = h.employee_id ${MEMBER_SCOPES} ` +
    `LEFT JOIN role_requirements rr ON rr.role_id = m.role_id AND rr.skill_id = h.skill_id WHERE ${where} ` +
    `GROUP BY gc.ancestor_id, d.dim, ${DIM_ID}, h.skill_id, h.${LEVEL}`
  );
}

function headcountSelect(where: string, sign: 1 | -1): string {
  return (
    `SELECT gc.ancestor_id AS scope_id, d.dim, ${DIM_ID} AS dim_id, m.role_id, ${sign} * COUNT(*) AS headcount, ` +
    `${sign} * SUM(m.recorded) AS recorded FROM rollup_members m ${MEMBER_SCOPES} WHERE ${where} ` +
    `GROUP BY gc.ancestor_id, d.dim, ${DIM_ID}, m.role_id`
  );
}

/** The date the statistics hold on. Read under a shared lock on MySQL, so it cannot move meanwhile. */
async function validOn(sql: SqlRunner, dialect: Dialect): Promise<string> {
  const rows = (await sql.query(
    `SELECT valid_on AS d FROM rollup_state WHERE id = 1${dialect === 'mysql' ? ' LOCK IN SHARE MODE' : ''}`,
  )) as Array<{ d: string }>;
  if (!rows.length) throw new Error('rollup_state is empty: run the migrations');
  return String(rows[0].d).slice(0, 10);
}

/** Adds (sign 1) or subtracts (sign -1) the skill_stats contributions of the levels matched by `where` (on h, m). */
function addSkillStats(sql: SqlRunner, dialect: Dialect, where: string, parameters: unknown[], sign: 1 | -1): Promise<unknown> {
  return sql.query(
    upsertAddSql(dialect, 'skill_stats', SKILL_KEY, ['holders', 'met', 'towards'], skillStatsSelect(where, sign)),
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

/** Adds (sign 1) or subtracts (sign -1) some employees' contributions to both statistics tables. */
async function addContributions(sql: SqlRunner, dialect: Dialect, ids: number[], since: string, sign: 1 | -1): Promise<void> {
  const list = placeholders(ids.length);
  await addSkillStats(sql, dialect, `h.employee_id IN (${list}) AND h.valid_until > ?`, [...ids, since], sign);
  await addHeadcounts(sql, dialect, `m.employee_id IN (${list})`, ids, sign);
}

/** Takes employees out of the statistics (before their completions, placement, role requirements or team tree change). */
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

/** Withdraws and re-adds: after a change to employees' completions, placement or status, or to a credential's grants. */
export async function refreshEmployees(sql: SqlRunner, dialect: Dialect, employeeIds: readonly number[]): Promise<void> {
  await withdrawEmployees(sql, dialect, employeeIds);
  await contributeEmployees(sql, dialect, employeeIds);
}

/**
 * After a change to one employee's completions of credentials granting `skillIds`: only those
 * skills' state and statistics move (and the headcount's "any credential recorded" when it flips).
 */
export async function refreshEmployeeSkills(
  sql: SqlRunner,
  dialect: Dialect,
  employeeId: number,
  skillIds: readonly number[],
): Promise<void> {
  if (dialect === 'mysql') await sql.query('SELECT id FROM employees WHERE id = ? FOR UPDATE', [employeeId]);
  const since = await validOn(sql, dialect);
  if (skillIds.length) {
    const skills = placeholders(skillIds.length);
    const statsOf = (sign: 1 | -1) =>
      addSkillStats(
        sql,
        dialect,
        `h.employee_id = ? AND h.skill_id IN (${skills}) AND h.valid_until > ?`,
        [employeeId, ...skillIds, since],
        sign,
      );
    await statsOf(-1);
    await sql.query(`DELETE FROM employee_skill_levels WHERE employee_id = ? AND skill_id IN (${skills})`, [
      employeeId,
      ...skillIds,
    ]);
    await sql.query(
      `INSERT INTO employee_skill_levels (employee_id, skill_id, ${LEVEL}, valid_until) ${skillLevelsSelect(`c.employee_id = ? AND cs.skill_id IN (${skills})`)}`,
      [employeeId, ...skillIds],
    );
    await statsOf(1);
  }
  const [member] = (await sql.query('SELECT recorded FROM rollup_members WHERE employee_id = ?', [employeeId])) as Array<{
    recorded: number | string;
  }>;
  if (!member) return;
  const [now] = (await sql.query(
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM completions c WHERE c.employee_id = ? AND c.status = 'valid') THEN 1 ELSE 0 END AS r",
    [employeeId],
  )) as Array<{ r: number | string }>;
  if (Number(now.r) === Number(member.recorded)) return;
  const headcount = (sign: 1 | -1) => addHeadcounts(sql, dialect, 'm.employee_id = ?', [employeeId], sign);
  await headcount(-1);
  await sql.query('UPDATE rollup_members SET recorded = ? WHERE employee_id = ?', [Number(now.r), employeeId]);
  await headcount(1);
}

/** Drops statistics rows that have come down to zero. */
export async function pruneStats(sql: SqlRunner): Promise<void> {
  await sql.query('DELETE FROM skill_stats WHERE holders = 0 AND met = 0 AND towards = 0');
  await sql.query('DELETE FROM headcount_stats WHERE headcount = 0');
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
    `SELECT valid_on AS d FROM rollup_state WHERE id = 1${dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
  )) as Array<{ d: string }>;
  const since = String(rows[0]?.d ?? today).slice(0, 10);
  if (since >= today) return false;
  await addSkillStats(sql, dialect, 'h.valid_until > ? AND h.valid_until <= ?', [since, today], -1);
  await sql.query('UPDATE rollup_state SET valid_on = ? WHERE id = 1', [today]);
  await sql.query('DELETE FROM skill_stats WHERE holders = 0 AND met = 0 AND towards = 0');
  return true;
}

/** Rebuilds every derived table from scratch, set-based (after a seed or bulk load, and by the migration). */
export async function rebuildSkillState(sql: SqlRunner, validOnDate: string): Promise<void> {
  for (const table of ['skill_stats', 'headcount_stats', 'rollup_members', 'employee_skill_levels', 'rollup_state'])
    await sql.query(`DELETE FROM ${quote(table)}`);
  await rebuildTeamClosure(sql);
  await sql.query('INSERT INTO rollup_state (id, valid_on) VALUES (1, ?)', [validOnDate]);
  await sql.query(
    `INSERT INTO employee_skill_levels (employee_id, skill_id, ${LEVEL}, valid_until) ${skillLevelsSelect('1 = 1')}`,
  );
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
