import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { TableIndex, type DataSource, type QueryRunner } from 'typeorm';
import { dialectOf, quote, type Dialect, type SqlValue } from './sql';

/** Below SQLite's 32,766 bound variables and far below MySQL's max_allowed_packet. */
const MAX_ROWS_PER_STATEMENT = 500;
const MAX_VARIABLES_PER_STATEMENT = 30_000;
/** Rows per LOAD DATA on MySQL (a few MB of text). */
const ROWS_PER_LOAD = 20_000;
/** MySQL's "Cannot drop index …: needed in a foreign key constraint". */
const ER_DROP_INDEX_FK = 1553;
/** Negative: KiB (here 64 MiB), the SQLite page cache while writing. */
const SQLITE_BULK_CACHE_KIB = -65_536;

/** The subset of a mysql2 connection that LOAD DATA LOCAL needs. */
interface MysqlConnection {
  query(
    options: { sql: string; infileStreamFactory: () => Readable },
    callback: (error: Error | null, result: { affectedRows: number; warningStatus: number }) => void,
  ): void;
}

/** A value as LOAD DATA's default text format reads it (tab-separated, backslash escapes, \N for NULL). */
function loadDataField(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const LOAD_DATA_SPECIAL = /[\\\t\n\r]/;

/** Rows as LOAD DATA's default text format reads them, one per line (a loop: several times faster than map and join). */
function loadDataText(rows: readonly SqlValue[][]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) text += '\t';
      const value = row[i] as SqlValue;
      text +=
        typeof value === 'number'
          ? String(value)
          : value !== null && !LOAD_DATA_SPECIAL.test(value)
            ? value
            : loadDataField(value);
    }
    text += '\n';
  }
  return text;
}

/**
 * Writes rows through one QueryRunner (one connection, so the caller's transaction covers them):
 * on MySQL with LOAD DATA LOCAL when the server allows it (it parses text rows far faster than
 * INSERT statements), else with multi-row INSERT statements. Statements of the same shape repeat
 * exactly, so better-sqlite3's statement cache in TypeORM reuses them.
 */
export class BulkWriter {
  /** Whether the server's refusal of LOAD DATA LOCAL has been logged (once per process). */
  private static warnedNoLoadData = false;
  private readonly statements = new Map<string, string>();
  private loadData: MysqlConnection | null = null;
  private previousCacheSize: number | null = null;
  /** The write insertBehind() left in flight. */
  private behind: Promise<void> = Promise.resolve();
  rowsWritten = 0;

  private constructor(
    readonly runner: QueryRunner,
    readonly dialect: Dialect,
  ) {}

