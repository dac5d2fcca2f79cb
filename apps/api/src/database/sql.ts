import type { DataSource } from 'typeorm';

export type SqlValue = string | number | null;
export type Dialect = 'sqlite' | 'mysql';

/** Anything that runs raw SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The SQL flavour of a DataSource: better-sqlite3, or MySQL/MariaDB through mysql2. */
export function dialectOf(dataSource: Pick<DataSource, 'options'>): Dialect {
  const type = dataSource.options.type;
  if (type === 'better-sqlite3') return 'sqlite';
  if (type === 'mysql' || type === 'mariadb') return 'mysql';
  throw new Error(`Skillgrid supports SQLite and MySQL/MariaDB, not ${type}`);
}

/** Backticks quote identifiers on MySQL and are accepted by SQLite too. */
export function quote(identifier: string): string {
  return `\`${identifier}\``;
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * `INSERT … SELECT` that adds to the value columns of rows whose key exists already.
 * SQLite needs the SELECT wrapped (its parser cannot otherwise tell ON CONFLICT from a join's ON).
 */
export function upsertAddSql(
  dialect: Dialect,
  table: string,
  keyColumns: readonly string[],
  valueColumns: readonly string[],
  select: string,
): string {
  const columns = [...keyColumns, ...valueColumns].map(quote).join(', ');
  if (dialect === 'sqlite') {
    const updates = valueColumns.map((c) => `${quote(c)} = ${quote(table)}.${quote(c)} + excluded.${quote(c)}`).join(', ');
    return `INSERT INTO ${quote(table)} (${columns}) SELECT * FROM (${select}) AS s WHERE 1 = 1 ON CONFLICT (${keyColumns.map(quote).join(', ')}) DO UPDATE SET ${updates}`;
  }
  const updates = valueColumns
    .map((c) => `${quote(table)}.${quote(c)} = ${quote(table)}.${quote(c)} + VALUES(${quote(c)})`)
    .join(', ');
  return `INSERT INTO ${quote(table)} (${columns}) SELECT * FROM (${select}) AS s ON DUPLICATE KEY UPDATE ${updates}`;
}

/** The dialect of a DataSource, an EntityManager, a QueryRunner or a TransactionPipeline (pipeline.ts). */
export function dialectOfRunner(sql: SqlRunner): Dialect {
  const holder = sql as { dialect?: Dialect; options?: { type?: string }; connection?: { options?: { type?: string } } };
  if (holder.dialect) return holder.dialect;
  const type = holder.options?.type ?? holder.connection?.options?.type;
  return type === 'mysql' || type === 'mariadb' ? 'mysql' : 'sqlite';
}

/**
 * An inner join that keeps the order written, for queries whose good plan the optimisers do not
 * always find: SQLite's CROSS JOIN, MySQL's STRAIGHT_JOIN (both take an ON condition).
 */
export function orderedJoin(sql: SqlRunner): string {
  return dialectOfRunner(sql) === 'mysql' ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
}

/**
 * An instant as a DATETIME value for raw SQL, in UTC, as TypeORM itself writes it: SQLite keeps
 * "YYYY-MM-DD HH:MM:SS.SSS" text; MySQL receives "YYYY-MM-DD HH:MM:SS" (the connection's time
 * zone is 'Z').
 */
export function timestampValue(date: Date, dialect: Dialect): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, dialect === 'sqlite' ? 23 : 19)}`;
}

/** The id of the row an INSERT in raw SQL added: mysql2 answers a result header, TypeORM's SQLite driver the row id. */
export function insertedId(result: unknown): number {
  return Number(typeof result === 'object' && result !== null && 'insertId' in result ? result.insertId : result);
}
