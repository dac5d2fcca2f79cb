import { Logger } from '@nestjs/common';
import { BulkWriter } from '../src/database/bulk-writer';
import type { SqlValue } from '../src/database/sql';
import { createTestApp, type TestApp } from './support/test-app';
import { testDialect } from './support/test-database';

/**
 * BulkWriter on a real database: LOAD DATA LOCAL on MySQL/MariaDB (its text format escapes tabs,
 * newlines and backslashes, and writes NULL as \N), multi-row INSERTs on SQLite; and writes left
 * in flight by insertBehind, whose failure surfaces at the next call or at drain().
 */
describe(`BulkWriter (${testDialect()})`, () => {
  let sut: TestApp;
  const rows: SqlValue[][] = [
    [1, 'plain', 1.5],
    [2, 'tab\there, newline\nthere, return\r, backslash \\ and \\N', null],
    [3, null, 0],
    [4, 'ünïcödé — “quoted”', 999.99],
  ];
  const stored = async () =>
    ((await sut.dataSource.query('SELECT id, note, n FROM bulk_writer_probe ORDER BY id')) as Array<Record<string, unknown>>).map(
      (row) => [Number(row['id']), row['note'], row['n'] === null ? null : Number(row['n'])],
    );

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.dataSource.query(
      'CREATE TABLE bulk_writer_probe (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(100) NULL, n DECIMAL(6,2) NULL)',
    );
  });
  afterAll(async () => {
    await sut.dataSource.query('DROP TABLE IF EXISTS bulk_writer_probe');
    await sut.close();
  });
  beforeEach(() => sut.dataSource.query('DELETE FROM bulk_writer_probe'));

  /** Runs `work` with a writer of its own connection, closed afterwards. */
  const withWriter = async (work: (writer: BulkWriter) => Promise<void>) => {
    const writer = await BulkWriter.open(sut.dataSource);
    try {
      await work(writer);
    } finally {
      await writer.close();
    }
  };

  it('writes every value as given, special characters and NULL included', async () => {
    await withWriter(async (writer) => {
      await writer.insert('bulk_writer_probe', ['id', 'note', 'n'], rows);
      expect(writer.rowsWritten).toBe(4);
    });
    expect(await stored()).toEqual(rows);
  });

  it('writes behind the caller, in order, and drain() waits for the last write', async () => {
    await withWriter(async (writer) => {
      for (const row of rows) await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], [row]);
      await writer.drain();
      expect(writer.rowsWritten).toBe(4);
    });
    expect(await stored()).toEqual(rows);
  });

  it('reports a failed write left in flight at drain(), and refuses a row of the wrong width at once', async () => {
    await withWriter(async (writer) => {
      await expect(writer.insert('bulk_writer_probe', ['id', 'note', 'n'], [[5, 'short']])).rejects.toThrow(
        'bulk_writer_probe: a row has 2 values for 3 columns',
      );
      // The same id twice: the second write fails on the server, after insertBehind returned.
      await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], [[6, 'first', null]]);
      await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], [[6, 'again', null]]);
      await expect(writer.drain()).rejects.toThrow();
      // Drained: the writer goes on.
      await writer.insert('bulk_writer_probe', ['id', 'note', 'n'], [[7, 'after', 2]]);
    });
    expect((await stored()).map((row) => row[0])).toEqual([6, 7]);
  });

  it('runs no write queued after one that failed', async () => {
    await withWriter(async (writer) => {
      await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], [[8, 'first', null]]);
      await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], [[8, 'again', null]]);
      await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], [[9, 'queued after the failure', null]]);
      await expect(writer.drain()).rejects.toThrow();
    });
    expect((await stored()).map((row) => row[0])).toEqual([8]);
  });

  it('keeps every row of many large writes in flight, multi-byte text included', async () => {
    // Each write is several LOAD DATA texts on MySQL, each larger than the buffer it starts in,
    // and the buffers are reused: a buffer written over while the server still read it would
    // show here as a wrong or missing row.
    const note = (id: number) => `${id} ${'ü—'.repeat(40)}`.slice(0, 90);
    const batches = Array.from({ length: 5 }, (_, b) =>
      Array.from({ length: 30_000 }, (_, i): SqlValue[] => {
        const id = 1_000 + b * 30_000 + i;
        return [id, note(id), (id % 1000) / 10];
      }),
    );
    await withWriter(async (writer) => {
      for (const batch of batches) await writer.insertBehind('bulk_writer_probe', ['id', 'note', 'n'], batch);
      await writer.drain();
      expect(writer.rowsWritten).toBe(150_000);
    });
    const all = await stored();
    expect(all).toHaveLength(150_000);
    const wrong = all.filter(([id, text, n]) => text !== note(id as number) || n !== ((id as number) % 1000) / 10);
    expect(wrong).toEqual([]);
  });

  // MySQL 8 starts with local_infile off: the rows then go as INSERT statements, and the log says why.
  (testDialect() === 'mysql' ? it : it.skip)(
    'falls back to INSERT statements where the server refuses LOAD DATA LOCAL, and says so',
    async () => {
      const [setting] = (await sut.dataSource.query('SELECT @@GLOBAL.local_infile AS v')) as Array<{ v: number | string }>;
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      await sut.dataSource.query('SET GLOBAL local_infile = 0');
      try {
        await withWriter(async (writer) => {
          await writer.insert('bulk_writer_probe', ['id', 'note', 'n'], rows);
          expect(writer.rowsWritten).toBe(4);
        });
        expect(await stored()).toEqual(rows);
        expect(warn.mock.calls.map(([message]) => String(message)).join('\n')).toMatch(
          /local_infile off: bulk writes fall back to INSERT/,
        );
      } finally {
        await sut.dataSource.query('SET GLOBAL local_infile = ?', [Number(setting?.v)]);
        warn.mockRestore();
      }
    },
  );
});
