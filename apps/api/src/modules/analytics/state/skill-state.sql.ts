import { chunks, placeholders, quote, upsertAddSql, type Dialect, type SqlRunner } from '../../../database/sql';

/**
 * Keeps the current skill state and the rollups (DESIGN §5) in step with completions,
 * credential grants, employees and the team tree. Every function runs on the caller's
 * connection, so it joins the caller's transaction: the write and its rollups commit together.
 */

/** '9999-12-31': held with no end date. Dates compare as strings on both databases. */
export const NEVER_EXPIRES = '9999-12-31';
export const NEVER_EXPIRES_MONTH = '9999-12';

const LEVELS_TABLE = 'SELECT 1 AS lv UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5';
const ROLLUP_KEY = ['team_id', 'role_id', 'location_id', 'skill_id', 'level', 'until_month'];
const HEADCOUNT_KEY = ['team_id', 'role_id', 'location_id'];
/** Employees per statement: far below SQLite's bound-variable limit. */
const CHUNK = 500;

/** The levels held per (employee, skill) from valid completions, for the employees matched by `where` on c. */
function skillLevelsSelect(where: string): string {
  return (
    `SELECT c.employee_id, cs.skill_id, l.lv, MAX(COALESCE(c.expires_at, '${NEVER_EXPIRES}')) ` +
    `FROM completions c JOIN credential_skills cs ON cs.credential_id = c.credential_id ` +
    `JOIN (${LEVELS_TABLE}) l ON l.lv <= cs.${quote('level')} ` +
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

/** Rollup contributions of the members matched by `where` (on h), times `sign`. */
function rollupSelect(where: string, sign: 1 | -1): string {
  return (
    `SELECT m.team_id, m.role_id, m.location_id, h.skill_id, h.${quote('level')}, SUBSTR(h.valid_until, 1, 7) AS until_month, ${sign} * COUNT(*) AS holders ` +
    `FROM employee_skill_levels h JOIN rollup_members m ON m.employee_id = h.employee_id WHERE ${where} ` +
    `GROUP BY m.team_id, m.role_id, m.location_id, h.skill_id, h.${quote('level')}, SUBSTR(h.valid_until, 1, 7)`
  );
}

function headcountSelect(where: string, sign: 1 | -1): string {
  return (
    `SELECT team_id, role_id, location_id, ${sign} * COUNT(*) AS headcount, ${sign} * SUM(recorded) AS recorded ` +
    `FROM rollup_members m WHERE ${where} GROUP BY team_id, role_id, location_id`
  );
}

async function teamIdsOf(sql: SqlRunner, employeeIds: number[]): Promise<number[]> {
  const rows = (await sql.query(
    `SELECT DISTINCT team_id AS teamId FROM rollup_members WHERE employee_id IN (${placeholders(employeeIds.length)})`,
    employeeIds,
  )) as Array<{ teamId: number | string }>;
  return rows.map((row) => Number(row.teamId));
}

/**
 * Recomputes the skill state of some employees from their completions and moves their
 * contributions in the rollups from where they were counted to where they are now (or out,
 * for leavers). Set-based: a handful of statements per 500 employees, whatever changed.
 */
export async function refreshEmployees(sql: SqlRunner, dialect: Dialect, employeeIds: readonly number[]): Promise<void> {
  const unique = [...new Set(employeeIds)].sort((a, b) => a - b);
  for (const ids of chunks(unique, CHUNK)) {
    const list = placeholders(ids.length);
    // Two writers refreshing the same people would both subtract the same old state.
    if (dialect === 'mysql') await sql.query(`SELECT id FROM employees WHERE id IN (${list}) FOR UPDATE`, ids);
    const touchedTeams = new Set(await teamIdsOf(sql, ids));

    await sql.query(
      upsertAddSql(dialect, 'skill_rollups', ROLLUP_KEY, ['holders'], rollupSelect(`h.employee_id IN (${list})`, -1)),
      ids,
    );
    await sql.query(
      upsertAddSql(
        dialect,
        'group_headcounts',
        HEADCOUNT_KEY,
        ['headcount', 'recorded'],
        headcountSelect(`m.employee_id IN (${list})`, -1),
      ),
      ids,
    );
    await sql.query(`DELETE FROM employee_skill_levels WHERE employee_id IN (${list})`, ids);
    await sql.query(`DELETE FROM rollup_members WHERE employee_id IN (${list})`, ids);

    await sql.query(
      `INSERT INTO employee_skill_levels (employee_id, skill_id, ${quote('level')}, valid_until) ${skillLevelsSelect(`c.employee_id IN (${list})`)}`,
      ids,
    );
    await sql.query(
      `INSERT INTO rollup_members (employee_id, team_id, role_id, location_id, recorded) ${membersSelect(`e.id IN (${list})`)}`,
      ids,
    );
    await sql.query(
      upsertAddSql(dialect, 'skill_rollups', ROLLUP_KEY, ['holders'], rollupSelect(`h.employee_id IN (${list})`, 1)),
      ids,
    );
    await sql.query(
      upsertAddSql(
        dialect,
        'group_headcounts',
        HEADCOUNT_KEY,
        ['headcount', 'recorded'],
        headcountSelect(`m.employee_id IN (${list})`, 1),
      ),
      ids,
    );

    for (const teamId of await teamIdsOf(sql, ids)) touchedTeams.add(teamId);
    const teams = [...touchedTeams];
    if (teams.length) {
      await sql.query(`DELETE FROM skill_rollups WHERE team_id IN (${placeholders(teams.length)}) AND holders = 0`, teams);
      await sql.query(`DELETE FROM group_headcounts WHERE team_id IN (${placeholders(teams.length)}) AND headcount = 0`, teams);
    }
  }
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

/** Rebuilds every derived table from scratch, set-based (after a seed or bulk load, and by the migration). */
export async function rebuildSkillState(sql: SqlRunner): Promise<void> {
  for (const table of ['skill_rollups', 'group_headcounts', 'rollup_members', 'employee_skill_levels'])
    await sql.query(`DELETE FROM ${quote(table)}`);
  await sql.query(
    `INSERT INTO employee_skill_levels (employee_id, skill_id, ${quote('level')}, valid_until) ${skillLevelsSelect('1 = 1')}`,
  );
  await sql.query(`INSERT INTO rollup_members (employee_id, team_id, role_id, location_id, recorded) ${membersSelect('1 = 1')}`);
  await sql.query(`INSERT INTO skill_rollups (${ROLLUP_KEY.map(quote).join(', ')}, holders) ${rollupSelect('1 = 1', 1)}`);
  await sql.query(
    `INSERT INTO group_headcounts (${HEADCOUNT_KEY.join(', ')}, headcount, recorded) ${headcountSelect('1 = 1', 1)}`,
  );
  await rebuildTeamClosure(sql);
}

function closureRows(teams: ReadonlyArray<{ id: number; path: string }>): number[][] {
  const rows: number[][] = [];
  for (const team of teams) {
    const ancestors = team.path.split('/').filter(Boolean).map(Number);
    ancestors.forEach((ancestor, index) => rows.push([ancestor, team.id, ancestors.length - 1 - index]));
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

/** After a team is created or moved: the closure rows of the team and everything below it, from their paths. */
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
