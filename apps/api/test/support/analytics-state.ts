import type { DataSource } from 'typeorm';

/** Each derived table's columns, and when one of its rows has come down to zero (a rebuild writes none such). */
const TABLES: Record<string, { columns: string; zero?: (row: Record<string, unknown>) => boolean }> = {
  employee_skill_levels: { columns: 'employee_id, skill_id, `level`, valid_until' },
  skill_stats: {
    columns: 'scope_id, dim, dim_id, skill_id, `level`, holders, met, towards',
    zero: (row) => Number(row['holders']) === 0 && Number(row['met']) === 0 && Number(row['towards']) === 0,
  },
  headcount_stats: {
    columns: 'scope_id, dim, dim_id, role_id, headcount, recorded',
    zero: (row) => Number(row['headcount']) === 0,
  },
  expiry_stats: { columns: 'scope_id, expires_on, completions', zero: (row) => Number(row['completions']) === 0 },
  qualified_stats: {
    columns: 'scope_id, role_id, skill_id, until_month, holders',
    zero: (row) => Number(row['holders']) === 0,
  },
  renewal_stats: {
    columns: 'skill_id, expires_on, expired, renewed',
    zero: (row) => Number(row['expired']) === 0 && Number(row['renewed']) === 0,
  },
  assignment_progress: { columns: 'assignment_id, credential_id, employee_id, due_date, done, all_done' },
  team_closure: { columns: 'ancestor_id, descendant_id, depth' },
};

/**
 * Every derived table's rows as sorted strings, without the rows that withdrawals left at zero:
 * to compare what the write paths kept with what a rebuild from scratch writes.
 */
export async function analyticsState(dataSource: DataSource): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {};
  for (const [table, { columns, zero }] of Object.entries(TABLES)) {
    const rows = (await dataSource.query(`SELECT ${columns} FROM ${table}`)) as Array<Record<string, unknown>>;
    state[table] = rows
      .filter((row) => !(zero?.(row) ?? false))
      .map((row) =>
        Object.values(row)
          .map((v) => String(v).slice(0, 10))
          .join('|'),
      )
      .sort();
  }
  return state;
}
