import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/env.validation';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One description of the database for the app, the CLI scripts and the tests. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'] as 'error'[],
  };
  if (database.type === 'mysql') {
    return {
      ...common,
      type: database.flavour ?? ('mysql' as const),
      url: database.url,
      // Instants are stored in UTC; calendar dates come back as plain strings, never shifted.
      timezone: 'Z',
      dateStrings: ['DATE'],
      charset: 'utf8mb4_unicode_ci',
      extra: { connectionLimit: 10 },
      supportBigNumbers: true,
      bigNumberStrings: true,
    };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    enableWAL: database.file !== ':memory:',
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      // A checkpoint copies the write-ahead log into the database and waits for the disk, inside
      // whichever write crosses the threshold. At SQLite's default (1,000 pages) that was one
      // completion recorded in 25, each 12-15 ms slower: the p95. Every 10,000 pages (40 MB of
      // log) it is one in 250, and pages written again meanwhile are copied once.
      db.pragma('wal_autocheckpoint = 10000');
    },
  };
}

/**
 * MariaDB and MySQL speak the same protocol but report column defaults differently; TypeORM
 * compares schemas correctly only when told which one it talks to, so ask the server.
 */
export async function resolveDatabase(database: DatabaseConfig): Promise<DatabaseConfig> {
  if (database.type !== 'mysql' || database.flavour) return database;
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection(database.url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as Array<{ version: string }>)[0]?.version ?? '');
    return { ...database, flavour: /mariadb/i.test(version) ? 'mariadb' : 'mysql' };
  } finally {
    await connection.end();
  }
}

export async function createDataSource(database: DatabaseConfig): Promise<DataSource> {
  return new DataSource(dataSourceOptions(await resolveDatabase(database)));
}
