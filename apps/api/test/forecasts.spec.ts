import {
  addDays,
  addMonths,
  forecastMonth,
  meanAbsolutePercentageError,
  todayInTimeZone,
  trainingFirstMonth,
  type BacktestDto,
  type ForecastDto,
  type ForecastScenarioDto,
  type ForecastSummaryDto,
} from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { nameKey, utcNow } from '../src/database/column-types';
import { Team } from '../src/modules/teams/team.entity';
import { Role } from '../src/modules/roles/role.entity';
import { RoleRequirement } from '../src/modules/roles/role-requirement.entity';
import { Skill } from '../src/modules/skills/skill.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import { EmploymentPeriod } from '../src/modules/employees/employment-period.entity';
import { Credential } from '../src/modules/credentials/credential.entity';
import { CredentialSkill } from '../src/modules/credentials/credential-skill.entity';
import { Completion } from '../src/modules/completions/completion.entity';
import { Assignment } from '../src/modules/assignments/assignment.entity';
import { HeadcountPlan } from '../src/modules/headcount-plans/headcount-plan.entity';
import { rebuildAnalytics } from '../src/modules/analytics/state/skill-state.sql';

const today = todayInTimeZone('UTC');
const month = (t: number) => forecastMonth(today, t);
const firstOf = (date: string) => `${date.slice(0, 7)}-01`;
const round1 = (value: number) => Math.round((value + Number.EPSILON) * 10) / 10;

/**
 * Welding, on top of the shared fixture (Operations is Mia's tree, Finance is outside it):
 *
 * - Fabrication (under Operations): six active Welders (role needs Welding 3). W1 and W2 hold
 *   "Welding Pro" (level 4, never expires); W3's "Welding Cert" (level 3, 12 months) expires on
 *   the 1st of month 2; W4 has an open assignment of the Cert due at the end of month 3; W5, W6
 *   hold nothing. W7, a Welder, left at the end of the 6th month before this one.
 * - Attrition of Welders: 1 leaver / average headcount over 13 points (7 at the six points before
 *   W7 left, 6 at the other seven) = 1 / (84/13) = 13/84.
 * - Renewal: ten analysts' Certs expired 6 months ago, four renewed 30 days before: 0.4.
 * - Completion rate of the Cert: 5 past-due assignments (3 completed) < 10, so the organisation's
 *   share, 3/5 = 0.6.
 * - Headcount plan: 8 Welders in month 2.
 * Cheapest closing credential: by cost the Cert (200, 20 h), by hours Pro (500, 10 h).
 */
