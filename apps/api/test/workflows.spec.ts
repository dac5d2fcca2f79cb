import {
  addDays,
  todayInTimeZone,
  type AssignmentDto,
  type ClusterDto,
  type CreateAssignmentsResultDto,
  type EffectivenessDto,
  type NotificationsDto,
  type RecommendationDto,
  type TeamClusterRecommendationsDto,
} from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Assignment } from '../src/modules/assignments/assignment.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import { EmploymentPeriod } from '../src/modules/employees/employment-period.entity';

/**
 * Assignments, recommendations, effectiveness and notifications on the fixture organisation
 * (support/fixture.ts): Mia manages Operations (Warehouse, managed by Wes, with Ada, Ann, and
 * Night shift with Ned); Finance (Fay, Finn) is outside her tree. Operatives need Forklift 3
 * (weight 3) and Teamwork 2 (weight 1). Ada's forklift licence expired; she has Teamwork 2.
 * Wes holds a valid forklift licence.
 */
describe(`assignments, recommendations, effectiveness and notifications (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;
  const today = todayInTimeZone('UTC');
  const ids = {} as Record<string, number>;

  const created = async (agent: Agent, path: string, body: object) => {
    const response = await agent.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const assignmentCount = () => sut.dataSource.getRepository(Assignment).count();
  const record = (employeeId: number, credentialId: number, awardedAt: string, expiresAt?: string) =>
    created(hr, '/api/completions', { employeeId, credentialId, awardedAt, ...(expiresAt ? { expiresAt } : {}) });

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
    ids.cluster = (
      await created(hr, '/api/clusters', {
        name: 'Warehouse starter',
        purpose: 'role',
        credentialIds: [fx.credentials.forkliftLicence.id, fx.credentials.teamworkBadge.id],
      })
    ).id;
  });
  afterAll(() => sut.close());

  it('lists a cluster with its credentials in order and the skills it grants in total', async () => {
    const cluster = (await employee.get(`/api/clusters/${ids.cluster}`).expect(200)).body as ClusterDto;
    expect(cluster.credentials.map((c) => c.credentialName)).toEqual(['Forklift Licence', 'Teamwork Essentials']);
    expect(cluster.skills.map((s) => [s.skillName, s.level])).toEqual([
      ['Forklift', 3],
      ['Teamwork', 2],
    ]);
  });

  describe('team cluster recommendations', () => {
    it('ranks clusters by weighted gap points closed per hour in the team', async () => {
      ids.sqlCluster = (
        await created(hr, '/api/clusters', {
          name: 'Data basics',
          purpose: 'cross_skilling',
          credentialIds: [fx.credentials.sqlBasics.id],
        })
      ).id;
      ids.teamworkOnly = (
        await created(hr, '/api/clusters', {
          name: 'Teamwork',
          purpose: 'role',
          credentialIds: [fx.credentials.teamworkBadge.id],
        })
      ).id;
      const result = (await manager.get(`/api/teams/${fx.teams.warehouse.id}/cluster-recommendations`).expect(200))
        .body as TeamClusterRecommendationsDto;
      // Wes (Forklift 3, Teamwork 0), Ada (0, 2), Ann (0, 0), Ned (0, 0): forklift 3 × weight 3 for
      // Ada, Ann and Ned = 27; teamwork 2 × weight 1 for Wes, Ann and Ned = 6.
      expect(result.headcount).toBe(4);
      expect(result.weightedGapPoints).toBe(33);
      expect(result.items.map((i) => [i.name, i.weightedGapPointsClosed, i.people, i.totalHours, i.perHour])).toEqual([
        ['Warehouse starter', 33, 4, 16, 2.063],
        ['Teamwork', 6, 3, 8, 0.75],
      ]);
      // SQL is not required by anyone in the warehouse: the data cluster closes nothing and is left out.
      await manager.get(`/api/teams/${fx.teams.finance.id}/cluster-recommendations`).expect(404);
      await employee.get(`/api/teams/${fx.teams.warehouse.id}/cluster-recommendations`).expect(403);
    });
  });

  describe('assignments', () => {
    it('assigns a cluster to two people in the manager’s tree, with progress from completions', async () => {
      const dueDate = addDays(today, 30);
      const result = (
        await manager
          .post('/api/assignments')
          .send({
            employeeIds: [fx.people.ada.id, fx.people.ann.id],
            clusterId: ids.cluster,
            dueDate,
            note: 'Before peak season',
          })
          .expect(201)
      ).body as CreateAssignmentsResultDto;
      expect(result.total).toBe(2);
      expect(result.skipped).toEqual([]);
      expect(result.items.map((a) => [a.employeeName, a.status, a.done, a.total, a.dueDate, a.assignedAt, a.note])).toEqual([
        ['Ada', 'assigned', 0, 2, dueDate, today, 'Before peak season'],
        ['Ann', 'assigned', 0, 2, dueDate, today, 'Before peak season'],
      ]);
      expect(result.items[0].steps.map((s) => s.credentialName)).toEqual(['Forklift Licence', 'Teamwork Essentials']);
      expect(result.items[0].assignedByName).toBe('Mia');
      ids.adaAssignment = result.items[0].id;
      ids.annAssignment = result.items[1].id;

      // Ada's Teamwork badge from 2024 predates the assignment and does not count; a new licence does.
      await record(fx.people.ada.id, fx.credentials.forkliftLicence.id, today);
      let ada = (await employee.get(`/api/assignments?employeeId=${fx.people.ada.id}`).expect(200)).body
        .items[0] as AssignmentDto;
      expect([ada.status, ada.done, ada.total]).toEqual(['in_progress', 1, 2]);
      expect(ada.steps.map((s) => s.completedAt)).toEqual([today, null]);
      await record(fx.people.ada.id, fx.credentials.teamworkBadge.id, today);
      ada = (await employee.get(`/api/assignments?employeeId=${fx.people.ada.id}`).expect(200)).body.items[0] as AssignmentDto;
      expect([ada.status, ada.done]).toEqual(['completed', 2]);

      const page = async (query: string) =>
        ((await manager.get(`/api/assignments?${query}`).expect(200)).body.items as AssignmentDto[]).map((a) => a.employeeName);
      expect(await page('status=completed')).toEqual(['Ada']);
      expect(await page('status=assigned')).toEqual(['Ann']);
      expect(await page(`clusterId=${ids.cluster}&status=in_progress`)).toEqual([]);
    });

    it('answers 403 and writes nothing when anyone is outside the manager’s tree', async () => {
      const before = await assignmentCount();
      const response = await manager
        .post('/api/assignments')
        .send({
          employeeIds: [fx.people.ned.id, fx.people.finn.id],
          credentialId: fx.credentials.sqlBasics.id,
          dueDate: addDays(today, 10),
        })
        .expect(403);
      expect(response.body.errors).toEqual([{ field: 'employeeIds[1]', message: 'is not in a team you manage' }]);
      await manager
        .post('/api/assignments')
        .send({ teamId: fx.teams.finance.id, credentialId: fx.credentials.sqlBasics.id, dueDate: addDays(today, 10) })
        .expect(403);
      // An id that does not exist looks the same to a manager as one outside their tree.
      await manager
        .post('/api/assignments')
        .send({ employeeIds: [999999], credentialId: fx.credentials.sqlBasics.id, dueDate: addDays(today, 10) })
        .expect(403);
      for (const agent of [employee, exec])
        await agent
          .post('/api/assignments')
          .send({ employeeIds: [fx.people.ada.id], credentialId: fx.credentials.sqlBasics.id, dueDate: addDays(today, 10) })
          .expect(403);
      expect(await assignmentCount()).toBe(before);
    });

    it('names the field of every bad request and writes nothing', async () => {
      const before = await assignmentCount();
      const base = { employeeIds: [fx.people.ada.id], credentialId: fx.credentials.sqlBasics.id, dueDate: addDays(today, 10) };
      const fieldOf = async (body: object, status = 400) =>
        ((await hr.post('/api/assignments').send(body).expect(status)).body.errors as Array<{ field: string }>).map(
          (e) => e.field,
        );
      expect(await fieldOf({ ...base, dueDate: addDays(today, -1) })).toEqual(['dueDate']);
      expect(await fieldOf({ ...base, dueDate: '2027-02-30' })).toEqual(['dueDate']);
      expect(await fieldOf({ ...base, clusterId: ids.cluster })).toEqual(['clusterId']);
      expect(await fieldOf({ ...base, credentialId: 999999 })).toEqual(['credentialId']);
      expect(await fieldOf({ ...base, employeeIds: [fx.people.ada.id, fx.people.ann.id, fx.people.ada.id] })).toEqual([
        'employeeIds[2]',
      ]);
      expect(await fieldOf({ ...base, employeeIds: [fx.people.ann.id, 999999] })).toEqual(['employeeIds[1]']);
      expect(await fieldOf({ ...base, employeeIds: [] })).toEqual(['employeeIds']);
      expect(await fieldOf({ ...base, teamId: fx.teams.warehouse.id })).toEqual(['employeeIds']);
      expect(await assignmentCount()).toBe(before);
    });

    it('assigns to a whole team and reports who already has it open', async () => {
      const result = (
        await manager
          .post('/api/assignments')
          .send({ teamId: fx.teams.warehouse.id, clusterId: ids.cluster, dueDate: addDays(today, 60) })
          .expect(201)
      ).body as CreateAssignmentsResultDto;
      // Ada completed hers, so she gets a new one; Ann's is still open.
      expect(result.items.map((a) => a.employeeName)).toEqual(['Ada', 'Ned', 'Wes']);
      expect(result.skipped).toEqual([
        expect.objectContaining({ employeeId: fx.people.ann.id, assignmentId: ids.annAssignment, employeeName: 'Ann' }),
      ]);
      ids.wesAssignment = result.items[2].id;
    });

    it('extends and cancels within scope, and derives overdue from the due date', async () => {
      const extended = (
        await manager
          .patch(`/api/assignments/${ids.annAssignment}`)
          .send({ dueDate: addDays(today, 45), note: null })
          .expect(200)
      ).body as AssignmentDto;
      expect([extended.dueDate, extended.note, extended.status]).toEqual([addDays(today, 45), null, 'assigned']);
      expect(
        (
          await manager
            .patch(`/api/assignments/${ids.annAssignment}`)
            .send({ dueDate: addDays(today, -1) })
            .expect(400)
        ).body.errors,
      ).toEqual([{ field: 'dueDate', message: expect.stringContaining('today') }]);

      const finn = (await created(hr, '/api/assignments', {
        employeeIds: [fx.people.finn.id],
        credentialId: fx.credentials.sqlBasics.id,
        dueDate: addDays(today, 5),
      })) as CreateAssignmentsResultDto;
      await manager
        .patch(`/api/assignments/${finn.items[0].id}`)
        .send({ dueDate: addDays(today, 9) })
        .expect(404);
      await manager.delete(`/api/assignments/${finn.items[0].id}`).expect(404);
      await employee.delete(`/api/assignments/${ids.annAssignment}`).expect(403);

      const cancelled = (await manager.delete(`/api/assignments/${ids.annAssignment}`).expect(200)).body as AssignmentDto;
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.cancelledAt).not.toBeNull();
      await manager.delete(`/api/assignments/${ids.annAssignment}`).expect(409);
      await manager
        .patch(`/api/assignments/${ids.annAssignment}`)
        .send({ dueDate: addDays(today, 50) })
        .expect(409);
      await manager.delete(`/api/assignments/${ids.adaAssignment}`).expect(409); // completed

      // Due dates cannot be set in the past through the API; time passing makes one overdue.
      await sut.dataSource.getRepository(Assignment).update({ id: ids.wesAssignment }, { dueDate: addDays(today, -1) });
      const overdue = (await manager.get('/api/assignments?status=overdue').expect(200)).body.items as AssignmentDto[];
      expect(overdue.map((a) => [a.employeeName, a.status])).toEqual([['Wes', 'overdue']]);
      expect(
        ((await manager.get('/api/assignments?due=overdue').expect(200)).body.items as AssignmentDto[]).map((a) => a.id),
      ).toEqual([ids.wesAssignment]);
      expect(
        ((await hr.get('/api/assignments?due=soon').expect(200)).body.items as AssignmentDto[]).map((a) => a.employeeName),
      ).toEqual(['Finn']);
    });

    it('assigns a cluster to a 500-person team in one request, all or nothing', async () => {
      const m = sut.dataSource.manager;
      const team = {
        id: (await created(hr, '/api/teams', { name: 'Big floor', parentId: fx.teams.operations.id })).id as number,
      };
      // The 500 people are written directly: only the assignment request is under test.
      const now = new Date();
      now.setMilliseconds(0);
      const people = await m.save(
        Array.from({ length: 500 }, (_, i) =>
          m.create(Employee, {
            externalId: `BIG-${i}`,
            name: `Picker ${String(i).padStart(3, '0')}`,
            email: `picker${i}@test.example`,
            teamId: team.id,
            roleId: fx.roles.operative.id,
            locationId: null,
            hireDate: '2024-01-01',
            status: 'active',
            leaveDate: null,
            targetRoleId: null,
            createdAt: now,
            updatedAt: now,
          }),
        ),
        { chunk: 100 },
      );
      await m.insert(
        EmploymentPeriod,
        people.map((p) => ({
          employeeId: p.id,
          teamId: team.id,
          roleId: fx.roles.operative.id,
          locationId: null,
          startDate: '2024-01-01',
          endDate: null,
        })),
      );
      const before = await assignmentCount();
      // One leaver among the 500 named: refused as a whole.
      await m.update(Employee, { id: people[499].id }, { status: 'left', leaveDate: today });
      const refused = await manager
        .post('/api/assignments')
        .send({ employeeIds: people.map((p) => p.id), clusterId: ids.cluster, dueDate: addDays(today, 90) })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'employeeIds[499]', message: 'Picker 499 has left' }]);
      expect(await assignmentCount()).toBe(before);
      await m.update(Employee, { id: people[499].id }, { status: 'active', leaveDate: null });

      const result = (
        await manager
          .post('/api/assignments')
          .send({ teamId: team.id, clusterId: ids.cluster, dueDate: addDays(today, 90) })
          .expect(201)
      ).body as CreateAssignmentsResultDto;
      expect(result.total).toBe(500);
      expect(await assignmentCount()).toBe(before + 500);
      expect(new Set(result.items.map((a) => a.employeeId)).size).toBe(500);
    });
  });

  describe('recommendations', () => {
    beforeAll(async () => {
      ids.forkliftPro = (
        await created(hr, '/api/credentials', {
          name: 'Forklift Pro',
          provider: 'Test Academy',
          type: 'micro_certification',
          deliveryMethod: 'workplace_demonstration',
          hours: 4,
          cost: 300,
          validityMonths: null,
          skills: [{ skillId: fx.skills.forklift.id, level: 4 }],
        })
      ).id;
      ids.dataRole = (
        await created(hr, '/api/roles', {
          name: 'Data Operative',
          requirements: [
            { skillId: fx.skills.forklift.id, requiredLevel: 3, weight: 3 },
            { skillId: fx.skills.sql.id, requiredLevel: 2, weight: 2 },
            { skillId: fx.skills.teamwork.id, requiredLevel: 2, weight: 1 },
          ],
        })
      ).id;
      ids.expertRole = (
        await created(hr, '/api/roles', {
          name: 'SQL Expert',
          requirements: [{ skillId: fx.skills.sql.id, requiredLevel: 5, weight: 3 }],
        })
      ).id;
    });

    it('closes the gap at least cost, or least hours, skipping credentials already held', async () => {
      // Ned has nothing: forklift 3 and teamwork 2 to close.
      const byCost = (await hr.get(`/api/employees/${fx.people.ned.id}/recommendations`).expect(200)).body as RecommendationDto;
      expect(byCost.method).toBe('exact');
      expect(byCost.credentials.map((c) => c.name)).toEqual(['Forklift Licence', 'Teamwork Essentials']);
      expect([byCost.totalCost, byCost.totalHours]).toEqual([200, 16]);
      expect(byCost.credentials[0].closes).toEqual([
        { skillId: fx.skills.forklift.id, skillName: 'Forklift', fromLevel: 0, toLevel: 3 },
      ]);
      const byHours = (await hr.get(`/api/employees/${fx.people.ned.id}/recommendations?optimise=hours`).expect(200))
        .body as RecommendationDto;
      expect(byHours.credentials.map((c) => c.name)).toEqual(['Teamwork Essentials', 'Forklift Pro']);
      expect([byHours.totalCost, byHours.totalHours]).toEqual([400, 12]);
      // Wes holds his licence and nothing else is short but teamwork.
      const wes = (await manager.get(`/api/employees/${fx.people.wes.id}/recommendations`).expect(200)).body as RecommendationDto;
      expect(wes.credentials.map((c) => c.name)).toEqual(['Teamwork Essentials']);
    });

    it('targets a career-goal role and names what the catalogue cannot reach', async () => {
      const goal = (await employee.get(`/api/me/recommendations?targetRoleId=${ids.dataRole}`).expect(200))
        .body as RecommendationDto;
      // Ada now holds Forklift 3 and Teamwork 2 (recorded above): only SQL is short.
      expect(goal.role.name).toBe('Data Operative');
      expect(goal.credentials.map((c) => c.name)).toEqual(['SQL Basics']);
      expect(goal.gaps.map((g) => [g.skillName, g.currentLevel, g.gapPoints])).toEqual([
        ['Forklift', 3, 0],
        ['SQL', 0, 2],
        ['Teamwork', 2, 0],
      ]);
      const expert = (await employee.get(`/api/me/recommendations?targetRoleId=${ids.expertRole}`).expect(200))
        .body as RecommendationDto;
      expect(expert.unreachable).toEqual([
        { skillId: fx.skills.sql.id, skillName: 'SQL', requiredLevel: 5, bestAvailableLevel: 2 },
      ]);
      expect(expert.credentials.map((c) => c.name)).toEqual(['SQL Basics']);
      const none = (await employee.get('/api/me/recommendations').expect(200)).body as RecommendationDto;
      expect([none.method, none.credentials]).toEqual(['none', []]);
    });

    it('keeps recommendations to the caller’s scope', async () => {
      await employee.get(`/api/employees/${fx.people.ada.id}/recommendations`).expect(403);
      await manager.get(`/api/employees/${fx.people.finn.id}/recommendations`).expect(404);
      expect(
        (await hr.get(`/api/employees/${fx.people.ada.id}/recommendations?targetRoleId=999999`).expect(400)).body.errors[0].field,
      ).toBe('targetRoleId');
      expect(
        (await hr.get(`/api/employees/${fx.people.ada.id}/recommendations?optimise=fast`).expect(400)).body.errors[0].field,
      ).toBe('optimise');
    });
  });

  describe('career goal', () => {
    it('lets an employee set their own goal and a manager set one in their tree', async () => {
      const mine = await employee.patch('/api/me/target-role').send({ targetRoleId: ids.dataRole }).expect(200);
      expect(mine.body.targetRoleName).toBe('Data Operative');
      const profile = await employee.get('/api/me/profile').expect(200);
      expect(profile.body.targetGaps.map((g: { skillId: number }) => g.skillId)).toHaveLength(3);
      expect((await employee.patch('/api/me/target-role').send({ targetRoleId: 999999 }).expect(400)).body.errors[0].field).toBe(
        'targetRoleId',
      );
      await employee.patch(`/api/employees/${fx.people.ann.id}/target-role`).send({ targetRoleId: ids.dataRole }).expect(403);
      await manager.patch(`/api/employees/${fx.people.finn.id}/target-role`).send({ targetRoleId: ids.dataRole }).expect(404);
      await manager.patch(`/api/employees/${fx.people.ann.id}/target-role`).send({ targetRoleId: null }).expect(200);
      await employee.patch('/api/me/target-role').send({ targetRoleId: null }).expect(200);
    });
  });

  describe('effectiveness', () => {
    it('computes the DESIGN §3 figures for a credential on a hand-built history', async () => {
      const refresher = (
        await created(hr, '/api/credentials', {
          name: 'Forklift Refresher',
          provider: 'Test Academy',
          type: 'badge',
          deliveryMethod: 'online_course',
          hours: 2,
          cost: 150,
          validityMonths: null,
          skills: [{ skillId: fx.skills.forklift.id, level: 3 }],
        })
      ).id as number;
      const assignment = (employeeId: number, assignedAt: string, dueDate: string, cancelled = false) => ({
        employeeId,
        clusterId: null,
        credentialId: refresher,
        assignedByUserId: null,
        assignedAt,
        dueDate,
        note: null,
        cancelledAt: cancelled ? new Date() : null,
        createdAt: new Date(),
      });
      await sut.dataSource.getRepository(Assignment).insert([
        assignment(fx.people.mia.id, addDays(today, -300), addDays(today, -270)), // completed in 10 days, on time (below)
        assignment(fx.people.ann.id, addDays(today, -60), addDays(today, -30)), // completed after 40 days: late
        assignment(fx.people.ned.id, addDays(today, -60), addDays(today, -30)), // open past due
        assignment(fx.people.wes.id, addDays(today, -5), addDays(today, 30)), // open, not due yet
        assignment(fx.people.fay.id, addDays(today, -60), addDays(today, -30), true), // cancelled: left out
        assignment(fx.people.finn.id, addDays(today, -500), addDays(today, -450)), // before the period
      ]);
      // Mia's role needs no forklift: her completion closes nothing. Ann had no forklift: 3 points.
      // Finn (analyst) also needs none. Fay's completion is outside any assignment but counts as a completion.
      await record(fx.people.mia.id, refresher, addDays(today, -290));
      await record(fx.people.ann.id, refresher, addDays(today, -20));
      await record(fx.people.fay.id, refresher, addDays(today, -10));
      const figures = (await hr.get(`/api/credentials/${refresher}/effectiveness`).expect(200)).body as EffectivenessDto;
      expect(figures).toMatchObject({
        assigned: 4,
        completed: 2,
        completionRate: 2 / 3,
        medianDaysToComplete: 25,
        overdueShare: 2 / 3,
        completions: 3,
        gapPointsClosed: 3,
        costPerGapPoint: 150,
      });
      // A period holding only the last 30 days: Ann's and Fay's completions, no assignments.
      const recent = (
        await hr.get(`/api/credentials/${refresher}/effectiveness?from=${addDays(today, -30)}&to=${today}`).expect(200)
      ).body as EffectivenessDto;
      expect(recent).toMatchObject({
        assigned: 1,
        completed: 0,
        completionRate: null,
        completions: 2,
        gapPointsClosed: 3,
        costPerGapPoint: 100,
      });

      // The licence closed 3 points for Wes (two months ago) and 3 for Ada (today): 6.
      const list = (await hr.get('/api/effectiveness?sort=gapPointsClosed&q=forklift').expect(200)).body;
      expect(list.items.map((i: EffectivenessDto) => [i.name, i.gapPointsClosed])).toEqual([
        ['Forklift Licence', 6],
        ['Forklift Refresher', 3],
        ['Forklift Pro', 0],
      ]);
      const clusters = (await hr.get('/api/effectiveness?kind=cluster&q=warehouse').expect(200)).body;
      // Ada's two assignments are complete (her completions are dated the day of both); Ann's was cancelled.
      expect(clusters.items[0]).toMatchObject({ kind: 'cluster', name: 'Warehouse starter', completed: 2 });
      expect(clusters.items[0].assigned).toBe(2 + 3 + 500 - 1);
    });

    it('is for HR only and checks the period', async () => {
      for (const agent of [manager, employee, exec]) await agent.get('/api/effectiveness').expect(403);
      expect((await hr.get(`/api/effectiveness?from=${today}&to=${addDays(today, -1)}`).expect(400)).body.errors[0].field).toBe(
        'from',
      );
      await hr.get('/api/credentials/999999/effectiveness').expect(404);
    });
  });

  describe('notifications', () => {
    it('tells employees and their line manager what is due, overdue and expiring', async () => {
      await created(hr, '/api/assignments', {
        employeeIds: [fx.people.ada.id],
        credentialId: fx.credentials.sqlBasics.id,
        dueDate: addDays(today, 7),
      });
      await record(fx.people.ada.id, fx.credentials.sqlBasics.id, addDays(today, -700), addDays(today, 20));
      const mine = (await employee.get('/api/me/notifications').expect(200)).body as NotificationsDto;
      expect(mine.items.map((n) => [n.kind, n.about, n.title, n.daysLeft])).toEqual([
        ['assignment_due', 'self', 'SQL Basics', 7],
        ['credential_expiring', 'self', 'SQL Basics', 20],
      ]);
      // Mia is the line manager of Wes (who manages Warehouse), not of Ada.
      const mia = (await manager.get('/api/me/notifications').expect(200)).body as NotificationsDto;
      expect(mia.items.map((n) => [n.kind, n.about, n.employeeName])).toEqual([['assignment_overdue', 'report', 'Wes']]);
      expect(mia.counts).toEqual({ assignmentDue: 0, assignmentOverdue: 1, credentialExpiring: 0 });
      expect(((await exec.get('/api/me/notifications').expect(200)).body as NotificationsDto).items).toEqual([]);
    });
  });
});
