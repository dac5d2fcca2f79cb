import { randomUUID } from 'node:crypto';
import { addDays, todayInTimeZone } from '@skillgrid/shared';
import { AnalyticsSwap, finishPendingSwap, swapIdOf } from '../src/modules/analytics/state/analytics-swap';
import { recomputeAnalytics } from '../src/modules/analytics/state/skill-state-rebuild';
import { rebuildAnalytics } from '../src/modules/analytics/state/skill-state.sql';
import { Completion } from '../src/modules/completions/completion.entity';
import { ImportsService } from '../src/modules/imports/imports.service';
import { analyticsState } from './support/analytics-state';
import { seedFixture, type Fixture } from './support/fixture';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { testDialect } from './support/test-database';

const mysql = testDialect() === 'mysql';

/**
 * A full analytics rebuild on MySQL is written into copies of the derived tables and renamed
 * into place after its commit (analytics-swap.ts). These tests stop such a rebuild between its
 * commit and its rename, as a server stopping there would, and check that writers are refused
 * meanwhile (nothing written), that the sweep finishes the swap, and that copies of rebuilds that
 * never committed are dropped. SQLite rebuilds in place, in its one transaction.
 */
describe(`analytics swap (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  const today = todayInTimeZone('UTC');

  /** The swap copies and replaced tables in the database. */
  const leftovers = async () =>
    (
      (await sut.dataSource.query(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ' +
          "AND (table_name LIKE '%\\_\\_next\\_%' OR table_name LIKE '%\\_\\_old\\_%') ORDER BY table_name",
      )) as Array<{ name: string }>
    ).map((row) => row.name);
  /** The names of a table's indexes. */
  const indexesOf = async (table: string) =>
    new Set(
      ((await sut.dataSource.query(`SHOW INDEX FROM ${table}`)) as Array<{ Key_name: string }>).map((index) => index.Key_name),
    );
  const mark = async () =>
    ((await sut.dataSource.query('SELECT swap_id AS w FROM rollup_state')) as Array<{ w: string | null }>)[0].w;
  const record = (awardedAt: string) =>
    hr.post('/api/completions').send({ employeeId: fx.people.ada.id, credentialId: fx.credentials.sqlBasics.id, awardedAt });
  const forkliftOf = async (employeeId: number) =>
    (
      (await hr.get(`/api/employees/${employeeId}/profile`).expect(200)).body as {
        skills: Array<{ skillName: string; level: number }>;
      }
    ).skills.find((s) => s.skillName === 'Forklift')?.level ?? null;

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    ({ hr } = await signInPersonas(sut.http));
  });
  afterAll(() => sut.close());

  (mysql ? it : it.skip)(
    'refuses writers with 503 while a committed rebuild waits for its rename, and the sweep renames it into place',
    async () => {
      const jobId = randomUUID();
      const runner = sut.dataSource.createQueryRunner();
      await runner.connect();
      try {
        const swap = await AnalyticsSwap.prepare(runner.manager, jobId);
        await runner.startTransaction();
        // As an import does: a completion and the rebuild that counts it, in one transaction.
        await runner.manager.insert(Completion, {
          employeeId: fx.people.ned.id,
          credentialId: fx.credentials.forkliftLicence.id,
          awardedAt: addDays(today, -3),
          expiresAt: null,
          source: 'csv_import',
          evidenceUrl: null,
          score: null,
          status: 'valid',
          statusReason: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        await recomputeAnalytics(runner.manager, today, undefined, swap);
        await runner.commitTransaction();
        // The skill levels' copy got its indexes while the statistics were written; the rest
        // wait for the swap.
        await swap.indexedEarly();
        await expect(indexesOf(swap.tableFor('employee_skill_levels'))).resolves.toEqual(
          new Set(['PRIMARY', 'IDX_employee_skill_levels_until', 'IDX_employee_skill_levels_skill']),
        );
        await expect(indexesOf(swap.tableFor('renewal_stats'))).resolves.toEqual(new Set(['PRIMARY']));
        // The server "stops" here: no swap.complete().
      } finally {
        await runner.release();
      }
      expect(await mark()).toBe(swapIdOf(jobId));
      // The tables in place do not count Ned's new licence yet; their copies do…
      const forkliftRows = (table: string) =>
        sut.dataSource.query(`SELECT \`level\` AS l FROM ${table} WHERE employee_id = ? AND skill_id = ? ORDER BY 1`, [
          fx.people.ned.id,
          fx.skills.forklift.id,
        ]);
      await expect(forkliftRows('employee_skill_levels')).resolves.toEqual([]);
      await expect(forkliftRows(`employee_skill_levels__next_${swapIdOf(jobId)}`)).resolves.toEqual([
        { l: 1 },
        { l: 2 },
        { l: 3 },
      ]);
      // …and writers are refused, with nothing written.
      const before = await sut.dataSource.getRepository(Completion).count();
      const refused = await record(addDays(today, -1)).expect(503);
      expect(refused.body).toMatchObject({ statusCode: 503, code: 'ANALYTICS_SWAPPING' });
      expect(refused.headers['retry-after']).toBe('1');
      await hr.patch(`/api/employees/${fx.people.ann.id}`).send({ teamId: fx.teams.nightShift.id }).expect(503);
      await expect(sut.dataSource.getRepository(Completion).count()).resolves.toBe(before);

      // While its job is unfinished, its own server is finishing it: the sweep leaves it alone.
      await finishPendingSwap(sut.dataSource, new Set([swapIdOf(jobId)]));
      expect(await mark()).toBe(swapIdOf(jobId));
      expect(await leftovers()).toHaveLength(8);

      await sut.app.get(ImportsService).finishSwaps();
      expect(await mark()).toBeNull();
      expect(await leftovers()).toEqual([]);
      expect(await forkliftOf(fx.people.ned.id)).toBe(3);
      // The renamed tables have all their indexes, those built early and those the sweep built.
      await expect(indexesOf('employee_skill_levels')).resolves.toEqual(
        new Set(['PRIMARY', 'IDX_employee_skill_levels_until', 'IDX_employee_skill_levels_skill']),
      );
      await expect(indexesOf('renewal_stats')).resolves.toEqual(new Set(['PRIMARY', 'IDX_renewal_stats_expires']));
      await record(addDays(today, -1)).expect(201);
      // What the write path keeps up from here equals a rebuild from scratch.
      const kept = await analyticsState(sut.dataSource);
      await sut.dataSource.transaction((m) => rebuildAnalytics(m, today));
      expect(kept).toEqual(await analyticsState(sut.dataSource));
    },
  );

  (mysql ? it : it.skip)('drops the copies of rebuilds that never committed, but for those of unfinished jobs', async () => {
    const [abandoned, running] = [randomUUID(), randomUUID()];
    await AnalyticsSwap.prepare(sut.dataSource, abandoned);
    const live = await AnalyticsSwap.prepare(sut.dataSource, running);
    const of = async (jobId: string) => (await leftovers()).filter((name) => name.endsWith(swapIdOf(jobId)));
    expect(await of(abandoned)).toHaveLength(8);
    expect(await of(running)).toHaveLength(8);
    await finishPendingSwap(sut.dataSource, new Set([swapIdOf(running)]));
    expect(await of(abandoned)).toEqual([]);
    expect(await of(running)).toHaveLength(8);
    await live.discard(sut.dataSource);
    expect(await leftovers()).toEqual([]);
    expect(await mark()).toBeNull();
  });

  it('names the copies after the job, and refuses an id that is not a UUID', () => {
    expect(swapIdOf('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5bd9cb469fa16570867728950e');
    expect(() => swapIdOf('x`; DROP TABLE employees')).toThrow('is not a UUID');
  });

  (mysql ? it.skip : it)('rebuilds in place on SQLite: the sweep has nothing to do and no write is refused', async () => {
    await sut.dataSource.transaction((m) => recomputeAnalytics(m, today));
    await sut.app.get(ImportsService).finishSwaps();
    expect(await mark()).toBeNull();
    await record(addDays(today, -2)).expect(201);
  });
});
