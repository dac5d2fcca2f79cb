import { addDays, addMonths, endOfMonth, todayInTimeZone, type HeatmapCellDto, type HeatmapDto } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { advanceStats, pruneStats, rebuildAnalytics } from '../src/modules/analytics/state/skill-state.sql';
import { recomputeAnalytics } from '../src/modules/analytics/state/skill-state-rebuild';

/**
 * An organisation built through the API, whose numbers are computed by hand below:
 *
 *   Depot            Dan (Lead)
 *   ├── North        Ava (Picker), Ben (Picker)
 *   │   └── Night    Cal (Picker)
 *   └── South        Eve (Lead), Fox (Picker)
 *
 * Picker needs Picking 3 (weight 3) and Safety 2 (weight 1); Lead needs Picking 4 (weight 2)
 * and Coaching 3 (weight 3).
 */
describe(`skills analytics (${testDialect()})`, () => {
  let sut: TestApp;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;
  const today = todayInTimeZone('UTC');
  const yesterday = addDays(today, -1);
  const ids = {} as Record<string, number>;
  const completionIds = {} as Record<string, number>;

  const post = async (path: string, body: object) => {
    const response = await hr.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id as number;
  };

  beforeAll(async () => {
    sut = await createTestApp();
    await seedFixture(sut.dataSource);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
    const category = await post('/api/skill-categories', { name: 'Logistics' });
    ids.category = category;
    ids.picking = await post('/api/skills', { name: 'Picking', categoryId: category, kind: 'hard' });
    ids.safety = await post('/api/skills', { name: 'Safety', categoryId: category, kind: 'hard' });
    ids.coaching = await post('/api/skills', { name: 'Coaching', categoryId: category, kind: 'soft' });
    ids.picker = await post('/api/roles', {
      name: 'Picker',
      requirements: [
        { skillId: ids.picking, requiredLevel: 3, weight: 3 },
        { skillId: ids.safety, requiredLevel: 2, weight: 1 },
      ],
    });
    ids.lead = await post('/api/roles', {
      name: 'Lead',
      requirements: [
        { skillId: ids.picking, requiredLevel: 4, weight: 2 },
        { skillId: ids.coaching, requiredLevel: 3, weight: 3 },
      ],
    });
    ids.depot = await post('/api/teams', { name: 'Depot' });
    ids.north = await post('/api/teams', { name: 'North', parentId: ids.depot });
    ids.night = await post('/api/teams', { name: 'Night', parentId: ids.north });
    ids.south = await post('/api/teams', { name: 'South', parentId: ids.depot });
    const credential = (name: string, validityMonths: number | null, skills: Array<[number, number]>) =>
      post('/api/credentials', {
        name,
        provider: 'Depot Academy',
        type: 'badge',
        deliveryMethod: 'online_course',
        hours: 4,
        cost: 50,
        validityMonths,
        skills: skills.map(([skillId, level]) => ({ skillId, level })),
      });
    ids.pick3 = await credential('Pick 3', 12, [[ids.picking, 3]]);
    ids.pick4 = await credential('Pick 4', null, [
      [ids.picking, 4],
      [ids.safety, 2],
    ]);
    ids.safety2 = await credential('Safety 2', 24, [[ids.safety, 2]]);
    ids.coach3 = await credential('Coach 3', null, [[ids.coaching, 3]]);
    const person = (name: string, team: number, role: number) =>
      post('/api/employees', {
        name,
        email: `${name.toLowerCase()}@depot.example`,
        teamId: team,
        roleId: role,
        hireDate: '2020-01-06',
      });
    ids.dan = await person('Dan', ids.depot, ids.lead);
    ids.ava = await person('Ava', ids.north, ids.picker);
    ids.ben = await person('Ben', ids.north, ids.picker);
    ids.cal = await person('Cal', ids.night, ids.picker);
    ids.eve = await person('Eve', ids.south, ids.lead);
    ids.fox = await person('Fox', ids.south, ids.picker);
    const award = (key: string, employeeId: number, credentialId: number, awardedAt: string, expiresAt?: string) =>
      post('/api/completions', { employeeId, credentialId, awardedAt, ...(expiresAt ? { expiresAt } : {}) }).then((id) => {
        completionIds[key] = id;
      });
    await award('danPick4', ids.dan, ids.pick4, addDays(today, -100));
    await award('danCoach', ids.dan, ids.coach3, addDays(today, -90));
    // Ava's picking ends tomorrow: held today, gone from tomorrow.
    await award('avaPick3', ids.ava, ids.pick3, addDays(today, -360), addDays(today, 1));
    await award('avaSafety', ids.ava, ids.safety2, addDays(today, -30));
    await award('benPick3', ids.ben, ids.pick3, addMonths(today, -24));
    await award('benSafety', ids.ben, ids.safety2, addDays(today, -30));
    await award('calPick4', ids.cal, ids.pick4, addDays(today, -200));
    await award('evePick3', ids.eve, ids.pick3, addDays(today, -10));
  });
  afterAll(() => sut.close());

  const heatmap = async (agent: Agent, query: string): Promise<HeatmapDto> =>
    (await agent.get(`/api/analytics/heatmap?${query}`).expect(200)).body as HeatmapDto;
  const cell = (map: HeatmapDto, groupId: number, skillId: number): Omit<HeatmapCellDto, 'groupId' | 'skillId'> | undefined => {
    const found = map.cells.find((c) => c.groupId === groupId && c.skillId === skillId);
    if (!found) return undefined;
    const { groupId: _g, skillId: _s, ...figures } = found;
    return figures;
  };
  const figures = (holders: number[], headcount: number, required: number, met: number, gapPoints: number) => ({
    headcount,
    holders,
    avgLevel: holders.reduce((a, b) => a + b, 0) / headcount,
    required,
    met,
    coverage: required === 0 ? null : met / required,
    gapPoints,
    suppressed: false,
  });

  describe('heatmap', () => {
    it("groups Depot's child teams with their sub-teams, plus Depot's own members, with every §3 figure", async () => {
      const map = await heatmap(hr, `groupBy=team&teamId=${ids.depot}&category=${ids.category}`);
      expect(map.asOf).toBe(today);
      expect(map.groups).toEqual([
        { id: ids.north, name: 'North', hasChildren: true, headcount: 3, withCredentials: 3, completeness: 1, suppressed: false },
        {
          id: ids.south,
          name: 'South',
          hasChildren: false,
          headcount: 2,
          withCredentials: 1,
          completeness: 0.5,
          suppressed: false,
        },
        {
          id: ids.depot,
          name: 'Depot (direct)',
          direct: true,
          hasChildren: false,
          headcount: 1,
          withCredentials: 1,
          completeness: 1,
          suppressed: false,
        },
      ]);
      expect(map.skills.map((s) => s.name)).toEqual(['Coaching', 'Picking', 'Safety']);
      // North: Ava 3, Ben 0 (expired), Cal 4; all Pickers needing 3.
      expect(cell(map, ids.north, ids.picking)).toEqual(figures([2, 2, 2, 1, 0], 3, 3, 2, 3));
      expect(cell(map, ids.north, ids.safety)).toEqual(figures([3, 3, 0, 0, 0], 3, 3, 3, 0));
      expect(cell(map, ids.north, ids.coaching)).toBeUndefined();
      // South: Eve 3 (Lead needs 4), Fox 0 (Picker needs 3).
      expect(cell(map, ids.south, ids.picking)).toEqual(figures([1, 1, 1, 0, 0], 2, 2, 0, 4));
      expect(cell(map, ids.south, ids.safety)).toEqual(figures([0, 0, 0, 0, 0], 2, 1, 0, 2));
      expect(cell(map, ids.south, ids.coaching)).toEqual(figures([0, 0, 0, 0, 0], 2, 1, 0, 3));
      // Dan: Picking 4, Safety 2 (not required of a Lead), Coaching 3.
      expect(cell(map, ids.depot, ids.picking)).toEqual(figures([1, 1, 1, 1, 0], 1, 1, 1, 0));
      expect(cell(map, ids.depot, ids.safety)).toEqual(figures([1, 1, 0, 0, 0], 1, 0, 0, 0));
      expect(cell(map, ids.depot, ids.coaching)).toEqual(figures([1, 1, 1, 0, 0], 1, 1, 1, 0));
    });

    it('answers an as-of date in the future by expiry and one in the past from history, alike', async () => {
      const tomorrow = await heatmap(hr, `groupBy=team&teamId=${ids.depot}&asOf=${addDays(today, 1)}`);
      expect(cell(tomorrow, ids.north, ids.picking)).toEqual(figures([1, 1, 1, 1, 0], 3, 3, 1, 6));
      const now = await heatmap(hr, `groupBy=team&teamId=${ids.depot}`);
      const before = await heatmap(hr, `groupBy=team&teamId=${ids.depot}&asOf=${yesterday}`);
      expect(before.cells).toEqual(now.cells);
      expect(before.groups).toEqual(now.groups);
      // Before any of the people were hired, nobody is counted.
      const empty = await heatmap(hr, `groupBy=team&teamId=${ids.depot}&asOf=2019-06-30`);
      expect(empty.cells).toEqual([]);
      expect(empty.groups.map((g) => g.headcount)).toEqual([0, 0]);
    });

    it('groups teams without sub-teams, and by role and location', async () => {
      const own = await heatmap(hr, `groupBy=team&teamId=${ids.depot}&includeSubteams=false`);
      expect(own.groups.find((g) => g.id === ids.north)?.headcount).toBe(2);
      expect(cell(own, ids.north, ids.picking)).toEqual(figures([1, 1, 1, 0, 0], 2, 2, 1, 3));
      const byRole = await heatmap(hr, `groupBy=role&teamId=${ids.depot}`);
      expect(byRole.groups.map((g) => [g.name, g.headcount])).toEqual([
        ['Lead', 2],
        ['Picker', 4],
      ]);
      expect(cell(byRole, ids.picker, ids.picking)).toEqual(figures([2, 2, 2, 1, 0], 4, 4, 2, 6));
      expect(cell(byRole, ids.lead, ids.picking)).toEqual(figures([2, 2, 2, 1, 0], 2, 2, 1, 1));
      const byLocation = await heatmap(hr, `groupBy=location&teamId=${ids.depot}&kind=soft`);
      expect(byLocation.groups).toEqual([expect.objectContaining({ id: 0, name: 'No location', headcount: 6 })]);
      expect(byLocation.skills.map((s) => s.name)).toEqual(['Coaching']);
      expect(cell(byLocation, 0, ids.coaching)).toEqual(figures([1, 1, 1, 0, 0], 6, 2, 1, 3));
    });
  });

  describe('gap report and single points of failure', () => {
    it('sums gaps per skill with weights, critical skills first, and lists the people short', async () => {
      const report = (await hr.get(`/api/analytics/gaps?teamId=${ids.depot}`).expect(200)).body;
      expect(report).toMatchObject({
        asOf: today,
        scope: { kind: 'team', id: ids.depot, name: 'Depot' },
        headcount: 6,
        suppressed: false,
      });
      expect(
        report.skills.map((s: Record<string, unknown>) => [
          s.skillName,
          s.requiredLevel,
          s.weight,
          s.required,
          s.met,
          s.gapPoints,
          s.weightedGapPoints,
        ]),
      ).toEqual([
        ['Picking', 4, 3, 6, 3, 7, 20],
        ['Coaching', 3, 3, 2, 1, 3, 9],
        ['Safety', 2, 1, 4, 3, 2, 2],
      ]);
      expect(report.employees.total).toBe(3);
      expect(
        report.employees.items.map((e: Record<string, unknown>) => [e.name, e.gapPoints, e.weightedGapPoints, e.readiness]),
      ).toEqual([
        ['Eve', 4, 11, 0],
        ['Fox', 5, 11, 0],
        ['Ben', 3, 9, 0.25],
      ]);
      expect(report.employees.items[1].gaps).toEqual([
        { skillId: ids.picking, skillName: 'Picking', requiredLevel: 3, currentLevel: 0, gapPoints: 3, weight: 3 },
        { skillId: ids.safety, skillName: 'Safety', requiredLevel: 2, currentLevel: 0, gapPoints: 2, weight: 1 },
      ]);
      const byName = (await hr.get(`/api/analytics/gaps?teamId=${ids.depot}&sort=name&pageSize=2`).expect(200)).body;
      expect(byName.employees.items.map((e: { name: string }) => e.name)).toEqual(['Ben', 'Eve']);
      const byRole = (await hr.get(`/api/analytics/gaps?roleId=${ids.lead}`).expect(200)).body;
      expect(byRole.skills.map((s: Record<string, unknown>) => [s.skillName, s.gapPoints])).toEqual([
        ['Coaching', 3],
        ['Picking', 1],
      ]);
      const one = (await hr.get(`/api/analytics/gaps?employeeId=${ids.eve}`).expect(200)).body;
      expect(one.skills.map((s: Record<string, unknown>) => [s.skillName, s.currentLevel ?? s.met, s.gapPoints])).toEqual([
        ['Coaching', 0, 3],
        ['Picking', 0, 1],
      ]);
    });

    it('finds skills with at most one holder at the level needed, naming the holder', async () => {
      const rows = (await hr.get(`/api/analytics/single-points-of-failure?teamId=${ids.depot}`).expect(200)).body;
      expect(rows.map((r: Record<string, unknown>) => [r.teamName, r.skillName, r.requiredLevel, r.holders])).toEqual([
        ['South', 'Coaching', 3, 0],
        ['South', 'Picking', 4, 0],
        ['South', 'Safety', 2, 0],
        ['Depot', 'Coaching', 3, 1],
      ]);
      expect(rows[3].holderEmployees).toEqual([{ id: ids.dan, name: 'Dan' }]);
    });

    it('reports capability targets as met or short by how many', async () => {
      const created = await hr
        .post('/api/capability-targets')
        .send({ teamId: ids.north, skillId: ids.picking, minLevel: 3, requiredCount: 3 })
        .expect(201);
      await hr
        .post('/api/capability-targets')
        .send({ teamId: ids.north, skillId: ids.picking, minLevel: 2, requiredCount: 1 })
        .expect(409);
      const bad = await hr
        .post('/api/capability-targets')
        .send({ teamId: ids.north, skillId: ids.picking, minLevel: 7, requiredCount: 0 })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['minLevel', 'requiredCount']);
      await manager
        .post('/api/capability-targets')
        .send({ teamId: ids.north, skillId: ids.safety, minLevel: 1, requiredCount: 1 })
        .expect(403);
      const report = (await hr.get(`/api/analytics/capability-targets?teamId=${ids.depot}`).expect(200)).body;
      expect(report).toEqual([
        expect.objectContaining({
          id: created.body.id,
          teamName: 'North',
          skillName: 'Picking',
          holders: 2,
          met: false,
          short: 1,
        }),
      ]);
      await hr.patch(`/api/capability-targets/${created.body.id}`).send({ requiredCount: 2 }).expect(200);
      const after = (await hr.get(`/api/analytics/capability-targets?teamId=${ids.depot}`).expect(200)).body;
      expect(after[0]).toMatchObject({ holders: 2, met: true, short: 0 });
    });
  });

  describe('people views', () => {
    it("shows a team's people × skills, experts, expiring credentials and the coverage trend", async () => {
      const matrix = (await hr.get(`/api/analytics/matrix?teamId=${ids.north}`).expect(200)).body;
      expect(matrix.people.map((p: { name: string; readiness: number }) => [p.name, p.readiness])).toEqual([
        ['Ava', 1],
        ['Ben', 0.25],
        ['Cal', 1],
      ]);
      expect(matrix.skills.map((s: { name: string }) => s.name)).toEqual(['Picking', 'Safety']);
      expect(matrix.cells).toContainEqual({
        employeeId: ids.ava,
        skillId: ids.picking,
        level: 3,
        requiredLevel: 3,
        expiresAt: addDays(today, 1),
      });
      expect(matrix.cells).toContainEqual({
        employeeId: ids.ben,
        skillId: ids.picking,
        level: 0,
        requiredLevel: 3,
        expiresAt: null,
      });

      const experts = (await hr.get(`/api/analytics/experts?skillId=${ids.picking}&minLevel=4`).expect(200)).body;
      expect(
        experts.items.map((e: { name: string; level: number; validUntil: null }) => [e.name, e.level, e.validUntil]),
      ).toEqual([
        ['Cal', 4, null],
        ['Dan', 4, null],
      ]);
      const expiring = (await hr.get(`/api/analytics/expiring?withinDays=30&teamId=${ids.depot}`).expect(200)).body;
      expect(expiring.items).toEqual([
        expect.objectContaining({
          completionId: completionIds.avaPick3,
          employeeName: 'Ava',
          credentialName: 'Pick 3',
          daysLeft: 1,
        }),
      ]);
      expect(expiring.total).toBe(1);
      const overview = (await hr.get(`/api/analytics/overview?teamId=${ids.depot}`).expect(200)).body;
      expect(overview).toMatchObject({
        headcount: 6,
        withCredentials: 5,
        required: 12,
        met: 7,
        coverage: 7 / 12,
        singlePointsOfFailure: 4,
        expiringIn90Days: 1,
        suppressed: false,
      });
      expect(overview.topGaps.map((g: { skillName: string }) => g.skillName)).toEqual(['Picking', 'Coaching', 'Safety']);

      const trend = (await hr.get(`/api/analytics/trend?teamId=${ids.depot}&months=3`).expect(200)).body;
      expect(trend.points).toHaveLength(3);
      // Twelve requirements (4 Pickers × 2, 2 Leads × 2); met: Dan 2, Ava 2, Ben 1, Cal 2.
      expect(trend.points[2]).toMatchObject({ asOf: today, headcount: 6, required: 12, met: 7, coverage: 7 / 12 });
    });
  });

  describe('writes keep the numbers right', () => {
    it('follows recording, correcting and revoking completions and moving and losing people', async () => {
      const north = () => heatmap(hr, `groupBy=team&teamId=${ids.depot}`);
      const withCredentials = async () =>
        (await hr.get(`/api/analytics/overview?teamId=${ids.depot}`).expect(200)).body.withCredentials as number;
      expect(await withCredentials()).toBe(5);
      // Fox earns Pick 3, his first credential: South Picking now Eve 3, Fox 3.
      await post('/api/completions', { employeeId: ids.fox, credentialId: ids.pick3, awardedAt: today });
      expect(cell(await north(), ids.south, ids.picking)).toEqual(figures([2, 2, 2, 0, 0], 2, 2, 1, 1));
      expect(await withCredentials()).toBe(6);
      // Ben's expired licence is corrected to a valid one.
      await hr
        .patch(`/api/completions/${completionIds.benPick3}`)
        .send({ expiresAt: addMonths(today, 3) })
        .expect(200);
      expect(cell(await north(), ids.north, ids.picking)).toEqual(figures([3, 3, 3, 1, 0], 3, 3, 3, 0));
      // Cal's Pick 4 is revoked: Picking and Safety both drop to 0.
      await hr
        .patch(`/api/completions/${completionIds.calPick4}`)
        .send({ status: 'revoked', reason: 'issued in error' })
        .expect(200);
      let map = await north();
      expect(cell(map, ids.north, ids.picking)).toEqual(figures([2, 2, 2, 0, 0], 3, 3, 2, 3));
      expect(cell(map, ids.north, ids.safety)).toEqual(figures([2, 2, 0, 0, 0], 3, 3, 2, 2));
      // It was Cal's only credential.
      expect(await withCredentials()).toBe(5);
      // Fox moves to Night (under North).
      await hr.patch(`/api/employees/${ids.fox}`).send({ teamId: ids.night }).expect(200);
      map = await north();
      expect(cell(map, ids.north, ids.picking)).toEqual(figures([3, 3, 3, 0, 0], 4, 4, 3, 3));
      expect(cell(map, ids.south, ids.picking)).toEqual(figures([1, 1, 1, 0, 0], 1, 1, 0, 1));
      // Eve leaves: South is empty.
      await hr.patch(`/api/employees/${ids.eve}`).send({ status: 'left' }).expect(200);
      map = await north();
      expect(map.groups.find((g) => g.id === ids.south)?.headcount).toBe(0);
      expect(map.cells.filter((c) => c.groupId === ids.south)).toEqual([]);
      const spof = (await hr.get(`/api/analytics/single-points-of-failure?teamId=${ids.depot}`).expect(200)).body;
      expect(spof.map((r: Record<string, unknown>) => [r.teamName, r.skillName, r.holders])).toEqual([
        ['Depot', 'Coaching', 1],
        ['Depot', 'Picking', 1],
      ]);
      // A role's requirements change: Pickers now need Picking 2.
      await hr
        .patch(`/api/roles/${ids.picker}`)
        .send({
          requirements: [
            { skillId: ids.picking, requiredLevel: 2, weight: 3 },
            { skillId: ids.safety, requiredLevel: 2, weight: 1 },
          ],
        })
        .expect(200);
      expect(cell(await north(), ids.north, ids.picking)).toEqual(figures([3, 3, 3, 0, 0], 4, 4, 3, 2));
      // Night (Cal, Fox) moves from North to South.
      await hr.patch(`/api/teams/${ids.night}`).send({ parentId: ids.south }).expect(200);
      map = await north();
      expect(cell(map, ids.north, ids.picking)).toEqual(figures([2, 2, 2, 0, 0], 2, 2, 2, 0));
      expect(cell(map, ids.south, ids.picking)).toEqual(figures([1, 1, 1, 0, 0], 2, 2, 1, 2));
    });

    it('takes a renewed credential off the expiring list, and puts it back when the renewal is revoked', async () => {
      const expiring = async () => (await hr.get(`/api/analytics/expiring?withinDays=30&teamId=${ids.north}`).expect(200)).body;
      const inOverview = async () =>
        (await hr.get(`/api/analytics/overview?teamId=${ids.north}`).expect(200)).body.expiringIn90Days as number;
      // North is now Ava and Ben; Ava's Pick 3 ends tomorrow, Ben's in three months.
      const nextWeek = async () =>
        cell(await heatmap(hr, `groupBy=team&teamId=${ids.depot}&asOf=${addDays(today, 7)}`), ids.north, ids.picking)?.holders;
      const before = await expiring();
      const counted = await inOverview();
      expect(before.items.map((item: { completionId: number }) => item.completionId)).toEqual([completionIds.avaPick3]);
      expect(await nextWeek()).toEqual([1, 1, 1, 0, 0]);

      const renewal = await post('/api/completions', { employeeId: ids.ava, credentialId: ids.pick3, awardedAt: today });
      await expect(expiring()).resolves.toMatchObject({ items: [], total: 0 });
      await expect(inOverview()).resolves.toBe(counted - 1);
      expect(await nextWeek()).toEqual([2, 2, 2, 0, 0]);

      await hr.patch(`/api/completions/${renewal}`).send({ status: 'revoked', reason: 'entered twice' }).expect(200);
      await expect(expiring()).resolves.toEqual(before);
      await expect(inOverview()).resolves.toBe(counted);
      expect(await nextWeek()).toEqual([1, 1, 1, 0, 0]);
      // Moved onto the date of Ava's first Pick 3, it would be the same completion twice.
      const clash = await hr
        .patch(`/api/completions/${renewal}`)
        .send({ awardedAt: addDays(today, -360) })
        .expect(409);
      expect(clash.body.code).toBe('DUPLICATE_COMPLETION');
    });

    it("keeps count when one person's completions are recorded at the same time", async () => {
      const responses = await Promise.all(
        [ids.coach3, ids.pick4, ids.safety2].map((credentialId, i) =>
          hr.post('/api/completions').send({ employeeId: ids.ben, credentialId, awardedAt: addDays(today, -5 - i) }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
      // North: Ava at Picking 3, Ben now at Picking 4 and Coaching 3 (the rebuild below checks every row).
      const map = await heatmap(hr, `groupBy=team&teamId=${ids.depot}`);
      expect(cell(map, ids.north, ids.picking)?.holders).toEqual([2, 2, 2, 1, 0]);
      expect(cell(map, ids.north, ids.coaching)?.holders).toEqual([1, 1, 1, 0, 0]);
    });

    it('keeps rollups equal to a rebuild from scratch', async () => {
      const snapshot = async () =>
        Promise.all(
          [
            'skill_stats',
            'headcount_stats',
            'expiry_stats',
            'qualified_stats',
            'renewal_stats',
            'rollup_members',
            'assignment_progress',
            'employee_skill_levels',
            'team_closure',
            'rollup_state',
          ].map(async (table) =>
            ((await sut.dataSource.query(`SELECT * FROM ${table}`)) as Array<Record<string, unknown>>)
              .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]))))
              .sort(),
          ),
        );
      await pruneStats(sut.dataSource);
      const maintained = await snapshot();
      await sut.dataSource.transaction((manager) => rebuildAnalytics(manager, today));
      expect(await snapshot()).toEqual(maintained);
      // And the in-memory rebuild writes the same rows.
      await sut.dataSource.transaction((manager) => recomputeAnalytics(manager, today));
      expect(await snapshot()).toEqual(maintained);
      // Statistics, expiries, qualified holders and renewals were there to compare.
      expect(maintained[0].length).toBeGreaterThan(0);
      expect(maintained[2].length).toBeGreaterThan(0);
      expect(maintained[3].length).toBeGreaterThan(0);
      expect(maintained[4].length).toBeGreaterThan(0);
      // What a credential grants changes (all its history with it), and changes back.
      for (const skills of [
        [
          { skillId: ids.picking, level: 3 },
          { skillId: ids.safety, level: 2 },
        ],
        [{ skillId: ids.picking, level: 3 }],
      ]) {
        await hr.patch(`/api/credentials/${ids.pick3}`).send({ skills }).expect(200);
        await pruneStats(sut.dataSource);
        const regranted = await snapshot();
        await sut.dataSource.transaction((manager) => rebuildAnalytics(manager, today));
        expect(await snapshot()).toEqual(regranted);
        await sut.dataSource.transaction((manager) => recomputeAnalytics(manager, today));
        expect(await snapshot()).toEqual(regranted);
      }
    });

    it('gives the same answers from statistics dated long ago, and after moving their date forward', async () => {
      const query = `groupBy=team&teamId=${ids.depot}`;
      const current = await heatmap(hr, query);
      const later = await heatmap(hr, `${query}&asOf=${addMonths(today, 14)}`);
      await sut.dataSource.transaction((manager) => rebuildAnalytics(manager, addDays(today, -400)));
      expect(await heatmap(hr, query)).toEqual(current);
      expect(await heatmap(hr, `${query}&asOf=${addMonths(today, 14)}`)).toEqual(later);
      await sut.dataSource.transaction((manager) => recomputeAnalytics(manager, addDays(today, -400)));
      expect(await heatmap(hr, query)).toEqual(current);
      expect(await heatmap(hr, `${query}&asOf=${addMonths(today, 14)}`)).toEqual(later);
      await expect(sut.dataSource.transaction((manager) => advanceStats(manager, testDialect(), today))).resolves.toBe(true);
      expect(await heatmap(hr, query)).toEqual(current);
      const [state] = await sut.dataSource.query('SELECT valid_on AS d FROM rollup_state');
      expect(String(state.d).slice(0, 10)).toBe(today);
    });
  });

  describe('who may see what', () => {
    it('gives executives aggregates only, small groups suppressed, month ends only', async () => {
      await exec
        .get(`/api/analytics/heatmap?teamId=${ids.depot}&asOf=${today === endOfMonth(today) ? addDays(today, -1) : today}`)
        .expect(400);
      await exec.get(`/api/analytics/heatmap?teamId=${ids.depot}&includeSubteams=false`).expect(400);
      const map = await heatmap(exec, `groupBy=team&teamId=${ids.depot}`);
      expect(map.asOf).toBe(endOfMonth(today));
      expect(map.privacyMinGroup).toBe(5);
      for (const group of map.groups) expect(group).toMatchObject({ headcount: null, completeness: null, suppressed: true });
      for (const c of map.cells)
        expect(c).toMatchObject({
          suppressed: true,
          headcount: null,
          holders: null,
          avgLevel: null,
          coverage: null,
          gapPoints: null,
        });
      const top = await heatmap(exec, 'groupBy=team');
      const depot = top.groups.find((g) => g.id === ids.depot);
      expect(depot).toMatchObject({ suppressed: false });
      const coaching = cell(top, ids.depot, ids.coaching);
      expect(coaching).toMatchObject({ suppressed: false, required: 1, met: null, coverage: null, gapPoints: null });
      expect(JSON.stringify(top)).not.toMatch(/Dan|Ava|Ben|Cal|Eve|Fox/);
      await exec.get(`/api/analytics/matrix?teamId=${ids.depot}`).expect(403);
      await exec.get(`/api/analytics/experts?skillId=${ids.picking}`).expect(403);
      const gaps = (await exec.get(`/api/analytics/gaps?teamId=${ids.depot}`).expect(200)).body;
      expect(gaps.employees).toBeNull();
      const spof = (await exec.get('/api/analytics/single-points-of-failure').expect(200)).body;
      expect(JSON.stringify(spof)).not.toMatch(/Dan|Ava|Ben|Cal|Eve|Fox/);
      const expiring = (await exec.get('/api/analytics/expiring').expect(200)).body;
      expect(expiring.items).toEqual([]);
      const trend = (await exec.get(`/api/analytics/trend?teamId=${ids.depot}&months=3`).expect(200)).body;
      expect(trend.points.map((p: { asOf: string }) => p.asOf)).toEqual([
        endOfMonth(addMonths(today, -2)),
        endOfMonth(addMonths(today, -1)),
        endOfMonth(today),
      ]);
    });

    it('keeps managers in their tree and employees out', async () => {
      for (const path of [
        `heatmap?teamId=${ids.depot}`,
        `matrix?teamId=${ids.north}`,
        `gaps?teamId=${ids.depot}`,
        `single-points-of-failure?teamId=${ids.depot}`,
        `expiring?teamId=${ids.depot}`,
        `trend?teamId=${ids.depot}`,
        `overview?teamId=${ids.depot}`,
        `experts?skillId=${ids.picking}&teamId=${ids.depot}`,
        `capability-targets?teamId=${ids.depot}`,
      ])
        await manager.get(`/api/analytics/${path}`).expect(404);
      await manager.get(`/api/analytics/gaps?employeeId=${ids.dan}`).expect(404);
      const own = await heatmap(manager, 'groupBy=team');
      expect(own.groups.map((g) => g.name)).toEqual(['Operations']);
      const experts = (await manager.get(`/api/analytics/experts?skillId=${ids.picking}&minLevel=1`).expect(200)).body;
      expect(experts.total).toBe(0);
      for (const path of ['heatmap', 'overview', `matrix?teamId=${ids.north}`, 'gaps', 'single-points-of-failure', 'expiring'])
        await employee.get(`/api/analytics/${path}`).expect(403);
    });

    it('refuses bad input with the field named, never a 500', async () => {
      const check = async (path: string, status: number, field?: string) => {
        const response = await hr.get(`/api/analytics/${path}`).expect(status);
        if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      };
      await check('heatmap?groupBy=skill', 400, 'groupBy');
      await check('heatmap?asOf=2026-02-30', 400, 'asOf');
      await check('heatmap?teamId=abc', 400, 'teamId');
      await check('heatmap?includeSubteams=maybe', 400, 'includeSubteams');
      await check('heatmap?category=999999', 404);
      await check('heatmap?teamId=999999', 404);
      await check(`experts?skillId=${ids.picking}&minLevel=7`, 400, 'minLevel');
      await check('experts', 400, 'skillId');
      await check(`gaps?teamId=${ids.depot}&pageSize=100000`, 400, 'pageSize');
      await check(`gaps?teamId=${ids.depot}&roleId=${ids.lead}`, 400, 'teamId');
      await check('expiring?withinDays=0', 400, 'withinDays');
      await check('trend', 400, 'teamId');
      await check('trend?skillId=1&months=99', 400, 'months');
      await check('matrix', 400, 'teamId');
    });
  });
});
