import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, QueryFailedError, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { Pool, PoolConnection, PoolOptions } from 'mysql2/promise';
import { dialectOf, type Dialect, type SqlRunner } from './sql';

/**
 * A transaction whose statements run one after another in the order they are issued, whether or
 * not the caller waits for each answer. On MySQL the statements issued before the event loop next
 * turns travel to the server as one multi-statement packet: a write of a dozen statements costs
 * a few round trips instead of a dozen, and each round trip costs the server, the API and the
 * socket about as much as a small statement does. On SQLite (in process) they simply run in turn.
 *
 * Once a statement fails, nothing issued after it runs: every later statement answers with the
 * same error, and the transaction rolls back. So a caller may issue COMMIT right behind its
 * writes without waiting for them (commit()): the COMMIT runs only if all of them succeeded. A
 * statement issued after commit() is refused (it would run outside the transaction).
 */
export interface TransactionPipeline extends SqlRunner {
  readonly dialect: Dialect;
  /** Queues COMMIT behind every statement issued so far; resolves once they and it have succeeded. */
  commit(): Promise<void>;
}

interface Statement {
  sql: string;
  parameters: unknown[];
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** Marks a statement's answer as handled: a caller may leave it unread (a failure fails every later statement, which someone reads). */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

const afterCommit = (sql: string) => new Error(`A statement was issued after COMMIT: ${sql.slice(0, 80)}`);

/** MySQL: statements batched per turn of the event loop, on a connection that accepts several statements a query. */
class MysqlPipeline implements TransactionPipeline {
  readonly dialect = 'mysql' as const;
  private queued: Statement[] = [];
  /** Settles once the last batch sent has been answered; a batch is sent only after the one before succeeded. */
  private sent: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private committed: Promise<void> | null = null;

  constructor(private readonly connection: PoolConnection) {}

  query(sql: string, parameters: unknown[] = []): Promise<unknown> {
    if (this.committed) return quiet(Promise.reject(afterCommit(sql)));
    return quiet(
      new Promise((resolve, reject) => {
        if (this.queued.push({ sql, parameters, resolve, reject }) === 1) setImmediate(() => this.flush());
      }),
    );
  }

  commit(): Promise<void> {
    if (!this.committed) {
      const commit = this.query('COMMIT');
      this.committed = commit.then(() => undefined);
    }
    return this.committed;
  }

  /** Stops anything still queued from running, waits for what is in flight, and rolls back. */
  async rollback(reason: unknown): Promise<void> {
    this.failure ??= reason;
    await new Promise((resolve) => setImmediate(resolve)); // the queued batch's flush, which now only fails it
    await this.sent;
    await this.connection.query('ROLLBACK');
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = [];
    this.sent = this.sent.then(async () => {
      if (this.failure) {
        for (const statement of batch) statement.reject(this.failure);
        return;
      }
      const sql = batch.map((statement) => statement.sql).join(';\n');
      const parameters = batch.flatMap((statement) => statement.parameters);
      try {
        const [results] = await this.connection.query(sql, parameters);
        // One statement answers its result; several, an array of one result each.
        batch.forEach((statement, i) => statement.resolve(batch.length === 1 ? results : (results as unknown[])[i]));
      } catch (error) {
        // Wrapped as TypeORM wraps driver errors, so the error filter maps duplicates and lock conflicts alike.
        this.failure = new QueryFailedError(sql, parameters, error as Error);
        for (const statement of batch) statement.reject(this.failure);
      }
    });
  }
}

/** SQLite: each statement once the one before it has answered, on the transaction's EntityManager. */
class SequentialPipeline implements TransactionPipeline {
  readonly dialect = 'sqlite' as const;
  private last: Promise<unknown> = Promise.resolve();
  private failure: unknown = null;
  private committed = false;

  constructor(private readonly manager: EntityManager) {}

  query(sql: string, parameters: unknown[] = []): Promise<unknown> {
    if (this.committed) return quiet(Promise.reject(afterCommit(sql)));
    const result = this.last.then(() => {
      if (this.failure) throw this.failure;
      return this.manager.query(sql, parameters);
    });
    this.last = result.catch((error: unknown) => {
      this.failure ??= error;
    });
    return quiet(result);
  }

  /** TypeORM commits when the transaction's callback returns: here, once everything issued has run. */
  async commit(): Promise<void> {
    this.committed = true;
    await this.last;
    if (this.failure) throw this.failure;
  }

  /** Stops anything still queued from running and waits for the statement running, before TypeORM rolls back. */
  async abandon(reason: unknown): Promise<void> {
    this.failure ??= reason;
    await this.last;
  }
}

/** The mysql2 settings TypeORM's driver gives a DataSource's pool, for a pool of our own beside it. */
function mysqlPoolOptions(options: Extract<DataSourceOptions, { type: 'mysql' | 'mariadb' }>): PoolOptions {
  if (!options.url) throw new Error('A MySQL DataSource is configured by its url');
  return {
    uri: options.url,
    timezone: options.timezone,
    dateStrings: options.dateStrings as PoolOptions['dateStrings'],
    charset: options.charset,
    supportBigNumbers: options.supportBigNumbers,
    bigNumberStrings: options.bigNumberStrings,
    ...(options.extra as PoolOptions | undefined),
    multipleStatements: true,
  };
}

/**
 * Runs transactions as pipelines (TransactionPipeline). On MySQL they use a pool of their own,
 * opened with multiple statements allowed: only pipelines send batches, and every value in them
 * travels as an escaped parameter, so the DataSource's own pool (which serves every other query)
 * keeps one statement per query.
 */
@Injectable()
export class PipelinedTransactions implements OnApplicationShutdown {
  private pool: Pool | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: TransactionPipeline) => Promise<T>): Promise<T> {
    if (dialectOf(this.dataSource) === 'sqlite') {
      return this.dataSource.transaction(async (manager) => {
        const tx = new SequentialPipeline(manager);
        try {
          const result = await work(tx);
          await tx.commit();
          return result;
        } catch (error) {
          await tx.abandon(error);
          throw error;
        }
      });
    }
    const connection = await (await this.mysqlPool()).getConnection();
    const tx = new MysqlPipeline(connection);
    void tx.query('START TRANSACTION');
    try {
      const result = await work(tx);
      await tx.commit(); // unless work has
      connection.release();
      return result;
    } catch (error) {
      try {
        await tx.rollback(error);
        connection.release();
      } catch {
        connection.destroy(); // in an unknown state: not for the next transaction
      }
      throw error;
    }
  }

  private async mysqlPool(): Promise<Pool> {
    if (!this.pool) {
      const { createPool } = await import('mysql2/promise');
      this.pool ??= createPool(
        mysqlPoolOptions(this.dataSource.options as Extract<DataSourceOptions, { type: 'mysql' | 'mariadb' }>),
      );
    }
    return this.pool;
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }
}
