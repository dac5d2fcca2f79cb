import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { TableIndex, type DataSource, type QueryRunner } from 'typeorm';
import { dialectOf, quote, type Dialect, type SqlValue } from './sql';

/** Below SQLite's 32,766 bound variables and far below MySQL's max_allowed_packet. */
const MAX_ROWS_PER_STATEMENT = 500;
const MAX_VARIABLES_PER_STATEMENT = 30_000;
/** Rows per LOAD DATA on MySQL (a few MB of text). */
const ROWS_PER_LOAD = 20_000;
/** Writes insertBehind() queues before it waits for the oldest. */
const MAX_IN_FLIGHT = 3;
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

/**
 * For a long computation that feeds insertBehind(): the returned function lets the event loop run
 * once `everyMs` have passed since it last did (else it returns at once), so that the writes in
 * flight go on meanwhile.
 */
export function breather(everyMs = 2): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/** A value as LOAD DATA's default text format reads it (tab-separated, backslash escapes, \N for NULL). */
function loadDataField(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const LOAD_DATA_SPECIAL = /[\\\t\n\r]/;
const TAB = 9;
const NEWLINE = 10;
/** Bytes a LOAD DATA text starts with; it grows as its rows need. */
const FIRST_TEXT_BYTES = 1 << 20;

/**
 * Rows as LOAD DATA's default text format reads them, one per line, written as bytes into
 * `buffer` (or a bigger one when they do not fit): answers the buffer and the length used. Bytes
 * rather than one string a chunk, because such strings are too large for V8's young generation:
 * each would stay on the heap until a full collection, and an import writes millions of rows.
 */
function loadDataBytes(
  rows: readonly SqlValue[][],
  start: number,
  end: number,
  buffer: Buffer,
): { buffer: Buffer; length: number } {
  let at = 0;
  const room = (bytes: number) => {
    if (at + bytes <= buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, at + bytes));
    buffer.copy(bigger, 0, 0, at);
    buffer = bigger;
  };
  for (let r = start; r < end; r++) {
    const row = rows[r] as SqlValue[];
    for (let i = 0; i < row.length; i++) {
      const value = row[i] as SqlValue;
      const text =
        typeof value === 'number'
          ? String(value)
          : value !== null && !LOAD_DATA_SPECIAL.test(value)
            ? value
            : loadDataField(value);
      // UTF-8 takes at most 3 bytes per UTF-16 unit; 2 more for the separators.
      room(text.length * 3 + 2);
      if (i > 0) buffer[at++] = TAB;
      at += buffer.write(text, at, 'utf8');
    }
    room(1);
    buffer[at++] = NEWLINE;
  }
  return { buffer, length: at };
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
  /** The last write insertBehind() queued (the next one starts when it has finished). */
  private queue: Promise<void> = Promise.resolve();
  /** Buffers of LOAD DATA texts the server has read, for the next rows. */
  private readonly spareBuffers: Buffer[] = [];
  /** The writes insertBehind() queued that no call has waited for yet, oldest first. */
  private inFlight: Array<Promise<void>> = [];
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
   * caller computes the next ones. Writes run one after another, in the order of the calls; the
   * call waits only while MAX_IN_FLIGHT writes are queued (what bounds the memory they hold), and
   * drain() waits for all. After a failed write the queued ones do not run, and the next call or
   * drain() throws its error. The rows must not change afterwards.
   *
   * A caller that computes for long stretches must let the event loop run now and then
   * (breather()): a LOAD DATA sends its rows only when the server asks for them, which Node reads
   * between two turns of the loop.
   */
  async insertBehind(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
    // The text of LOAD DATA is made while the server still writes the previous rows.
    const send = this.prepare(table, columns, rows);
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
    const write = this.queue.then(send);
    // Awaited by a later call or by drain(); this only keeps a failure from counting as unhandled meanwhile.
    write.catch(() => undefined);
    this.queue = write;
    this.inFlight.push(write);
    // A turn of the event loop, so that the connection starts sending before the caller computes on.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Waits for the writes insertBehind() left in flight, and throws the error of the first that failed. */
  async drain(): Promise<void> {
    const writes = this.inFlight.splice(0);
    this.queue = Promise.resolve();
    for (const write of writes) await write;
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
      const texts: Array<{ buffer: Buffer; length: number; count: number }> = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_LOAD) {
        const end = Math.min(rows.length, start + ROWS_PER_LOAD);
        const spare = this.spareBuffers.pop() ?? Buffer.allocUnsafe(FIRST_TEXT_BYTES);
        texts.push({ ...loadDataBytes(rows, start, end, spare), count: end - start });
      }
      return async () => {
        for (const { buffer, length, count } of texts) {
          await this.load(table, columns, buffer.subarray(0, length), count);
          // The server has read it all: the next rows may be written over it.
          if (this.spareBuffers.length < MAX_IN_FLIGHT + 1) this.spareBuffers.push(buffer);
        }
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
  private async load(table: string, columns: readonly string[], text: Buffer, count: number): Promise<void> {
    const sql = `LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE ${quote(table)} CHARACTER SET utf8mb4 (${columns.map(quote).join(',')})`;
    const connection = this.loadData as MysqlConnection;
    const result = await new Promise<{ affectedRows: number; warningStatus: number }>((resolve, reject) =>
      connection.query({ sql, infileStreamFactory: () => Readable.from([text]) }, (error, answer) =>
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
