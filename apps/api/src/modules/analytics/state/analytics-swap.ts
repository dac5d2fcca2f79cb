import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { quote, type SqlRunner } from '../../../database/sql';
import { SWAPPED_TABLES, type SwappedTable } from './skill-state.sql';

/**
 * A full analytics rebuild on MySQL/MariaDB, written into empty copies of the derived tables and
 * renamed into place once its transaction has committed.
 *
 * Rewriting the tables in place means deleting millions of rows and inserting as many again in
 * one transaction, where InnoDB keeps every deleted row (and its index entries) until the commit
 * and each insert lands among them: for the 1M-row import that was half of its time. Empty
 * copies made before the transaction (DDL would commit it), without their non-unique indexes,
 * fill several times faster; those indexes are built one sorted pass each, the skill levels'
 * while the statistics are written (indexEarly), the rest after the commit.
 *
 * The indexes and the rename come after the commit, so the rebuild's transaction leaves a mark in
 * the rollup_state row it replaces: swap_id. Every writer of the statistics reads that row under
 * a lock (which the rebuild holds until its commit), so a writer that was waiting sees the mark
 * and is refused with a retry (503) rather than writing into tables about to be renamed away;
 * readers read the tables in place until the rename. rollup_state is one of the renamed tables
 * and its copy has no mark: the atomic RENAME TABLE clears it. A server stopping between the
 * commit and the rename leaves the mark and the filled copies, both committed; finishPendingSwap
 * (at every start and on the imports' sweep, once the job is no longer running) finishes them.
 */

const NEXT = '__next_';
const OLD = '__old_';
const logger = new Logger('AnalyticsSwap');

/** An import job's id (a UUID) as the 32 hex digits that name its copies. */
export function swapIdOf(jobId: string): string {
  const id = jobId.toLowerCase().replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(id)) throw new Error(`"${jobId}" is not a UUID`);
  return id;
}

export class AnalyticsSwap {
  private marked = false;
  /** Committed with its mark: from then on only a rename may end it, never a discard. */
  private committed = false;
  private done = false;
  /** The index builds indexEarly() started; complete() and discard() wait for them. */
  private early: Promise<void> = Promise.resolve();

  private constructor(readonly id: string) {}

  /** Empty copies of the derived tables, made outside any transaction (MySQL commits at DDL). */
  static async prepare(sql: SqlRunner, jobId: string): Promise<AnalyticsSwap> {
    const swap = new AnalyticsSwap(swapIdOf(jobId));
    for (const table of SWAPPED_TABLES) {
      const copy = quote(swap.tableFor(table));
      await sql.query(`DROP TABLE IF EXISTS ${copy}`);
      await sql.query(`CREATE TABLE ${copy} LIKE ${quote(table)}`);
      // Without its non-unique indexes while it fills: each is built in one sorted pass after the
      // commit (a third of the server's work for the skill levels kept row by row).
      const later = (await indexesOf(sql, table)).filter((index) => index.nonUnique);
      if (later.length)
        await sql.query(`ALTER TABLE ${copy} ${later.map((index) => `DROP INDEX ${quote(index.name)}`).join(', ')}`);
    }
    return swap;
  }

  /** Where the rebuild writes `table`. */
  tableFor(table: SwappedTable): string {
    return `${table}${NEXT}${this.id}`;
  }

  /**
   * In the rebuild's transaction: the copy of rollup_state gets its row (without mark) and the
   * live row gets the mark, under the lock every writer of the statistics waits for.
   */
  async mark(sql: SqlRunner, validOn: string): Promise<void> {
    await sql.query(`INSERT INTO ${quote(this.tableFor('rollup_state'))} (id, valid_on, swap_id) VALUES (1, ?, NULL)`, [validOn]);
    await sql.query('UPDATE rollup_state SET swap_id = ? WHERE id = 1', [this.id]);
    this.marked = true;
  }

