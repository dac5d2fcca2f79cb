import { addDays, addMonths, todayInTimeZone, type ImportJobDto, type ImportReportDto } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Completion } from '../src/modules/completions/completion.entity';
import { Credential } from '../src/modules/credentials/credential.entity';
import { AuditLog } from '../src/modules/audit/audit-log.entity';
import { rebuildAnalytics } from '../src/modules/analytics/state/skill-state.sql';
import { Assignment } from '../src/modules/assignments/assignment.entity';
import { utcNow } from '../src/database/column-types';
import { Logger } from '@nestjs/common';
import { REBUILD_THRESHOLD } from '../src/modules/imports/definitions/completions.import';
import { analyticsState as analyticsStateOf } from './support/analytics-state';

/** A zip whose one entry claims to unpack to `bytes` (its directory is all an importer should need to refuse it). */
function zipClaiming(bytes: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(16, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(name.length, 26);
  const data = Buffer.alloc(16);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(16, 20);
  central.writeUInt32LE(bytes, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/**
 * Bulk imports on the fixture organisation (support/fixture.ts): Ada, Ann, Wes… with the
 * credentials Forklift Licence (12 months, Forklift 3), Teamwork Essentials and SQL Basics.
 */
describe(`imports (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  let manager: Agent;
  const today = todayInTimeZone('UTC');
  const lastMonth = addMonths(today, -1);

  const upload = (agent: Agent, entity: string, content: string | Buffer, query = '', name = 'import.csv') =>
    agent.post(`/api/imports/${entity}${query}`).attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const completionCount = () => sut.dataSource.getRepository(Completion).count();
  const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
  const header = 'employee_email,credential_name,awarded_at,expires_at,evidence_url,score';

  /** The derived tables, as rows sorted, without the zero rows a withdrawal may leave. */
  const analyticsState = () => analyticsStateOf(sut.dataSource);

  beforeAll(async () => {
    sut = await createTestApp({ IMPORT_MAX_BYTES: String(64 * 1024) });
    fx = await seedFixture(sut.dataSource);
    ({ hr, manager } = await signInPersonas(sut.http));
    await sut.dataSource
      .getRepository(Credential)
      .update({ id: fx.credentials.sqlBasics.id }, { credlyTemplateId: 'credly-sql-1', badgrClassId: 'badgr-sql-1' });
  });
  afterAll(() => sut.close());

  describe('completions', () => {
    it('refuses managers with 403 and writes nothing', async () => {
      const before = await completionCount();
      await upload(manager, 'completions', csv(header, `ann@test.example,SQL Basics,${lastMonth},,,`)).expect(403);
      await expect(completionCount()).resolves.toBe(before);
    });

    it('dry-runs a good file: counts, writes nothing', async () => {
      const before = await completionCount();
      const response = await upload(
        hr,
        'completions',
        csv(
          header,
          `ann@test.example,Forklift Licence,${lastMonth},,https://badges.example.com/1,88.5`,
          `NED@test.example,teamwork essentials,2024-05-01,,,`,
          `ada@test.example,Teamwork Essentials,2024-03-01,,,`,
        ),
        '?dryRun=true',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rows: 3, created: 2, updated: 0, unchanged: 1, errors: [], dryRun: true });
      await expect(completionCount()).resolves.toBe(before);
    });

    it('rebuilds every statistic in memory when a file reaches enough people, equal to the set-based rebuild', async () => {
      const logged = jest.spyOn(Logger.prototype, 'log');
      const threshold = { ...REBUILD_THRESHOLD };
      Object.assign(REBUILD_THRESHOLD, { people: 1, share: 0 });
      // On SQLite the rebuild drops the secondary indexes of the tables it fills: all come back.
      const indexes = async () => {
        const runner = sut.dataSource.createQueryRunner();
        try {
          const names: string[] = [];
          for (const table of ['completions', 'employee_skill_levels', 'rollup_members', 'renewal_stats'])
            for (const index of (await runner.getTable(table))?.indices ?? []) names.push(`${table}.${index.name}`);
          return names.sort();
        } finally {
          await runner.release();
        }
      };
      try {
        const indexesBefore = await indexes();
        expect(indexesBefore).toEqual(
          expect.arrayContaining([
            'completions.IDX_completions_expires_at',
            'completions.UQ_completions_employee_credential_awarded',
            'employee_skill_levels.IDX_employee_skill_levels_skill',
            'rollup_members.IDX_rollup_members_team',
          ]),
        );
        const before = await completionCount();
        const file = csv(
          header,
          `ada@test.example,Forklift Licence,${addDays(lastMonth, -2)},,,`,
          `ned@test.example,Forklift Licence,${addDays(lastMonth, -4)},,,`,
        );
        await upload(hr, 'completions', file).expect(200);
        await expect(completionCount()).resolves.toBe(before + 2);
        // The import took the rebuild path (its log lists the rebuild's steps)…
        expect(logged.mock.calls.some(([message]) => String(message).includes('skill levels ('))).toBe(true);
        // …on MySQL into copies of the derived tables, renamed into place after the commit (no copy,
        // old table or mark is left), on SQLite in place.
        const swapped = testDialect() === 'mysql';
        expect(logged.mock.calls.some(([message]) => String(message).includes('copies marked'))).toBe(swapped);
        await expect(sut.dataSource.query('SELECT swap_id AS w FROM rollup_state')).resolves.toEqual([{ w: null }]);
        if (swapped)
          await expect(
            sut.dataSource.query(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND (table_name LIKE '%\\_\\_next\\_%' OR table_name LIKE '%\\_\\_old\\_%')",
            ),
          ).resolves.toEqual([]);
        await expect(indexes()).resolves.toEqual(indexesBefore);
        const profile = (await hr.get(`/api/employees/${fx.people.ned.id}/profile`).expect(200)).body as {
          skills: Array<{ skillName: string; level: number }>;
        };
        expect(profile.skills.map((s) => [s.skillName, s.level])).toContainEqual(['Forklift', 3]);
        // …and wrote what the set-based rebuild writes from the same completions.
        const recomputed = await analyticsState();
        await sut.dataSource.transaction((m) => rebuildAnalytics(m, today));
        expect(recomputed).toEqual(await analyticsState());
      } finally {
        Object.assign(REBUILD_THRESHOLD, threshold);
        logged.mockRestore();
      }
    });

    it('imports a good file, keeps the analytics equal to a rebuild, and records the import in the audit log', async () => {
      const before = await completionCount();
      // Ann was assigned the Forklift Licence a week before the award the file records.
      await sut.dataSource.getRepository(Assignment).insert({
        employeeId: fx.people.ann.id,
        clusterId: null,
        credentialId: fx.credentials.forkliftLicence.id,
        assignedByUserId: null,
        assignedAt: addDays(lastMonth, -7),
        dueDate: today,
        note: null,
        cancelledAt: null,
        createdAt: utcNow(),
      });
      await sut.dataSource.transaction((m) => rebuildAnalytics(m, today));
      const done = async () =>
        (
          (await sut.dataSource.query('SELECT done FROM assignment_progress WHERE employee_id = ?', [
            fx.people.ann.id,
          ])) as Array<{
            done: number | string;
          }>
        ).map((row) => Number(row.done));
      await expect(done()).resolves.toEqual([0]);
      const file = csv(
        header,
        `ann@test.example,Forklift Licence,${lastMonth},,https://badges.example.com/1,88.5`,
        `NED@test.example,teamwork essentials,2024-05-01,,,`,
        `ada@test.example,Teamwork Essentials,2024-03-01,,,`,
      );
      const response = await upload(hr, 'completions', file);
      expect(response.status).toBe(200);
      const report = response.body as ImportReportDto;
      expect(report).toMatchObject({ rows: 3, created: 2, updated: 0, unchanged: 1, errors: [], format: 'Skillgrid' });
      expect(report.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      await expect(completionCount()).resolves.toBe(before + 2);
      const stored = await sut.dataSource
        .getRepository(Completion)
        .findOneByOrFail({ employeeId: fx.people.ann.id, credentialId: fx.credentials.forkliftLicence.id });
      expect(stored).toMatchObject({ source: 'csv_import', expiresAt: addMonths(lastMonth, 12), score: 88.5 });

      const profile = (await hr.get(`/api/employees/${fx.people.ann.id}/profile`).expect(200)).body as {
        skills: Array<{ skillName: string; level: number }>;
      };
      expect(profile.skills.map((s) => [s.skillName, s.level])).toContainEqual(['Forklift', 3]);
      await expect(done()).resolves.toEqual([1]);

      const incremental = await analyticsState();
      await sut.dataSource.transaction((m) => rebuildAnalytics(m, today));
      expect(incremental).toEqual(await analyticsState());

      const audit = await sut.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'import', entityId: report.jobId });
      expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ fileSha256: report.fileSha256, rows: 3, created: 2, unchanged: 1 });
      expect(audit.userId).not.toBeNull();

      // The same file again: nothing changes.
      const again = await upload(hr, 'completions', file).expect(200);
      expect(again.body).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
      await expect(completionCount()).resolves.toBe(before + 2);
    });

    it('updates a stored completion whose evidence changed', async () => {
      const response = await upload(
        hr,
        'completions',
        csv(header, `ann@test.example,Forklift Licence,${lastMonth},,https://badges.example.com/2,88.5`),
      ).expect(200);
      expect(response.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    });

    it('reports every bad row with its line and column, and writes nothing at all', async () => {
      const before = await completionCount();
      const file = csv(
        header,
        `finn@test.example,Teamwork Essentials,2025-01-02,,,`, // good, but the file has bad rows
        `nobody@test.example,Teamwork Essentials,2025-01-02,,,`,
        `ann@test.example,Teamwork Essentials,02/01/2025,,,`,
        `ann@test.example,No Such Badge,2025-01-02,,,`,
        `ann@test.example,SQL Basics,2025-01-02,2024-01-01,,`,
        `ann@test.example,SQL Basics,2025-02-02,,not a url,1001`,
        `finn@test.example,Teamwork Essentials,2025-01-02,,,`,
        `ann@test.example,SQL Basics,2999-01-01,,,`,
        `ann@test.example,SQL Basics,2025-03-03,,"=HYPERLINK(""http://evil.example"")",`,
      );
      const response = await upload(hr, 'completions', file);
      expect(response.status).toBe(422);
      const report = response.body as ImportReportDto & { code: string };
      expect(report.code).toBe('IMPORT_REJECTED');
      expect(report.rows).toBe(9);
      expect(report.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'employee_email'],
        [4, 'awarded_at'],
        [5, 'credential_name'],
        [6, 'expires_at'],
        [7, 'evidence_url'],
        [7, 'score'],
        [8, 'awarded_at'],
        [9, 'awarded_at'],
        [10, 'evidence_url'],
      ]);
      expect(report.errors[0].message).toContain('nobody@test.example');
      expect(report.errors[6].message).toContain('repeats line 2');
      expect(report.errors[7].message).toContain('in the future');
      await expect(completionCount()).resolves.toBe(before);
      await expect(
        sut.dataSource.getRepository(AuditLog).countBy({ action: 'import_refused', entityId: report.jobId }),
      ).resolves.toBe(1);

      // The same file as a dry run: 200, the same errors, and what the good row would do.
      const dry = await upload(hr, 'completions', file, '?dryRun=true').expect(200);
      expect(dry.body).toMatchObject({ created: 1, errorCount: 9 });
    });

    it('strips a UTF-8 BOM and matches headers without regard to case or spacing', async () => {
      const file = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(csv(' Employee Email ,CREDENTIAL NAME,Awarded At', `ada@test.example,Teamwork Essentials,2024-03-01`)),
      ]);
      const response = await upload(hr, 'completions', file, '?dryRun=true').expect(200);
      expect(response.body).toMatchObject({ rows: 1, unchanged: 1, errors: [] });
    });

    it('reads semicolon-separated files and employee external ids', async () => {
      const response = await upload(
        hr,
        'completions',
        csv('employee_external_id;credential_name;awarded_at', 'X-Ada;Teamwork Essentials;2024-03-01'),
        '?dryRun=true',
      ).expect(200);
      expect(response.body).toMatchObject({ rows: 1, unchanged: 1, errors: [] });
    });

    it.each([
      ['an empty file', Buffer.alloc(0), /empty/],
      ['a header without rows', Buffer.from(`${header}\n`), /no data rows/],
      [
        'a missing required column',
        Buffer.from(csv('employee_email,credential_name', 'ada@test.example,SQL Basics')),
        /awarded_at/,
      ],
      ['binary content', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00]), /binary/],
      ['Latin-1 text', Buffer.from(`${header}\nren\xe9@test.example,SQL Basics,2025-01-01,,,\n`, 'latin1'), /UTF-8/],
      ['10,000 columns', Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n1\n`), /columns/],
      ['a broken XLSX', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), /XLSX/],
      ['a zip bomb disguised as XLSX', zipClaiming(3 * 1024 * 1024 * 1024), /unpack to 3072 MB/],
    ])('refuses %s with a clear error and writes nothing', async (_name, content, message) => {
      const before = await completionCount();
      const response = await upload(hr, 'completions', content);
      expect(response.status).toBe(422);
      expect((response.body as ImportReportDto).errors[0].message).toMatch(message);
      await expect(completionCount()).resolves.toBe(before);
    });

    it('refuses an upload over IMPORT_MAX_BYTES with 413', async () => {
      const big = `${header}\n${'x'.repeat(70 * 1024)}\n`;
      const response = await upload(hr, 'completions', big);
      expect(response.status).toBe(413);
    });

    it('recognises the Credly bulk-issue CSV by its headers', async () => {
      const response = await upload(
        hr,
        'completions',
        csv(
          'Badge Template ID,Recipient Email,First Name,Last Name,Issued at date,Expiration Date,Issuer Earner ID',
          `credly-sql-1,ann@test.example,Ann,Test,${lastMonth},,A-1`,
          `credly-unknown,ann@test.example,Ann,Test,${lastMonth},,A-1`,
        ),
        '?dryRun=true',
      ).expect(200);
      expect(response.body).toMatchObject({ format: 'Credly bulk issue', rows: 2, created: 1 });
      expect((response.body as ImportReportDto).errors).toEqual([
        { line: 3, field: 'credly_template_id', message: expect.stringContaining('credly-unknown') },
      ]);
    });

    it('recognises the Canvas Credentials/Badgr award CSV and imports it', async () => {
      const response = await upload(
        hr,
        'completions',
        csv(
          'Badge Class ID,Identifier,Recipient Name,Issue Date,Expiration Date,Evidence URL,Narrative',
          `badgr-sql-1,fay@test.example,Fay,${lastMonth},,https://badgr.example.com/e/1,Did it`,
        ),
      ).expect(200);
      expect(response.body).toMatchObject({ format: 'Canvas Credentials/Badgr award', created: 1 });
      const stored = await sut.dataSource
        .getRepository(Completion)
        .findOneByOrFail({ employeeId: fx.people.fay.id, credentialId: fx.credentials.sqlBasics.id });
      expect(stored).toMatchObject({ evidenceUrl: 'https://badgr.example.com/e/1', expiresAt: addMonths(lastMonth, 24) });
    });

    it('reads XLSX files', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Completions');
      sheet.addRow(['Employee Email', 'Credential Name', 'Awarded At', 'Score']);
      sheet.addRow(['ned@test.example', 'SQL Basics', new Date(`${lastMonth}T00:00:00Z`), 70]);
      sheet.addRow(['=1+1', 'SQL Basics', lastMonth, 70]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await upload(hr, 'completions', buffer, '?dryRun=true', 'completions.xlsx').expect(200);
      expect(response.body).toMatchObject({ rows: 2, created: 1 });
      // A formula-looking text cell is text: here an e-mail nobody has.
      expect((response.body as ImportReportDto).errors).toEqual([
        { line: 3, field: 'employee_email', message: 'no employee has the e-mail "=1+1"' },
      ]);
    });
  });

  describe('jobs and templates', () => {
    it('answers 202 with a job when asked, and the job ends with the report', async () => {
      const response = await upload(
        hr,
        'completions',
        csv(header, `wes@test.example,Teamwork Essentials,${lastMonth},,,`),
        '?async=true&dryRun=true',
      );
      expect(response.status).toBe(202);
      const job = response.body as ImportJobDto;
      let current = job;
      for (let i = 0; i < 50 && current.status !== 'succeeded' && current.status !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        current = (await hr.get(`/api/imports/jobs/${job.id}`).expect(200)).body as ImportJobDto;
      }
      expect(current).toMatchObject({ status: 'succeeded', phase: 'done', rowsRead: 1, report: { created: 1, rows: 1 } });
      await manager.get(`/api/imports/jobs/${job.id}`).expect(403);
      await hr.get('/api/imports/jobs/no-such-job').expect(404);
    });

    it('serves a CSV template per entity', async () => {
      const response = await hr.get('/api/imports/templates/completions.csv').expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.text.split('\r\n')[0]).toBe(
        'employee_email,employee_external_id,credential_name,credential_external_id,awarded_at,expires_at,evidence_url,score',
      );
      await hr.get('/api/imports/templates/nonsense.csv').expect(404);
    });
  });
});
