import type { DataSource } from 'typeorm';

/**
 * Every derived table's rows as sorted strings (statistics rows that came down to zero left out),
 * to compare what the write paths left with what a rebuild from scratch writes.
 */
export async function analyticsState(dataSource: DataSource): Promise<Record<string, string[]>> {
  const tables = {
    employee_skill_levels: 'employee_id, skill_id, `level`, valid_until',
    skill_stats: 'scope_id, dim, dim_id, skill_id, `level`, holders, met, towards',
    headcount_stats: 'scope_id, dim, dim_id, role_id, headcount, recorded',
    expiry_stats: 'scope_id, expires_on, completions',
    qualified_stats: 'scope_id, role_id, skill_id, until_month, holders',
    renewal_stats: 'skill_id, expires_on, expired, renewed',
    assignment_progress: 'assignment_id, credential_id, employee_id, due_date, done, all_done',
  };
  const state: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(tables)) {
    const rows = (await dataSource.query(`SELECT ${columns} FROM ${table}`)) as Array<Record<string, unknown>>;
    state[table] = rows
      .filter(
        (row) =>
          !['holders', 'headcount', 'completions'].some(
            (c) => c in row && Number(row[c]) === 0 && Number(row['met'] ?? 0) === 0 && Number(row['towards'] ?? 0) === 0,
          ),
      )
      .map((row) =>
        Object.values(row)
          .map((v) => String(v).slice(0, 10))
          .join('|'),
      )
      .sort();
  }
  return state;
}
