import request from 'supertest';
import { todayInTimeZone } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Employee } from '../src/modules/employees/employee.entity';
import { EmploymentPeriod } from '../src/modules/employees/employment-period.entity';
import { AuditLog } from '../src/modules/audit/audit-log.entity';

const names = (body: { items: Array<{ name: string }> }) => body.items.map((item) => item.name);

describe(`employees and personas (${testDialect()})`, () => {
  let sut: TestApp;
  let org: Fixture;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;

  beforeAll(async () => {
    sut = await createTestApp();
    org = await seedFixture(sut.dataSource);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
  });
  afterAll(() => sut.close());

  describe('listing', () => {
    it('gives HR everyone, paginated and sorted by name', async () => {
      const all = await hr.get('/api/employees').expect(200);
      expect(all.body).toMatchObject({ total: 7, page: 1, pageSize: 50 });
      expect(names(all.body)).toEqual(['Ada', 'Ann', 'Fay', 'Finn', 'Mia', 'Ned', 'Wes']);
      expect(all.body.items[0]).toMatchObject({
        id: org.people.ada.id,
        email: 'ada@test.example',
        teamId: org.teams.warehouse.id,
        roleId: org.roles.operative.id,
        status: 'active',
      });
      const page3 = await hr.get('/api/employees?page=3&pageSize=3').expect(200);
      expect(page3.body).toMatchObject({ total: 7, page: 3, pageSize: 3 });
      expect(names(page3.body)).toEqual(['Wes']);
    });

    it('filters by search text, team (with or without sub-teams) and role', async () => {
      await expect(hr.get('/api/employees?q=FI').then((r) => names(r.body))).resolves.toEqual(['Finn']);
      await expect(hr.get(`/api/employees?teamId=${org.teams.warehouse.id}`).then((r) => names(r.body))).resolves.toEqual([
        'Ada',
        'Ann',
        'Ned',
        'Wes',
      ]);
      await expect(
        hr.get(`/api/employees?teamId=${org.teams.warehouse.id}&includeSubteams=false`).then((r) => names(r.body)),
      ).resolves.toEqual(['Ada', 'Ann', 'Wes']);
      await expect(hr.get(`/api/employees?roleId=${org.roles.analyst.id}`).then((r) => names(r.body))).resolves.toEqual([
        'Fay',
        'Finn',
      ]);
    });

    it('limits a manager to the teams they manage and their sub-teams', async () => {
      const mine = await manager.get('/api/employees').expect(200);
      expect(names(mine.body)).toEqual(['Ada', 'Ann', 'Mia', 'Ned', 'Wes']);
      const outside = await manager.get(`/api/employees?teamId=${org.teams.finance.id}`).expect(404);
      expect(outside.body.code).toBe('TEAM_NOT_FOUND');
    });

    it('refuses the list to employees and executives with 403', async () => {
      await employee.get('/api/employees').expect(403);
      const response = await exec.get('/api/employees').expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });

    it('refuses huge pages and bad filters with 400 naming the parameter', async () => {
      const huge = await hr.get('/api/employees?pageSize=100000').expect(400);
      expect(huge.body.errors).toEqual([{ field: 'pageSize', message: 'pageSize must not be greater than 500' }]);
      const bad = await hr.get('/api/employees?page=0&teamId=abc&status=gone&includeSubteams=maybe').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'includeSubteams',
        'page',
        'status',
        'teamId',
      ]);
    });
  });

  describe('reading one person', () => {
    it('lets an employee read themselves and answers 404 for anyone else', async () => {
      await employee.get(`/api/employees/${org.people.ada.id}`).expect(200);
      const other = await employee.get(`/api/employees/${org.people.wes.id}`).expect(404);
      expect(other.body).toEqual({
        statusCode: 404,
        code: 'EMPLOYEE_NOT_FOUND',
        message: `Employee ${org.people.wes.id} not found`,
      });
      await employee.get(`/api/employees/${org.people.wes.id}/profile`).expect(404);
    });

    it('answers a manager 404 for a person outside their tree, and the same for one who does not exist', async () => {
      await manager.get(`/api/employees/${org.people.ned.id}`).expect(200);
      const outside = await manager.get(`/api/employees/${org.people.fay.id}`).expect(404);
      const missing = await manager.get('/api/employees/999999').expect(404);
      expect(outside.body.code).toBe(missing.body.code);
    });

    it('derives the line manager: the team manager, or the parent team manager for a team manager', async () => {
      await expect(hr.get(`/api/employees/${org.people.ada.id}`).then((r) => r.body.managerName)).resolves.toBe('Wes');
      await expect(hr.get(`/api/employees/${org.people.wes.id}`).then((r) => r.body.managerName)).resolves.toBe('Mia');
      await expect(hr.get(`/api/employees/${org.people.mia.id}`).then((r) => r.body.managerName)).resolves.toBeNull();
    });

    it("computes the profile's levels, readiness and gaps on the as-of date", async () => {
      const today = await employee.get('/api/me/profile').expect(200);
      expect(today.body.employee.name).toBe('Ada');
      // The forklift licence (2024-01-31 + 12 months) expired on 2025-01-31: only teamwork counts.
      expect(today.body.skills.map((s: { skillName: string; level: number }) => [s.skillName, s.level])).toEqual([
        ['Teamwork', 2],
      ]);
      expect(today.body.roleReadiness).toBe(0.25);
      expect(today.body.gaps).toEqual([
        { skillId: org.skills.forklift.id, skillName: 'Forklift', requiredLevel: 3, currentLevel: 0, gapPoints: 3, weight: 3 },
        { skillId: org.skills.teamwork.id, skillName: 'Teamwork', requiredLevel: 2, currentLevel: 2, gapPoints: 0, weight: 1 },
      ]);
      expect(today.body.completions).toHaveLength(2);

      const dayBefore = await hr.get(`/api/employees/${org.people.ada.id}/profile?asOf=2025-01-30`).expect(200);
      expect(dayBefore.body.roleReadiness).toBe(1);
      expect(dayBefore.body.skills[0]).toMatchObject({
        skillName: 'Forklift',
        level: 3,
        expiresAt: '2025-01-31',
        credentials: [{ id: org.credentials.forkliftLicence.id, name: 'Forklift Licence' }],
      });
      const expiryDay = await hr.get(`/api/employees/${org.people.ada.id}/profile?asOf=2025-01-31`).expect(200);
      expect(expiryDay.body.roleReadiness).toBe(0.25);
      await hr.get(`/api/employees/${org.people.ada.id}/profile?asOf=2025-02-30`).expect(400);
    });

    it('gives users with no employee record a clear 404 on My skills', async () => {
      const response = await exec.get('/api/me/profile').expect(404);
      expect(response.body.code).toBe('NO_EMPLOYEE');
    });
  });

  describe('writing', () => {
    const valid = () => ({
      name: 'Zoe',
      email: 'Zoe@Test.Example',
      teamId: org.teams.finance.id,
      roleId: org.roles.analyst.id,
      hireDate: '2026-01-05',
    });

    it('creates an employee with a lower-cased e-mail, an employment period and an audit record', async () => {
      const created = await hr.post('/api/employees').send(valid()).expect(201);
      expect(created.body).toMatchObject({
        name: 'Zoe',
        email: 'zoe@test.example',
        teamName: 'Finance',
        status: 'active',
        managerName: 'Fay',
      });
      await expect(
        sut.dataSource.getRepository(EmploymentPeriod).count({ where: { employeeId: created.body.id } }),
      ).resolves.toBe(1);
      await expect(
        sut.dataSource
          .getRepository(AuditLog)
          .count({ where: { entity: 'employee', entityId: String(created.body.id), action: 'create' } }),
      ).resolves.toBe(1);
      const duplicate = await hr
        .post('/api/employees')
        .send({ ...valid(), email: 'ZOE@test.example' })
        .expect(409);
      expect(duplicate.body).toMatchObject({ code: 'DUPLICATE_EMAIL', errors: [{ field: 'email' }] });
    });

    it('names every bad field, and writes nothing', async () => {
      const before = await sut.dataSource.getRepository(Employee).count();
      const response = await hr
        .post('/api/employees')
        .send({ name: '', email: 'not-mail', teamId: 'x', roleId: org.roles.analyst.id, hireDate: '2025-02-30', salary: 1 })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'email',
        'hireDate',
        'name',
        'salary',
        'teamId',
      ]);
      expect(response.body.errors.find((e: { field: string }) => e.field === 'salary').message).toBe(
        'property salary should not exist',
      );
      const unknownRole = await hr
        .post('/api/employees')
        .send({ ...valid(), email: 'new@test.example', roleId: 99999 })
        .expect(400);
      expect(unknownRole.body.errors).toEqual([{ field: 'roleId', message: 'Role 99999 does not exist' }]);
      await expect(sut.dataSource.getRepository(Employee).count()).resolves.toBe(before);
    });

    it('refuses writes to managers, employees and executives with 403, writing nothing', async () => {
      const before = await sut.dataSource.getRepository(Employee).count();
      for (const agent of [manager, employee, exec])
        await agent
          .post('/api/employees')
          .send({ ...valid(), email: 'x@test.example' })
          .expect(403);
      await manager.patch(`/api/employees/${org.people.ada.id}`).send({ name: 'Renamed' }).expect(403);
      await expect(sut.dataSource.getRepository(Employee).count()).resolves.toBe(before);
      await expect(hr.get(`/api/employees/${org.people.ada.id}`).then((r) => r.body.name)).resolves.toBe('Ada');
    });

    it('records a move in the employment history and moves the person out of the old manager’s scope', async () => {
      const today = todayInTimeZone('UTC');
      await manager.get(`/api/employees/${org.people.ann.id}`).expect(200);
      await hr.patch(`/api/employees/${org.people.ann.id}`).send({ teamId: org.teams.finance.id }).expect(200);
      const periods = await sut.dataSource
        .getRepository(EmploymentPeriod)
        .find({ where: { employeeId: org.people.ann.id }, order: { id: 'ASC' } });
      expect(periods.map((p) => [p.teamId, p.startDate, p.endDate])).toEqual([
        [org.teams.warehouse.id, '2020-01-06', today],
        [org.teams.finance.id, today, null],
      ]);
      await manager.get(`/api/employees/${org.people.ann.id}`).expect(404);
    });

    it('records a leaver with the leave date and closes their period', async () => {
      const response = await hr
        .patch(`/api/employees/${org.people.ned.id}`)
        .send({ status: 'left', leaveDate: '2026-01-31' })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'left', leaveDate: '2026-01-31' });
      const open = await sut.dataSource.getRepository(EmploymentPeriod).find({ where: { employeeId: org.people.ned.id } });
      expect(open.map((p) => p.endDate)).toEqual(['2026-01-31']);
      const corrected = await hr.patch(`/api/employees/${org.people.ned.id}`).send({ leaveDate: '2026-02-27' }).expect(200);
      expect(corrected.body.leaveDate).toBe('2026-02-27');
      await expect(
        sut.dataSource
          .getRepository(EmploymentPeriod)
          .find({ where: { employeeId: org.people.ned.id } })
          .then((p) => p.map((x) => x.endDate)),
      ).resolves.toEqual(['2026-02-27']);
      await hr.patch(`/api/employees/${org.people.finn.id}`).send({ status: 'left', leaveDate: '2019-01-01' }).expect(400);
      const activeWithDate = await hr.patch(`/api/employees/${org.people.finn.id}`).send({ leaveDate: '2026-01-01' }).expect(400);
      expect(activeWithDate.body.errors[0].field).toBe('leaveDate');
    });

    it('answers 404 for writes to an unknown employee', async () => {
      await hr.patch('/api/employees/999999').send({ name: 'Nobody' }).expect(404);
      await request(sut.http).patch(`/api/employees/${org.people.ada.id}`).send({ name: 'Anon' }).expect(401);
    });
  });
});