  /**
   * Once the rebuild has filled and committed the copies of `tables` (it may commit them before
   * the rest: until the rename they are nobody's): builds their remaining indexes now, on a
   * connection of its own, while the rebuild writes the other tables, rather than all after the
   * commit. Whatever this leaves undone (it failed, the server stopped) finishSwap builds.
   */
  indexEarly(dataSource: DataSource, tables: readonly SwappedTable[]): void {
    const build = (async () => {
      const runner = dataSource.createQueryRunner();
      try {
        for (const table of tables) await addMissingIndexes(runner, table, this.tableFor(table));
      } finally {
        await runner.release();
      }
    })();
    build.catch((error: unknown) =>
      logger.warn(`Indexing the rebuilt analytics early failed (they are built at the swap): ${String(error)}`),
    );
    const before = this.early;
    this.early = Promise.all([before, build]).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Settles once the index builds indexEarly() started have ended, built or failed. */
  indexedEarly(): Promise<void> {
    return this.early;
  }

  /**
   * After the commit: gives the copies their remaining indexes and renames them into place (or
   * finds that a sweep already did), then drops the old tables. Writers are refused meanwhile.
   */
  async complete(sql: SqlRunner): Promise<void> {
    if (!this.marked || this.done) return;
    this.committed = true;
    const started = Date.now();
    await this.indexedEarly();
    await finishSwap(sql, this.id);
    logger.log(
      `The analytics rebuilt by import ${this.id} are in place (indexes and rename: ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    this.done = true;
  }

  /** After a rollback, or when the rebuild did not use them: drops the copies (never those of a committed rebuild). */
  async discard(sql: SqlRunner): Promise<void> {
    if (this.done || this.committed) return;
    await this.indexedEarly();
    for (const table of SWAPPED_TABLES) await sql.query(`DROP TABLE IF EXISTS ${quote(this.tableFor(table))}`);
    this.done = true;
  }
}

/** Names of the tables in this database that start with one of SWAPPED_TABLES and `marker`. */
async function copiesIn(sql: SqlRunner, marker: string): Promise<Array<{ table: SwappedTable; name: string; id: string }>> {
  const rows = (await sql.query(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
  )) as Array<{ name: string }>;
  const found: Array<{ table: SwappedTable; name: string; id: string }> = [];
  for (const { name } of rows)
    for (const table of SWAPPED_TABLES) {
      const prefix = `${table}${marker}`;
      if (name.startsWith(prefix) && /^[0-9a-f]{32}$/.test(name.slice(prefix.length)))
        found.push({ table, name, id: name.slice(prefix.length) });
    }
  return found;
}

interface IndexShape {
  name: string;
  nonUnique: boolean;
  /** Column names, with a prefix length where the index has one. */
  columns: string[];
}

/** A table's indexes but its primary key, as information_schema lists them. */
async function indexesOf(sql: SqlRunner, table: string): Promise<IndexShape[]> {
  const rows = (await sql.query(
    'SELECT index_name AS i, non_unique AS n, column_name AS c, sub_part AS p FROM information_schema.statistics ' +
      "WHERE table_schema = DATABASE() AND table_name = ? AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index",
    [table],
  )) as Array<{ i: string; n: number | string; c: string; p: number | string | null }>;
  const indexes = new Map<string, IndexShape>();
  for (const row of rows) {
    const index = indexes.get(row.i) ?? { name: row.i, nonUnique: Number(row.n) === 1, columns: [] };
    index.columns.push(row.p === null ? quote(row.c) : `${quote(row.c)}(${Number(row.p)})`);
    indexes.set(row.i, index);
  }
  return [...indexes.values()];
}

/** Gives `copy` the indexes `table` has and it lacks, in one ALTER (one pass over its rows). */
async function addMissingIndexes(sql: SqlRunner, table: SwappedTable, copy: string): Promise<void> {
  const present = new Set((await indexesOf(sql, copy)).map((index) => index.name));
  const missing = (await indexesOf(sql, table)).filter((index) => !present.has(index.name));
  if (missing.length)
    await sql.query(
      `ALTER TABLE ${quote(copy)} ` +
        missing
          .map((index) => `ADD ${index.nonUnique ? '' : 'UNIQUE '}INDEX ${quote(index.name)} (${index.columns.join(', ')})`)
          .join(', '),
    );
}

const markOf = async (sql: SqlRunner): Promise<string | null> =>
  ((await sql.query('SELECT swap_id AS w FROM rollup_state WHERE id = 1')) as Array<{ w: string | null }>)[0]?.w ?? null;

/**
 * Puts the committed copies of swap `id` in place, unless that has happened (the live
 * rollup_state no longer names it): the indexes the live tables have and the copies lack, then
 * one atomic RENAME; then drops the replaced tables.
 */
async function finishSwap(sql: SqlRunner, id: string): Promise<void> {
  if ((await markOf(sql)) === id) {
    try {
      for (const table of SWAPPED_TABLES) await addMissingIndexes(sql, table, `${table}${NEXT}${id}`);
      const pairs = SWAPPED_TABLES.flatMap((table) => [
        `${quote(table)} TO ${quote(`${table}${OLD}${id}`)}`,
        `${quote(`${table}${NEXT}${id}`)} TO ${quote(table)}`,
      ]);
      await sql.query(`RENAME TABLE ${pairs.join(', ')}`);
    } catch (error) {
      // Another server's sweep may have finished it first: then the mark is gone.
      if ((await markOf(sql)) === id) throw error;
    }
  }
  for (const table of SWAPPED_TABLES) await sql.query(`DROP TABLE IF EXISTS ${quote(`${table}${OLD}${id}`)}`);
}

/**
 * MySQL/MariaDB, at start and on the imports' sweep: puts in place a committed rebuild whose
 * server stopped before it could, drops the tables it replaced, and drops the copies of rebuilds
 * that never committed; both but for `live` (unfinished) import jobs, whose server may be at it.
 */
export async function finishPendingSwap(sql: SqlRunner, live: ReadonlySet<string>): Promise<void> {
  const pending = await markOf(sql);
  // An unfinished job's own server is putting its swap in place (or it will be found stale).
  if (pending && !live.has(pending)) {
    logger.warn(`Putting in place the analytics rebuilt by import ${pending}, left pending by a server stop`);
    await finishSwap(sql, pending);
  }
  for (const { name } of await copiesIn(sql, OLD)) await sql.query(`DROP TABLE IF EXISTS ${quote(name)}`);
  for (const { name, id } of await copiesIn(sql, NEXT))
    if (!live.has(id) && id !== pending) await sql.query(`DROP TABLE IF EXISTS ${quote(name)}`);
}