async function seedWelding(sut: TestApp, fx: Fixture) {
  const m = sut.dataSource.manager;
  const now = utcNow();
  const welding = await m.save(
    m.create(Skill, {
      name: 'Welding',
      nameKey: nameKey('Welding'),
      categoryId: fx.skills.forklift.categoryId,
      kind: 'hard',
      description: null,
      externalRef: null,
      status: 'active',
    }),
  );
  const welder = await m.save(
    m.create(Role, {
      name: 'Welder',
      nameKey: nameKey('Welder'),
      family: 'Ops',
      description: null,
      externalRef: null,
      status: 'active',
    }),
  );
  await m.insert(RoleRequirement, { roleId: welder.id, skillId: welding.id, requiredLevel: 3, weight: 3 });
  const fabrication = await m.save(
    m.create(Team, {
      name: 'Fabrication',
      nameKey: nameKey('Fabrication'),
      parentId: fx.teams.operations.id,
      path: '/',
      depth: 1,
      managerId: null,
    }),
  );
  fabrication.path = `${fx.teams.operations.path}${fabrication.id}/`;
  await m.update(Team, { id: fabrication.id }, { path: fabrication.path });

  const person = async (name: string, team: Team, role: Role, leaveDate: string | null = null) => {
    const e = await m.save(
      m.create(Employee, {
        externalId: `W-${name}`,
        name,
        email: `${name.toLowerCase()}@weld.example`,
        teamId: team.id,
        roleId: role.id,
        locationId: fx.location.id,
        hireDate: '2020-01-06',
        status: leaveDate ? 'left' : 'active',
        leaveDate,
        targetRoleId: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await m.insert(EmploymentPeriod, {
      employeeId: e.id,
      teamId: team.id,
      roleId: role.id,
      locationId: fx.location.id,
      startDate: e.hireDate,
      endDate: leaveDate,
    });
    return e;
  };
  const welders: Employee[] = [];
  for (let i = 1; i <= 6; i++) welders.push(await person(`W${i}`, fabrication, welder));
  await person('W7', fabrication, welder, forecastMonth(today, -6));
  const finance = fx.teams.finance;
  const analysts: Employee[] = [];
  for (let i = 1; i <= 10; i++) analysts.push(await person(`Hobby${i}`, finance, fx.roles.analyst));

  const credential = async (name: string, level: number, validityMonths: number | null, hours: number, cost: number) => {
    const c = await m.save(
      m.create(Credential, {
        name,
        nameKey: nameKey(name),
        provider: 'Weld Academy',
        type: 'micro_certification',
        deliveryMethod: 'online_course',
        hours,
        cost,
        validityMonths,
        status: 'active',
        description: null,
        url: null,
        achievementId: null,
        credlyTemplateId: null,
        badgrClassId: null,
      }),
    );
    await m.insert(CredentialSkill, { credentialId: c.id, skillId: welding.id, level });
    return c;
  };
  const cert = await credential('Welding Cert', 3, 12, 20, 200);
  const pro = await credential('Welding Pro', 4, null, 10, 500);
  const completion = (e: Employee, c: Credential, awardedAt: string, expiresAt: string | null) => ({
    employeeId: e.id,
    credentialId: c.id,
    awardedAt,
    expiresAt,
    source: 'manual' as const,
    evidenceUrl: null,
    score: null,
    status: 'valid' as const,
    statusReason: null,
    createdAt: now,
    updatedAt: now,
  });
  const w3Expiry = firstOf(month(2));
  const expired = addMonths(today, -6);
  const renewedOn = addDays(expired, -30);
  await m.insert(Completion, [
    completion(welders[0], pro, addMonths(today, -30), null),
    completion(welders[1], pro, addMonths(today, -30), null),
    completion(welders[2], cert, addMonths(w3Expiry, -12), w3Expiry),
    ...analysts.map((a) => completion(a, cert, addMonths(expired, -12), expired)),
    ...analysts.slice(0, 4).map((a) => completion(a, cert, renewedOn, addMonths(renewedOn, 12))),
  ]);
  const assignment = (e: Employee, assignedAt: string, dueDate: string) => ({
    employeeId: e.id,
    clusterId: null,
    credentialId: cert.id,
    assignedByUserId: null,
    assignedAt,
    dueDate,
    note: null,
    cancelledAt: null,
    createdAt: now,
  });
  await m.insert(Assignment, [
    ...[0, 1, 2, 4, 5].map((i) => assignment(analysts[i], addMonths(today, -8), addMonths(today, -6))),
    assignment(welders[3], addDays(today, -10), month(3)),
  ]);
  await m.insert(HeadcountPlan, { roleId: welder.id, teamId: null, month: firstOf(month(2)), headcount: 8 });
  await rebuildAnalytics(sut.dataSource, today);
  return { welding, welder, fabrication, cert, pro, welders };
}

describe(`forecasts (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let w: Awaited<ReturnType<typeof seedWelding>>;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;
  const attrition = 13 / 84;
  const s = (t: number, annual = attrition) => Math.pow(1 - annual, t / 12);
  /** Baseline supply by hand: W1, W2 for good; W3 until month 2, then renewing at 0.4; W4 from month 3 at 0.6. */
  const baseSupply = (t: number, annual = attrition) => (t === 1 ? 3 : t === 2 ? 2.4 : 3.0) * s(t, annual);
  const demandOf = (t: number) => (t === 2 ? 8 : 6);

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    w = await seedWelding(sut, fx);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
  });
  afterAll(() => sut.close());

  it('forecasts demand, supply, shortfall, hours, cost and the expiry cliff by hand', async () => {
    const body = (await hr.get(`/api/forecast?skillId=${w.welding.id}`).expect(200)).body as ForecastDto;
    expect(body.horizon).toBe(12);
    expect(body.months).toHaveLength(12);
    expect(body.months).toEqual(
      Array.from({ length: 12 }, (_, i) => {
        const t = i + 1;
        const shortfall = round1(Math.max(0, demandOf(t) - baseSupply(t)));
        return {
          month: month(t),
          demand: demandOf(t),
          supply: round1(baseSupply(t)),
          shortfall,
          hours: Math.ceil(shortfall) * 20,
          cost: Math.ceil(shortfall) * 200,
          expiryCliff: t === 1 ? 3 : 2,
        };
      }),
    );
    expect(body.assumptions).toMatchObject({
      positions: 6,
      qualified: 3,
      inPipeline: 1,
      renewalRate: 0.4,
      renewalBasis: 'skill',
      closingCredential: { id: w.cert.id, name: 'Welding Cert', hours: 20, cost: 200 },
      completionRates: [{ credentialId: w.cert.id, credentialName: 'Welding Cert', completionRate: 0.6, basis: 'organisation' }],
    });
    expect(body.assumptions?.roles).toHaveLength(1);
    expect(body.assumptions?.roles[0].annualAttrition).toBeCloseTo(attrition, 10);
    expect(body.assumptions?.roles[0].monthlyAttrition).toBeCloseTo(1 - Math.pow(1 - attrition, 1 / 12), 10);
    expect(body.suppressed).toBe(false);
  });

  it('overrides attrition and picks the closing credential by hours when asked', async () => {
    const body = (await hr.get(`/api/forecast?skillId=${w.welding.id}&attritionRate=0&horizon=4&costBy=hours`).expect(200))
      .body as ForecastDto;
    expect(body.months.map((m) => m.supply)).toEqual([3, 2.4, 3, 3]);
    expect(body.months.map((m) => m.shortfall)).toEqual([3, 5.6, 3, 3]);
    expect(body.months.map((m) => m.hours)).toEqual([30, 60, 30, 30]);
    expect(body.months.map((m) => m.cost)).toEqual([1500, 3000, 1500, 1500]);
    expect(body.assumptions?.roles[0]).toMatchObject({ annualAttrition: 0, attritionSource: 'override' });
    expect(body.assumptions?.closingCredential).toMatchObject({ id: w.pro.id });
  });

  it('scopes by team sub-tree and by role', async () => {
    const byTeam = (await hr.get(`/api/forecast?skillId=${w.welding.id}&teamId=${fx.teams.operations.id}&horizon=2`).expect(200))
      .body as ForecastDto;
    expect(byTeam.months.map((m) => m.supply)).toEqual([round1(baseSupply(1)), round1(baseSupply(2))]);
    expect(byTeam.scope).toMatchObject({ teamId: fx.teams.operations.id, teamName: 'Operations' });
    const elsewhere = (
      await hr.get(`/api/forecast?skillId=${w.welding.id}&teamId=${fx.teams.warehouse.id}&horizon=2`).expect(200)
    ).body as ForecastDto;
    expect(elsewhere.months.map((m) => [m.demand, m.supply])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const byRole = (await hr.get(`/api/forecast?skillId=${w.welding.id}&roleId=${fx.roles.analyst.id}&horizon=1`).expect(200))
      .body as ForecastDto;
    expect(byRole.months[0]).toMatchObject({ demand: 0, supply: 0, shortfall: 0 });
  });

  it('refuses bad input with a message naming the field', async () => {
    const bad = async (query: string, status: number, field: string) => {
      const response = await hr.get(`/api/forecast?${query}`).expect(status);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(response.body.message).toContain(field);
    };
    await bad(`skillId=${w.welding.id}&horizon=0`, 400, 'horizon');
    await bad(`skillId=${w.welding.id}&horizon=37`, 400, 'horizon');
    await bad(`skillId=${w.welding.id}&attritionRate=1.5`, 400, 'attritionRate');
    await bad(`skillId=${w.welding.id}&attritionRate=-0.1`, 400, 'attritionRate');
    await bad('horizon=12', 400, 'skillId');
    await bad('skillId=99999', 404, 'skillId');
    await bad(`skillId=${w.welding.id}&roleId=99999`, 404, 'roleId');
    await bad(`skillId=${w.welding.id}&teamId=99999`, 404, 'teamId');
    await bad(`skillId=${w.welding.id}&costBy=speed`, 400, 'costBy');
    await bad(`skillId=${w.welding.id}&scenario=${encodeURIComponent('{"budget":-5}')}`, 400, 'scenario.budget');
    await bad(
      `skillId=${w.welding.id}&scenario=${encodeURIComponent('{"hiring":[{"roleId":99999,"month":"2026-01","change":1}]}')}`,
      400,
      'scenario.hiring[0].roleId',
    );
    await bad(`skillId=${w.welding.id}&scenario=nope`, 400, 'scenario');
  });

  it('keeps managers to their sub-trees, employees out, and executives to aggregates', async () => {
    await employee.get(`/api/forecast?skillId=${w.welding.id}`).expect(403);
    await employee.get('/api/forecast/summary').expect(403);
    await manager.get(`/api/forecast?skillId=${w.welding.id}&teamId=${fx.teams.finance.id}`).expect(404);
    const own = (await manager.get(`/api/forecast?skillId=${w.welding.id}&horizon=1`).expect(200)).body as ForecastDto;
    expect(own.months[0].supply).toBe(round1(baseSupply(1)));
    const org = (await exec.get(`/api/forecast?skillId=${w.welding.id}&asOf=${forecastMonth(today, 0)}&horizon=1`).expect(200))
      .body as ForecastDto;
    expect(org.suppressed).toBe(false);
    expect(org.months[0].demand).toBe(6);
    await exec.get(`/api/forecast?skillId=${w.welding.id}&asOf=${addDays(forecastMonth(today, 0), -1)}`).expect(400);
    const small = (await exec.get(`/api/forecast?skillId=${w.welding.id}&teamId=${fx.teams.warehouse.id}&horizon=1`).expect(200))
      .body as ForecastDto;
    expect(small.suppressed).toBe(true);
    expect(small.assumptions).toBeNull();
    expect(small.months[0]).toEqual({
      month: small.months[0].month,
      demand: null,
      supply: null,
      shortfall: null,
      hours: null,
      cost: null,
      expiryCliff: null,
    });
  });

  it('saves scenarios per user and answers baseline and scenario side by side', async () => {
    const hiringMonth = month(3).slice(0, 7);
    const created = (
      await hr
        .post('/api/forecast/scenarios')
        .send({
          name: 'Freeze + training',
          attritionRate: 0,
          hiring: [{ roleId: w.welder.id, month: hiringMonth, change: 2 }],
          budget: 450,
        })
        .expect(201)
    ).body as ForecastScenarioDto;
    expect(created).toMatchObject({ name: 'Freeze + training', attritionRate: 0, budget: 450 });

    const body = (await hr.get(`/api/forecast?skillId=${w.welding.id}&horizon=4&scenarioId=${created.id}`).expect(200))
      .body as ForecastDto;
    expect(body.months[0].supply).toBe(round1(baseSupply(1)));
    // Budget 450 buys two Certs (200 each) for W5 and W6: 2 × 0.6 from the month after their 20 hours.
    const from = trainingFirstMonth(today, 20);
    const scenarioSupply = (t: number) => baseSupply(t, 0) + (t >= from ? 1.2 : 0);
    expect(body.scenario?.months.map((m) => m.supply)).toEqual([1, 2, 3, 4].map((t) => round1(scenarioSupply(t))));
    expect(body.scenario?.months.map((m) => m.demand)).toEqual([6, 8, 8, 8]);
    expect(body.scenario).toMatchObject({ id: created.id, name: 'Freeze + training' });
    expect(body.scenario?.assumptions).toMatchObject({ purchases: 2 });

    const inline = (
      await hr
        .get(
          `/api/forecast?skillId=${w.welding.id}&horizon=2&scenario=${encodeURIComponent(JSON.stringify({ attritionRate: 0 }))}`,
        )
        .expect(200)
    ).body as ForecastDto;
    expect(inline.scenario?.months.map((m) => m.supply)).toEqual([3, 2.4]);
    expect(inline.scenario?.id).toBeNull();

    await exec.get(`/api/forecast/scenarios/${created.id}`).expect(404);
    await exec.get(`/api/forecast?skillId=${w.welding.id}&scenarioId=${created.id}`).expect(404);
    await exec.patch(`/api/forecast/scenarios/${created.id}`).send({ name: 'mine' }).expect(404);
    await exec.delete(`/api/forecast/scenarios/${created.id}`).expect(404);
    await manager.get('/api/forecast/scenarios').expect(403);
    await expect(exec.get('/api/forecast/scenarios').then((r) => r.body)).resolves.toEqual([]);

    const renamed = (await hr.patch(`/api/forecast/scenarios/${created.id}`).send({ name: 'Freeze', budget: null }).expect(200))
      .body as ForecastScenarioDto;
    expect(renamed).toMatchObject({ name: 'Freeze', attritionRate: 0 });
    expect(renamed.budget).toBeUndefined();
    await hr.post('/api/forecast/scenarios').send({ name: '', attritionRate: 2 }).expect(400);
    await expect(hr.get('/api/forecast/scenarios').then((r) => r.body.map((x: ForecastScenarioDto) => x.name))).resolves.toEqual([
      'Freeze',
    ]);
    await hr.delete(`/api/forecast/scenarios/${created.id}`).expect(204);
    await hr.get(`/api/forecast/scenarios/${created.id}`).expect(404);
  });

  it('summarises every required skill at months 3, 6 and 12', async () => {
    const body = (await hr.get('/api/forecast/summary').expect(200)).body as ForecastSummaryDto;
    const row = body.skills.find((x) => x.skillId === w.welding.id);
    expect(row?.points.map((p) => [p.monthIndex, p.demand, p.supply])).toEqual(
      [3, 6, 12].map((t) => [t, demandOf(t), round1(baseSupply(t))]),
    );
    const shortfalls = Array.from({ length: 12 }, (_, i) => round1(Math.max(0, demandOf(i + 1) - baseSupply(i + 1))));
    const peak = Math.max(...shortfalls);
    expect(row).toMatchObject({ positions: 6, peakShortfall: peak, costToClose: Math.ceil(peak) * 200, expiryCliffAtHorizon: 2 });
    const forExec = (await exec.get('/api/forecast/summary').expect(200)).body as ForecastSummaryDto;
    expect(forExec.skills.find((x) => x.skillId === w.welding.id)?.suppressed).toBe(false);
    await hr.get('/api/forecast/summary?horizon=40').expect(400);
  });

  it('backtests as of 12 months ago with what was known then', async () => {
    const body = (await hr.get(`/api/forecast/backtest?skillId=${w.welding.id}`).expect(200)).body as BacktestDto;
    const from = addMonths(today, -12);
    expect(body.asOf).toBe(from);
    // Then: W1..W7 in post, W1 and W2 qualified, nobody had left in the year before, no pipeline.
    // Since: W3 qualified from month 2 on.
    const months = Array.from({ length: 12 }, (_, i) => forecastMonth(from, i + 1)).filter((m) => m <= today);
    const expected = months.map((m, i) => ({ month: m, forecast: 2, naive: 2, actual: i === 0 ? 2 : 3 }));
    expect(body.skills).toEqual([
      {
        skillId: w.welding.id,
        skillName: 'Welding',
        months: expected,
        mape: meanAbsolutePercentageError(expected),
        naiveMape: meanAbsolutePercentageError(expected),
      },
    ]);
    expect(body.mape).toBe(meanAbsolutePercentageError(expected));
    const inline = (await hr.get(`/api/forecast?skillId=${w.welding.id}&backtest=true&horizon=1`).expect(200))
      .body as ForecastDto;
    expect(inline.backtest?.skills[0].months).toEqual(expected);
    // Every skill at once reads from the positions, one skill from the credentials granting it: the same rows.
    const all = (await hr.get('/api/forecast/backtest').expect(200)).body as BacktestDto;
    expect(all.skills.find((skill) => skill.skillId === w.welding.id)?.months).toEqual(expected);
    await employee.get('/api/forecast/backtest').expect(403);
  });

  it('shows a write at once (the cache follows the audit log)', async () => {
    const before = (await hr.get(`/api/forecast?skillId=${w.welding.id}&horizon=1`).expect(200)).body as ForecastDto;
    expect(before.assumptions?.qualified).toBe(3);
    await hr.post('/api/completions').send({ employeeId: w.welders[4].id, credentialId: w.pro.id, awardedAt: today }).expect(201);
    const after = (await hr.get(`/api/forecast?skillId=${w.welding.id}&horizon=1`).expect(200)).body as ForecastDto;
    expect(after.assumptions?.qualified).toBe(4);
    expect(after.months[0].expiryCliff).toBe(4);
  });

  it("counts this month's qualified holders exactly when the statistics' date is the 1st", async () => {
    const monthStart = firstOf(today);
    const monthEnd = addDays(firstOf(addMonths(monthStart, 1)), -1);
    // Needs a day of this month after today for a level to end on.
    if (today === monthEnd) return;
    await sut.dataSource.transaction((manager) => rebuildAnalytics(manager, monthStart));
    // W4's Cert ended on the 1st (not held today, nor after R); W6's ends this month, after today.
    const cert = (employeeId: number, expiresAt: string) =>
      hr
        .post('/api/completions')
        .send({ employeeId, credentialId: w.cert.id, awardedAt: addMonths(expiresAt, -12), expiresAt })
        .expect(201);
    await cert(w.welders[3].id, monthStart);
    await cert(w.welders[5].id, monthEnd);
    const body = (await hr.get(`/api/forecast?skillId=${w.welding.id}&horizon=1`).expect(200)).body as ForecastDto;
    // W1, W2, W3 and W5 as before, and W6 (until the month's last day).
    expect(body.assumptions?.qualified).toBe(5);
    expect(body.months[0].expiryCliff).toBe(4);
  });
});
