import { Connection } from 'mysql2/promise';
import { QueryFailedError } from 'typeorm';
import { PipelinedTransactions } from '../src/database/pipeline';
import { insertedId } from '../src/database/sql';
import { createTestApp, type TestApp } from './support/test-app';
import { testDialect } from './support/test-database';

/**
 * Transactions as pipelines on a real database: statements run in the order issued, a failure
 * stops everything after it and rolls back everything before it, and on MySQL/MariaDB the
 * statements issued in one turn of the event loop travel as one query.
 */
describe(`${PipelinedTransactions.name} (${testDialect()})`, () => {
  let sut: TestApp;
  let pipelines: PipelinedTransactions;
  const insert = 'INSERT INTO pipeline_probe (note) VALUES (?)';
  const stored = async () =>
    ((await sut.dataSource.query('SELECT id, note FROM pipeline_probe ORDER BY id')) as Array<{ id: number; note: string }>).map(
      (row) => [Number(row.id), row.note],
    );

  beforeAll(async () => {
    sut = await createTestApp();
    pipelines = sut.app.get(PipelinedTransactions);
    await sut.dataSource.query(
      testDialect() === 'mysql'
        ? 'CREATE TABLE pipeline_probe (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100) NOT NULL UNIQUE)'
        : 'CREATE TABLE pipeline_probe (id INTEGER PRIMARY KEY, note VARCHAR(100) NOT NULL UNIQUE)',
    );
  });
  afterAll(async () => {
    await sut.dataSource.query('DROP TABLE IF EXISTS pipeline_probe');
    await sut.close();
  });
  beforeEach(() => sut.dataSource.query('DELETE FROM pipeline_probe'));

  it('runs statements in the order issued, unawaited, each answering its own result, and commits them', async () => {
    const [first, , read] = await pipelines.run((tx) =>
      Promise.all([
        tx.query(insert, ['first; DROP TABLE pipeline_probe']),
        tx.query('UPDATE pipeline_probe SET note = ? WHERE note LIKE ?', ['renamed', 'first%']),
        tx.query('SELECT note FROM pipeline_probe'),
      ]),
    );
    expect(read).toEqual([{ note: 'renamed' }]);
    const [[id, note]] = await stored();
    expect(note).toBe('renamed');
    expect(insertedId(first)).toBe(id);
  });

  it('stops at a failing statement: nothing after it runs, everything before it rolls back, and the error is the driver’s', async () => {
    let after: Promise<unknown> = Promise.resolve();
    const outcome = pipelines.run(async (tx) => {
      void tx.query(insert, ['kept?']);
      void tx.query(insert, ['twice']);
      void tx.query(insert, ['twice']);
      after = tx.query(insert, ['after the failure']);
      await tx.commit();
    });
    const error = await outcome.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(((error as QueryFailedError).driverError as Error & { code?: string }).code).toBe(
      testDialect() === 'mysql' ? 'ER_DUP_ENTRY' : 'SQLITE_CONSTRAINT_UNIQUE',
    );
    await expect(after).rejects.toBe(error);
    expect(await stored()).toEqual([]);
  });

  it('rolls back what was issued when the work throws, and its connection serves the next transactions cleanly', async () => {
    await expect(
      pipelines.run(async (tx) => {
        void tx.query(insert, ['issued before the throw']);
        await tx.query('SELECT 1 AS one');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      pipelines.run(async (tx) => {
        void tx.query(insert, ['issued in the same turn as the throw']);
        throw new Error('changed my mind at once');
      }),
    ).rejects.toThrow('changed my mind at once');
    expect(await stored()).toEqual([]);
    // More transactions than the pool has connections: none starts inside a rolled-back one's.
    for (let i = 0; i < 12; i++) await pipelines.run((tx) => tx.query(insert, [`row ${i}`]));
    expect((await stored()).map(([, note]) => note)).toEqual(Array.from({ length: 12 }, (_, i) => `row ${i}`));
  });

  it('refuses a statement issued after COMMIT, which would run outside the transaction', async () => {
    let late: Promise<unknown> = Promise.resolve();
    await pipelines.run(async (tx) => {
      void tx.query(insert, ['before the commit']);
      void tx.commit();
      late = tx.query(insert, ['after the commit']);
    });
    await expect(late).rejects.toThrow('A statement was issued after COMMIT: INSERT INTO pipeline_probe');
    expect((await stored()).map(([, note]) => note)).toEqual(['before the commit']);
  });

  const onMysql = testDialect() === 'mysql' ? it : it.skip;

  // On MySQL each transaction has a connection of its own (SQLite has one connection in all).
  onMysql('keeps concurrent transactions apart', async () => {
    const [a, b] = await Promise.allSettled([
      pipelines.run(async (tx) => {
        await tx.query(insert, ['a']);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return tx.query('SELECT note FROM pipeline_probe ORDER BY note');
      }),
      pipelines.run(async (tx) => {
        await tx.query(insert, ['b']);
        throw new Error('b rolls back');
      }),
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: [{ note: 'a' }] });
    expect(b.status).toBe('rejected');
    expect(await stored()).toEqual([[expect.any(Number), 'a']]);
  });

  onMysql('sends what is issued in one turn of the event loop as one query', async () => {
    const queries = jest.spyOn(Connection.prototype, 'query');
    try {
      // START TRANSACTION, a read; then the writes and the COMMIT.
      await pipelines.run(async (tx) => {
        await tx.query('SELECT COUNT(*) AS n FROM pipeline_probe');
        await Promise.all([tx.query(insert, ['one']), tx.query(insert, ['two']), tx.commit()]);
      });
      expect(queries).toHaveBeenCalledTimes(2);
      expect(String(queries.mock.calls[1][0])).toMatch(/^INSERT .*;\nINSERT .*;\nCOMMIT$/s);
    } finally {
      queries.mockRestore();
    }
    expect((await stored()).map(([, note]) => note)).toEqual(['one', 'two']);
  });
});
