import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../../src/config/env.validation';
import { createDataSource } from '../../src/database/data-source';
import type { DataSource } from 'typeorm';

/** Which database the HTTP tests run on: SQLite unless TEST_DATABASE=mysql. */
export function testDialect(): 'sqlite' | 'mysql' {
  return process.env['TEST_DATABASE'] === 'mysql' ? 'mysql' : 'sqlite';
}

export interface TestDatabase {
  config: DatabaseConfig;
  /** Drops the database (MySQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
}

/**
 * A fresh, empty database per test file: a temporary SQLite file, or a uniquely named
 * database on the MySQL/MariaDB server of TEST_MYSQL_URL. Migrations are not run here.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'mysql') {
    const serverUrl = process.env['TEST_MYSQL_URL'];
    if (!serverUrl) throw new Error('TEST_DATABASE=mysql needs TEST_MYSQL_URL (mysql://user:pass@host:port/any)');
    const name = `skillgrid_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(serverUrl);
    url.pathname = '/';
    const admin = await createConnection(url.toString());
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    url.pathname = `/${name}`;
    return {
      config: { type: 'mysql', url: url.toString() },
      async destroy() {
        url.pathname = '/';
        const conn = await createConnection(url.toString());
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'skillgrid-test-'));
  return {
    config: { type: 'sqlite', file: join(dir, 'test.sqlite') },
    async destroy() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A migrated DataSource on a fresh test database. */
export async function createMigratedDataSource(): Promise<{ dataSource: DataSource; destroy(): Promise<void> }> {
  const database = await createTestDatabase();
  const dataSource = await createDataSource(database.config);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async destroy() {
      await dataSource.destroy();
      await database.destroy();
    },
  };
}
