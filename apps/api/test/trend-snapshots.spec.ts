import { addDays, todayInTimeZone, type TrendDto } from '@skillgrid/shared';
import { TREND_LIMITS } from '../src/modules/analytics/people-analytics.service';
import { TrendSnapshotsService } from '../src/modules/analytics/snapshots/trend-snapshots.service';
import { SNAPSHOT_MONTHS, snapshotMonthEnds } from '../src/modules/analytics/snapshots/trend-snapshots.sql';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture } from './support/fixture';
import { testDialect } from './support/test-database';

/**
 * The coverage trend's month ends read from the monthly snapshots give what they give computed
 * from completions and employment history, before and after changes that reach back.
 *
 *   Yard        Jo (Loader, hired before the trend; left during month m3)
 *   └── Bay     Ann (Loader, hired before the trend), Kit (Loader, hired at the start of month m2)
 *
 * Loader needs Lifting 2 and Forklift 1. m1 is last month's end, m2 the one before, and so on.
 * Ann: Lift 2 awarded at the start of month m5, expiring at the start of month m2; Forklift 1
 * awarded at the start of month m3, never expiring.
 */
describe(`trend snapshots (${testDialect()})`, () => {
  let sut: TestApp;
  let hr: Agent;
  let exec: Agent;
  let snapshots: TrendSnapshotsService;
  const today = todayInTimeZone('UTC');
  /** m[k]: the k-th month end before today; start(k): the first day of m[k]'s month. */
  const m = [today, ...snapshotMonthEnds(today)];
  const start = (k: number) => `${m[k].slice(0, 7)}-01`;
  const ids = {} as Record<string, number>;

  const post = async (path: string, body: object) => {
    const response = await hr.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id as number;
  };
  const count = async (table: string) => Number((await sut.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const trend = async (agent: Agent, query: string): Promise<TrendDto> =>
    (await agent.get(`/api/analytics/trend?${query}`).expect(200)).body as TrendDto;
  /** The same trend with no snapshot to read: every past month end from completions. */
  const fromCompletions = async (agent: Agent, query: string): Promise<TrendDto> => {
    const kept = await sut.dataSource.query('SELECT month_end, computed_at FROM trend_snapshot_months');
    await sut.dataSource.query('DELETE FROM trend_snapshot_months');
    try {
      return await trend(agent, query);
    } finally {
      for (const row of kept)
        await sut.dataSource.query('INSERT INTO trend_snapshot_months (month_end, computed_at) VALUES (?, ?)', [
          String(row.month_end instanceof Date ? row.month_end.toISOString() : row.month_end).slice(0, 10),
          row.computed_at,
        ]);
    }
  };
  const figures = (body: TrendDto) => body.points.map((p) => [p.asOf, p.headcount, p.required, p.met]);

  beforeAll(async () => {
    sut = await createTestApp();
    await seedFixture(sut.dataSource);
    ({ hr, exec } = await signInPersonas(sut.http));
    snapshots = sut.app.get(TrendSnapshotsService);
    const category = await post('/api/skill-categories', { name: 'Yard work' });
    ids.lifting = await post('/api/skills', { name: 'Lifting', categoryId: category, kind: 'hard' });
    ids.forklift = await post('/api/skills', { name: 'Crane operation', categoryId: category, kind: 'hard' });
    ids.loader = await post('/api/roles', {
      name: 'Loader',
      requirements: [
        { skillId: ids.lifting, requiredLevel: 2, weight: 2 },
        { skillId: ids.forklift, requiredLevel: 1, weight: 1 },
      ],
    });
    ids.yard = await post('/api/teams', { name: 'Yard' });
    ids.bay = await post('/api/teams', { name: 'Bay', parentId: ids.yard });
    const credential = (name: string, skills: Array<[number, number]>) =>
      post('/api/credentials', {
        name,
        provider: 'Yard Academy',
        type: 'badge',
        deliveryMethod: 'online_course',
        hours: 2,
        cost: 20,
        validityMonths: null,
        skills: skills.map(([skillId, level]) => ({ skillId, level })),
      });
    ids.lift2 = await credential('Lift 2', [[ids.lifting, 2]]);
    ids.fork1 = await credential('Crane 1', [[ids.forklift, 1]]);
    const person = (name: string, team: number, hireDate: string) =>
      post('/api/employees', { name, email: `${name.toLowerCase()}@yard.example`, teamId: team, roleId: ids.loader, hireDate });
    ids.jo = await person('Jo', ids.yard, '2021-03-01');
    ids.ann = await person('Ann', ids.bay, '2021-03-01');
    ids.kit = await person('Kit', ids.bay, start(2));
    await hr
      .patch(`/api/employees/${ids.jo}`)
      .send({ status: 'left', leaveDate: start(3) })
      .expect(200);
    await post('/api/completions', { employeeId: ids.ann, credentialId: ids.lift2, awardedAt: start(5), expiresAt: start(2) });
    ids.annFork = await post('/api/completions', { employeeId: ids.ann, credentialId: ids.fork1, awardedAt: start(3) });
  });
  afterAll(() => sut.close());

  it('writes every month end, answers the changes that reached back, and the trend reads them', async () => {
    // The past hire and leave dates and awards left invalidations; nothing is written yet.
    expect(await count('trend_snapshot_invalidations')).toBeGreaterThan(0);
    const result = await snapshots.refresh();
    expect(result?.months).toEqual(snapshotMonthEnds(today));
    expect(await count('trend_snapshot_months')).toBe(SNAPSHOT_MONTHS);
    expect(await count('trend_snapshot_invalidations')).toBe(0);
    // Nothing left to do: a second refresh writes nothing.
    expect((await snapshots.refresh())?.months).toEqual([]);

    const yard = await trend(hr, `teamId=${ids.yard}&months=7`);
    expect(figures(yard)).toEqual([
      [m[6], 2, 4, 0],
      [m[5], 2, 4, 1],
      [m[4], 2, 4, 1],
      [m[3], 1, 2, 2],
      [m[2], 2, 4, 1],
      [m[1], 2, 4, 1],
      [today, 2, 4, 1],
    ]);
    const lifting = await trend(hr, `skillId=${ids.lifting}&months=7`);
    expect(lifting.points.map((p) => [p.asOf, p.required, p.met])).toEqual([
      [m[6], 2, 0],
      [m[5], 2, 1],
      [m[4], 2, 1],
      [m[3], 1, 1],
      [m[2], 2, 0],
      [m[1], 2, 0],
      [today, 2, 0],
    ]);
    // Lifting levels held: Ann's 2 from m5 to m3.
    expect(lifting.points[1].avgLevel).toBeCloseTo(2 / (lifting.points[1].headcount as number));
    expect(lifting.points[5].avgLevel).toBe(0);

    // The same figures from completions, for the team, the skill and the executive's view.
    expect(await fromCompletions(hr, `teamId=${ids.yard}&months=36`)).toEqual(await trend(hr, `teamId=${ids.yard}&months=36`));
    expect(await fromCompletions(hr, `teamId=${ids.bay}&months=12`)).toEqual(await trend(hr, `teamId=${ids.bay}&months=12`));
    expect(await fromCompletions(hr, `skillId=${ids.forklift}&months=36`)).toEqual(
      await trend(hr, `skillId=${ids.forklift}&months=36`),
    );
    expect(await fromCompletions(exec, `skillId=${ids.lifting}&months=12`)).toEqual(
      await trend(exec, `skillId=${ids.lifting}&months=12`),
    );
    expect((await trend(exec, `teamId=${ids.yard}&months=3`)).points.every((p) => p.suppressed && p.met === null)).toBe(true);
  });

  it('reads the snapshot while it is fresh, and completions for the months a backdated award reaches', async () => {
    await snapshots.refresh();
    // A snapshot is what the trend shows: altered, the trend shows the alteration.
    await sut.dataSource.query(
      'UPDATE trend_snapshots SET met = met + 100 WHERE scope_id = ? AND skill_id = 0 AND month_end = ?',
      [ids.yard, m[4]],
    );
    expect((await trend(hr, `teamId=${ids.yard}&months=7`)).points[2].met).toBe(101);

    // Kit's Lift 2 and Forklift 1, awarded at the start of month m1: m1 and later read otherwise.
    await post('/api/completions', { employeeId: ids.kit, credentialId: ids.lift2, awardedAt: start(1) });
    await post('/api/completions', { employeeId: ids.kit, credentialId: ids.fork1, awardedAt: start(1) });
    expect(await count('trend_snapshot_invalidations')).toBe(2);
    const stale = await trend(hr, `teamId=${ids.yard}&months=7`);
    expect(stale.points[2].met).toBe(101);
    expect(figures(stale).slice(4)).toEqual([
      [m[2], 2, 4, 1],
      [m[1], 2, 4, 3],
      [today, 2, 4, 3],
    ]);
    await snapshots.refresh();
    expect(await count('trend_snapshot_invalidations')).toBe(0);
    const rewritten = await trend(hr, `teamId=${ids.yard}&months=7`);
    // Only the months from the award were rewritten: m4 keeps its alteration.
    expect(rewritten.points[2].met).toBe(101);
    expect(figures(rewritten).slice(4)).toEqual(figures(stale).slice(4));
  });

  it('shows a large scope its stale snapshots, marked, until the refresh rewrites them', async () => {
    await snapshots.refresh();
    const before = await trend(hr, `teamId=${ids.yard}&months=3`);
    expect(before.points.some((p) => p.stale)).toBe(false);
    TREND_LIMITS.liveMaxHeadcount = 1;
    try {
      // Ann's Lift 2 renewed at the start of month m1: m1 reads otherwise, m2 does not.
      await post('/api/completions', { employeeId: ids.ann, credentialId: ids.lift2, awardedAt: addDays(start(1), 1) });
      const stale = await trend(hr, `teamId=${ids.yard}&months=3`);
      expect(stale.points.map((p) => p.stale ?? false)).toEqual([false, true, false]);
      // m1 as it was; today already counts the renewal.
      expect(figures(stale)).toEqual([figures(before)[0], figures(before)[1], [today, 2, 4, 4]]);
      await snapshots.refresh();
      const rewritten = await trend(hr, `teamId=${ids.yard}&months=3`);
      expect(rewritten.points.some((p) => p.stale)).toBe(false);
      expect(figures(rewritten)).toEqual([figures(before)[0], [m[1], 2, 4, 4], [today, 2, 4, 4]]);
      expect(rewritten).toEqual(await fromCompletions(hr, `teamId=${ids.yard}&months=3`));
    } finally {
      TREND_LIMITS.liveMaxHeadcount = 2_000;
    }
  });

  it('rewrites every month end after a change of requirements, and nothing for an award this month', async () => {
    await post('/api/completions', { employeeId: ids.kit, credentialId: ids.lift2, awardedAt: today });
    expect(await count('trend_snapshot_invalidations')).toBe(0);

    await hr
      .patch(`/api/roles/${ids.loader}`)
      .send({ requirements: [{ skillId: ids.lifting, requiredLevel: 2, weight: 2 }] })
      .expect(200);
    expect(await count('trend_snapshot_invalidations')).toBe(1);
    // Stale everywhere: read from completions, under the new requirements.
    const stale = await trend(hr, `teamId=${ids.yard}&months=7`);
    expect(figures(stale)).toEqual([
      [m[6], 2, 2, 0],
      [m[5], 2, 2, 1],
      [m[4], 2, 2, 1],
      [m[3], 1, 1, 1],
      [m[2], 2, 2, 0],
      [m[1], 2, 2, 2],
      [today, 2, 2, 2],
    ]);
    expect((await snapshots.refresh())?.months).toHaveLength(SNAPSHOT_MONTHS);
    expect(await trend(hr, `teamId=${ids.yard}&months=7`)).toEqual(stale);

    // Revoking Ann's forklift badge reaches back to its award (start of m3).
    await hr.patch(`/api/completions/${ids.annFork}`).send({ status: 'revoked', reason: 'issued in error' }).expect(200);
    expect((await snapshots.refresh())?.months).toEqual(snapshotMonthEnds(today).filter((d) => d >= start(3)));
    expect(await fromCompletions(hr, `skillId=${ids.forklift}&months=12`)).toEqual(
      await trend(hr, `skillId=${ids.forklift}&months=12`),
    );
  });

  it('computes a month end it has no snapshot of from completions', async () => {
    await sut.dataSource.query('DELETE FROM trend_snapshots WHERE month_end = ?', [m[2]]);
    await sut.dataSource.query('DELETE FROM trend_snapshot_months WHERE month_end = ?', [m[2]]);
    const body = await trend(hr, `teamId=${ids.yard}&months=3`);
    expect(figures(body)[0]).toEqual([m[2], 2, 2, 0]);
    expect((await snapshots.refresh())?.months).toEqual([m[2]]);
    expect(await fromCompletions(hr, `teamId=${ids.yard}&months=3`)).toEqual(await trend(hr, `teamId=${ids.yard}&months=3`));
  });
});
