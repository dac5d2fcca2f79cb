import type { QueryRunner } from 'typeorm';

export { dialectOf, quote, type Dialect, type SqlValue } from '../../database/sql';
import { quote, type Dialect, type SqlValue } from '../../database/sql';

/**
 * Formats an instant for a DATETIME column in UTC, as TypeORM itself writes it: SQLite
 * keeps "YYYY-MM-DD HH:MM:SS.SSS" text; MySQL receives "YYYY-MM-DD HH:MM:SS" (the
 * connection's time zone is 'Z').
 */
export function formatTimestamp(epochMs: number, dialect: Dialect): string {
  const iso = new Date(epochMs).toISOString();
  return dialect === 'sqlite' ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** The same format as formatTimestamp, from a calendar date and seconds after midnight UTC (fast path). */
export function formatDayTimestamp(isoDay: string, secondsOfDay: number, dialect: Dialect): string {
  const hours = Math.floor(secondsOfDay / 3600) % 24;
  const minutes = Math.floor(secondsOfDay / 60) % 60;
  const seconds = Math.floor(secondsOfDay) % 60;
  const time = `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}`;
  return dialect === 'sqlite' ? `${isoDay} ${time}.000` : `${isoDay} ${time}`;
}

/** Below SQLite's 32,766 bound variables and far below MySQL's max_allowed_packet. */
const MAX_ROWS_PER_STATEMENT = 500;
const MAX_VARIABLES_PER_STATEMENT = 30_000;

/**
 * Writes rows with multi-row INSERT statements through one QueryRunner (one connection, so
 * the caller's transaction covers them). Statements of the same shape repeat exactly, so
 * better-sqlite3's statement cache in TypeORM reuses them.
 */
export class BulkWriter {
  private readonly statements = new Map<string, string>();
  rowsWritten = 0;

  constructor(
    readonly runner: QueryRunner,
    readonly dialect: Dialect,
  ) {}

  async insert(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
    if (rows.length === 0) return;
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_VARIABLES_PER_STATEMENT / columns.length)));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const parameters: SqlValue[] = [];
      for (const row of chunk) {
        if (row.length !== columns.length)
          throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
        for (const value of row) parameters.push(value);
      }
      await this.runner.query(this.statement(table, columns, chunk.length), parameters);
    }
    this.rowsWritten += rows.length;
  }

  private statement(table: string, columns: readonly string[], rowCount: number): string {
    const key = `${table}|${columns.join(',')}|${rowCount}`;
    let sql = this.statements.get(key);
    if (!sql) {
      const tuple = `(${columns.map(() => '?').join(',')})`;
      sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(',')}) VALUES ${Array.from({ length: rowCount }, () => tuple).join(',')}`;
      this.statements.set(key, sql);
    }
    return sql;
  }

  /** Runs `work` in a transaction on the writer's connection. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.runner.startTransaction();
    try {
      const result = await work();
      await this.runner.commitTransaction();
      return result;
    } catch (error) {
      await this.runner.rollbackTransaction();
      throw error;
    }
  }
}