  /**
   * A connection of its own, set up for bulk writing: on SQLite a bigger page cache (index pages
   * stay in memory); on MySQL no foreign-key or uniqueness checks, as a dump loads (the rows must
   * be consistent by construction), and LOAD DATA LOCAL when the server allows it.
   */
  static async open(dataSource: DataSource): Promise<BulkWriter> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const writer = new BulkWriter(runner, dialectOf(dataSource));
    if (writer.dialect === 'sqlite') {
      await writer.enlargeCache();
      return writer;
    }
    await runner.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    await writer.useLoadDataIfAllowed();
    return writer;
  }

  /**
   * A writer on a connection the caller holds, inside the caller's transaction and with its
   * settings as they are: only insert() is for it (the caller commits and releases).
   */
  static async within(runner: QueryRunner): Promise<BulkWriter> {
    const writer = new BulkWriter(runner, dialectOf(runner.connection));
    if (writer.dialect === 'mysql') await writer.useLoadDataIfAllowed();
    return writer;
  }

  /**
   * On SQLite, a page cache of 64 MiB until restoreCache(): index pages stay in memory, and an index
   * build sorts in memory rather than through temporary files. Nothing on MySQL.
   */
  private async enlargeCache(): Promise<void> {
    if (this.dialect !== 'sqlite' || this.previousCacheSize !== null) return;
    const [pragma] = (await this.runner.query('PRAGMA cache_size')) as Array<{ cache_size: number }>;
    this.previousCacheSize = pragma?.cache_size ?? null;
    await this.runner.query(`PRAGMA cache_size = ${SQLITE_BULK_CACHE_KIB}`);
  }

  /** The page cache as it was before enlargeCache(). */
  private async restoreCache(): Promise<void> {
    if (this.previousCacheSize === null) return;
    await this.runner.query(`PRAGMA cache_size = ${Number(this.previousCacheSize)}`);
    this.previousCacheSize = null;
  }

  /** On MySQL: LOAD DATA LOCAL on the runner's connection when the server allows it. */
  private async useLoadDataIfAllowed(): Promise<void> {
    const [row] = (await this.runner.query('SELECT @@local_infile AS on_')) as Array<{ on_: number | string }>;
    if (Number(row?.on_) === 1) this.loadData = (await this.runner.connect()) as MysqlConnection;
    else if (!BulkWriter.warnedNoLoadData) {
      BulkWriter.warnedNoLoadData = true;
      new Logger('BulkWriter').warn(
        'The database server has local_infile off: bulk writes fall back to INSERT statements, several times slower ' +
          '(start MySQL/MariaDB with --local-infile=1; see the README, Performance)',
      );
    }
  }

  /** Puts the connection's settings back and returns it to the pool. */
  async close(): Promise<void> {
    try {
      await this.restoreCache();
      if (this.dialect === 'mysql') await this.runner.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
    } finally {
      await this.runner.release();
    }
  }

  /**
   * insert() without waiting for it to finish: the rows travel to the server and go in while the
   * caller computes the next ones. One such write is in flight at a time (the next call waits
   * for it); drain() waits for the last. A failed write fails the next call or drain(). The rows
   * must not change afterwards.
   */
  async insertBehind(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
    // The text of LOAD DATA is made while the server still writes the previous rows.
    const send = this.prepare(table, columns, rows);
    await this.behind;
    const write = send();
    // Awaited by the next call or by drain(); this only keeps a failure from counting as unhandled meanwhile.
    write.catch(() => undefined);
    this.behind = write;
    // A turn of the event loop, so that the connection starts sending before the caller computes on.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Waits for the write insertBehind() left in flight, and throws its error if it failed. */
  async drain(): Promise<void> {
    const last = this.behind;
    this.behind = Promise.resolve();
    await last;
  }

  async insert(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
    await this.prepare(table, columns, rows)();
  }

  /** Checks the rows and, for LOAD DATA, makes its text; answers what sends them. */
  private prepare(table: string, columns: readonly string[], rows: readonly SqlValue[][]): () => Promise<void> {
    for (const row of rows)
      if (row.length !== columns.length)
        throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
    if (rows.length === 0) return () => Promise.resolve();
    if (this.loadData) {
      const texts: Array<{ text: string; count: number }> = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_LOAD) {
        const chunk = rows.slice(start, start + ROWS_PER_LOAD);
        texts.push({ text: loadDataText(chunk), count: chunk.length });
      }
      return async () => {
        for (const { text, count } of texts) await this.load(table, columns, text, count);
        this.rowsWritten += rows.length;
      };
    }
    return async () => {
      const perStatement = Math.max(
        1,
        Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_VARIABLES_PER_STATEMENT / columns.length)),
      );
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const parameters: SqlValue[] = [];
        for (const row of chunk) for (const value of row) parameters.push(value);
        await this.runner.query(this.statement(table, columns, chunk.length), parameters);
      }
      this.rowsWritten += rows.length;
    };
  }

  /** One LOAD DATA LOCAL of `count` rows as `text`. LOCAL turns bad values into warnings, so any warning fails it. */
  private async load(table: string, columns: readonly string[], text: string, count: number): Promise<void> {
    const sql = `LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE ${quote(table)} CHARACTER SET utf8mb4 (${columns.map(quote).join(',')})`;
    const connection = this.loadData as MysqlConnection;
    const result = await new Promise<{ affectedRows: number; warningStatus: number }>((resolve, reject) =>
      connection.query({ sql, infileStreamFactory: () => Readable.from([Buffer.from(text)]) }, (error, answer) =>
        error ? reject(error) : resolve(answer),
      ),
    );
    if (result.warningStatus > 0 || result.affectedRows !== count) {
      const warnings = (await this.runner.query('SHOW WARNINGS LIMIT 3')) as Array<{ Message: string }>;
      throw new Error(
        `${table}: LOAD DATA wrote ${result.affectedRows} of ${count} rows (${warnings.map((w) => w.Message).join('; ') || 'no warning text'})`,
      );
    }
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

  private pending: Promise<unknown> = Promise.resolve();

  /**
   * Starts `work` in a transaction once the one started before has committed, and returns without
   * waiting for it, so that the caller can prepare the next rows while the database writes these.
   */
  async inBackground(work: () => Promise<void>): Promise<void> {
    await this.pending;
    const started = this.transaction(work);
    // Awaited by the next call or by settle(); until then it must not count as unhandled.
    started.catch(() => undefined);
    this.pending = started;
  }

  /** Waits for the transaction started in the background (and fails as it failed). */
  settle(): Promise<unknown> {
    return this.pending;
  }

  /**
   * Drops the secondary indexes of `tables` and returns what builds them again: one sorted build
   * is several times cheaper than keeping them up to date row by row while loading. MariaDB lets
   * an index that a foreign key uses go while the checks are off; a server that refuses keeps it.
   */
  async dropSecondaryIndexes(
    tables: readonly string[],
    /** Keep the unique indexes (what a later statement of the same transaction matches rows on). */
    options: { keepUnique?: boolean } = {},
  ): Promise<() => Promise<void>> {
    const dropped: Array<{ table: string; index: TableIndex }> = [];
    for (const table of tables) {
      for (const index of this.runner.connection.getMetadata(table).indices) {
        if (options.keepUnique && index.isUnique) continue;
        const definition = new TableIndex({
          name: index.name,
          columnNames: index.columns.map((column) => column.databaseName),
          isUnique: index.isUnique,
        });
        try {
          await this.runner.dropIndex(table, definition);
          dropped.push({ table, index: definition });
        } catch (error) {
          if ((error as { driverError?: { errno?: number } }).driverError?.errno !== ER_DROP_INDEX_FK) throw error;
        }
      }
    }
    return async () => {
      const byTable = new Map<string, TableIndex[]>();
      for (const { table, index } of dropped.splice(0)) byTable.set(table, [...(byTable.get(table) ?? []), index]);
      for (const [table, indexes] of byTable) {
        if (this.dialect === 'sqlite') {
          for (const index of indexes) await this.runner.createIndex(table, index);
          continue;
        }
        // One ALTER builds a table's indexes in one pass over its rows.
        const add = (index: TableIndex) =>
          `ADD ${index.isUnique ? 'UNIQUE ' : ''}INDEX ${quote(index.name as string)} (${index.columnNames.map(quote).join(', ')})`;
        await this.runner.query(`ALTER TABLE ${quote(table)} ${indexes.map(add).join(', ')}`);
      }
    };
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
