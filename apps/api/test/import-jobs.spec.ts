import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { addMonths, todayInTimeZone, type ImportJobDto, type Page } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Completion } from '../src/modules/completions/completion.entity';
import { ImportJob } from '../src/modules/imports/import-job.entity';
import { ImportsService, INTERRUPTED_MESSAGE, STALE_JOB_MS } from '../src/modules/imports/imports.service';
import { uploadDirectory } from '../src/modules/imports/upload-files';
import { AuditLog } from '../src/modules/audit/audit-log.entity';
import { AuditService } from '../src/modules/audit/audit.service';

/** Import jobs whose server stopped, and uploads that a refused request must not leave behind. */
describe(`import jobs (${testDialect()})`, () => {
  let sut: TestApp;
  let hr: Agent;
  const lastMonth = addMonths(todayInTimeZone('UTC'), -1);
  const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
  const header = 'employee_email,credential_name,awarded_at';
  const upload = (path: string, content: string) => hr.post(path).attach('file', Buffer.from(content), 'import.csv');
  const completionCount = () => sut.dataSource.getRepository(Completion).count();
  /** The uploads of this process (the test app's) still on disk, once running jobs have let go of theirs. */
  const strayUploads = async () => {
    for (let i = 0; i < 40 && readdirSync(uploadDirectory()).length; i++) await new Promise((r) => setTimeout(r, 50));
    return readdirSync(uploadDirectory());
  };

  beforeAll(async () => {
    sut = await createTestApp({ IMPORT_MAX_BYTES: String(64 * 1024) });
    await seedFixture(sut.dataSource);
    ({ hr } = await signInPersonas(sut.http));
  });
  afterAll(() => sut.close());

  describe('a job whose server stopped', () => {
    /** A job row as a server that stopped mid-import leaves it: unfinished, last touched `ageMs` ago. */
    const leftBehind = async (status: 'queued' | 'running', ageMs: number) => {
      const at = new Date(Date.now() - ageMs);
      const job = sut.dataSource.getRepository(ImportJob).create({
        id: randomUUID(),
        entity: 'completions',
        status,
        phase: status === 'running' ? 'writing' : 'queued',
        dryRun: 0,
        fileName: 'lms-export.csv',
        fileSha256: 'a'.repeat(64),
        fileSize: 1234,
        userId: null,
        rowsRead: status === 'running' ? 120_000 : 0,
        rowsDone: 0,
        rowsTotal: null,
        report: null,
        createdAt: at,
        updatedAt: at,
        finishedAt: null,
      });
      await sut.dataSource.getRepository(ImportJob).insert(job);
      return job.id;
    };
    const jobOf = async (id: string) => (await hr.get(`/api/imports/jobs/${id}`).expect(200)).body as ImportJobDto;

    it('is marked failed, saying nothing was written, once it has not been heard from; a live one is left alone', async () => {
      const running = await leftBehind('running', STALE_JOB_MS + 60_000);
      const queued = await leftBehind('queued', STALE_JOB_MS + 60_000);
      const live = await leftBehind('running', 1_000);
      const service = sut.app.get(ImportsService);

      // What every server does every minute (and a MySQL server at start): other replicas may be importing.
      await expect(service.failInterrupted(STALE_JOB_MS)).resolves.toBe(2);
      for (const id of [running, queued])
        expect(await jobOf(id)).toMatchObject({
          status: 'failed',
          phase: 'done',
          finishedAt: expect.any(String),
          report: { created: 0, updated: 0, unchanged: 0, errorCount: 1, errors: [{ message: INTERRUPTED_MESSAGE }] },
        });
      expect((await jobOf(running)).report).toMatchObject({ rows: 120_000 });
      expect(await jobOf(live)).toMatchObject({ status: 'running', report: null });

      // An SQLite server at start: the file is its own, so every unfinished job is orphaned.
      await expect(service.failInterrupted(0)).resolves.toBe(1);
      expect(await jobOf(live)).toMatchObject({ status: 'failed', report: { errors: [{ message: INTERRUPTED_MESSAGE }] } });
      await expect(service.failInterrupted(0)).resolves.toBe(0);

      // The Imports page lists them, newest first.
      const list = (await hr.get('/api/imports/jobs?pageSize=10').expect(200)).body as Page<ImportJobDto>;
      expect(list.total).toBeGreaterThanOrEqual(3);
      expect(list.items[0].id).toBe(live);
      expect(list.items.filter((job) => [running, queued, live].includes(job.id)).map((job) => job.status)).toEqual([
        'failed',
        'failed',
        'failed',
      ]);
      await hr.get('/api/imports/jobs?pageSize=1000').expect(400);
    });

    it('is marked succeeded, with the counts of its audit record, when its server stopped after the commit', async () => {
      const committed = await leftBehind('running', STALE_JOB_MS + 60_000);
      await sut.dataSource.getRepository(AuditLog).insert({
        at: new Date(),
        userId: null,
        action: 'import',
        entity: 'import:completions',
        entityId: committed,
        before: null,
        after: JSON.stringify({
          fileName: 'lms-export.csv',
          format: 'skillgrid',
          rows: 120_000,
          created: 119_000,
          updated: 2,
          unchanged: 998,
        }),
      });
      await expect(sut.app.get(ImportsService).failInterrupted(STALE_JOB_MS)).resolves.toBe(1);
      expect(await jobOf(committed)).toMatchObject({
        status: 'succeeded',
        phase: 'done',
        report: { format: 'skillgrid', rows: 120_000, created: 119_000, updated: 2, unchanged: 998, errorCount: 0, errors: [] },
      });
    });

    it('wrote nothing: the import runs in one transaction, undone when it does not end', async () => {
      const before = await completionCount();
      // The server "stops" once the completions and the statistics are written, before the commit.
      const stop = jest.spyOn(sut.app.get(AuditService), 'record').mockRejectedValueOnce(new Error('server stopped'));
      try {
        const response = await upload(
          '/api/imports/completions',
          csv(header, `ann@test.example,SQL Basics,${lastMonth}`, `wes@test.example,SQL Basics,${lastMonth}`),
        );
        expect(response.body).toMatchObject({ created: 0, errorCount: 1 });
      } finally {
        stop.mockRestore();
      }
      await expect(completionCount()).resolves.toBe(before);
      // No staging table is left on the connection: the same file imports afterwards.
      const again = await upload(
        '/api/imports/completions',
        csv(header, `ann@test.example,SQL Basics,${lastMonth}`, `wes@test.example,SQL Basics,${lastMonth}`),
      ).expect(200);
      expect(again.body).toMatchObject({ created: 2, errorCount: 0 });
      await expect(completionCount()).resolves.toBe(before + 2);
    });
  });

  describe('uploads of refused requests', () => {
    const good = csv(header, `ada@test.example,Teamwork Essentials,${lastMonth}`);

    it('are deleted whatever refused the request', async () => {
      await expect(strayUploads()).resolves.toEqual([]);
      await upload('/api/imports/completions?dryRun=maybe', good).expect(400);
      await upload('/api/imports/completions?async=later', good).expect(400);
      await upload('/api/imports/completions?dryRun=true&dryRun=false', good).expect(400);
      await upload('/api/imports/nonsense?dryRun=true', good).expect(404);
      await upload('/api/imports/taxonomies/esco?dryRun=perhaps', good).expect(400);
      await upload('/api/imports/taxonomies/nonsense', good).expect(404);
      await hr
        .post('/api/imports/completions')
        .attach('file', Buffer.alloc(65 * 1024, 'a'), 'big.csv')
        .expect(413);
      await hr.post('/api/imports/completions?dryRun=true').attach('other', Buffer.from(good), 'import.csv').expect(400);
      await expect(strayUploads()).resolves.toEqual([]);
    });

    it('and of accepted ones once the import has ended', async () => {
      await upload('/api/imports/completions?dryRun=true', good).expect(200);
      const job = (await upload('/api/imports/completions?dryRun=true&async=true', good).expect(202)).body as ImportJobDto;
      for (let i = 0; i < 50 && (await hr.get(`/api/imports/jobs/${job.id}`)).body.status !== 'succeeded'; i++)
        await new Promise((r) => setTimeout(r, 50));
      await expect(strayUploads()).resolves.toEqual([]);
    });
  });
});
