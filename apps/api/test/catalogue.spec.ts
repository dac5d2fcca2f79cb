import { addMonths, todayInTimeZone } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Credential } from '../src/modules/credentials/credential.entity';
import { Completion } from '../src/modules/completions/completion.entity';
import { AuditLog } from '../src/modules/audit/audit-log.entity';
import { Team } from '../src/modules/teams/team.entity';

describe(`catalogue, teams and completions (${testDialect()})`, () => {
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

  describe('credentials', () => {
    it('creates a credential with granted skills and lists it by skill', async () => {
      const created = await hr
        .post('/api/credentials')
        .send({
          name: 'Reach Truck Operation',
          provider: 'City & Guilds',
          type: 'micro_certification',
          deliveryMethod: 'workplace_demonstration',
          hours: 16,
          cost: 450.5,
          validityMonths: 36,
          skills: [
            { skillId: org.skills.forklift.id, level: 4 },
            { skillId: org.skills.teamwork.id, level: 1 },
          ],
        })
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'Reach Truck Operation',
        cost: 450.5,
        hours: 16,
        validityMonths: 36,
        status: 'active',
      });
      expect(created.body.skills).toEqual([
        { skillId: org.skills.forklift.id, skillName: 'Forklift', level: 4 },
        { skillId: org.skills.teamwork.id, skillName: 'Teamwork', level: 1 },
      ]);
      const bySkill = await employee.get(`/api/credentials?skillId=${org.skills.forklift.id}`).expect(200);
      expect(bySkill.body.items.map((c: { name: string }) => c.name)).toEqual(['Forklift Licence', 'Reach Truck Operation']);
    });

    it('refuses a skill granted twice, a level outside 1–5 and an unknown skill, writing nothing', async () => {
      const before = await sut.dataSource.getRepository(Credential).count();
      const base = { name: 'Broken', provider: 'X', type: 'badge', deliveryMethod: 'test', hours: 1, cost: 0 };
      const twice = await hr
        .post('/api/credentials')
        .send({
          ...base,
          skills: [
            { skillId: org.skills.sql.id, level: 2 },
            { skillId: org.skills.sql.id, level: 3 },
          ],
        })
        .expect(400);
      expect(twice.body.errors).toEqual([{ field: 'skills[1]', message: `Skill ${org.skills.sql.id} is listed more than once` }]);
      const level7 = await hr
        .post('/api/credentials')
        .send({ ...base, skills: [{ skillId: org.skills.sql.id, level: 7 }] })
        .expect(400);
      expect(level7.body.errors).toEqual([{ field: 'skills[0].level', message: 'level must not be greater than 5' }]);
      const unknown = await hr
        .post('/api/credentials')
        .send({ ...base, skills: [{ skillId: 424242, level: 2 }] })
        .expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'skills.skillId', message: 'Skill 424242 does not exist' }]);
      const wrongTypes = await hr
        .post('/api/credentials')
        .send({ ...base, hours: 'ten', type: 'diploma' })
        .expect(400);
      expect(wrongTypes.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['hours', 'type']);
      await expect(sut.dataSource.getRepository(Credential).count()).resolves.toBe(before);
    });

    it('treats names as unique ignoring case and spacing', async () => {
      const response = await hr
        .post('/api/credentials')
        .send({ name: '  forklift   LICENCE ', provider: 'X', type: 'badge', deliveryMethod: 'test', hours: 1, cost: 0 })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'DUPLICATE_NAME', errors: [{ field: 'name' }] });
      await hr.post('/api/skills').send({ name: 'sql', categoryId: 1, kind: 'hard' }).expect(409);
    });

    it('lets only HR change the catalogue, and keeps retired entries readable', async () => {
      for (const agent of [manager, employee, exec])
        await agent.post('/api/skills').send({ name: 'Welding', categoryId: 1, kind: 'hard' }).expect(403);
      const retired = await hr.delete(`/api/credentials/${org.credentials.sqlBasics.id}`).expect(200);
      expect(retired.body.status).toBe('retired');
      await expect(employee.get(`/api/credentials/${org.credentials.sqlBasics.id}`).then((r) => r.body.status)).resolves.toBe(
        'retired',
      );
      await expect(
        sut.dataSource.getRepository(AuditLog).count({ where: { entity: 'credential', action: 'retire' } }),
      ).resolves.toBe(1);
    });

    it('replaces role requirements and refuses a weight outside 1–3', async () => {
      const bad = await hr
        .patch(`/api/roles/${org.roles.analyst.id}`)
        .send({ requirements: [{ skillId: org.skills.sql.id, requiredLevel: 3, weight: 4 }] })
        .expect(400);
      expect(bad.body.errors).toEqual([{ field: 'requirements[0].weight', message: 'weight must not be greater than 3' }]);
      const ok = await hr
        .patch(`/api/roles/${org.roles.analyst.id}`)
        .send({
          requirements: [
            { skillId: org.skills.sql.id, requiredLevel: 4, weight: 3 },
            { skillId: org.skills.teamwork.id, requiredLevel: 1, weight: 1 },
          ],
        })
        .expect(200);
      expect(
        ok.body.requirements.map((r: { skillName: string; requiredLevel: number }) => [r.skillName, r.requiredLevel]),
      ).toEqual([
        ['SQL', 4],
        ['Teamwork', 1],
      ]);
    });
  });

  describe('proficiency levels', () => {
    const levels = (labels: string[]) => ({ levels: labels.map((label, index) => ({ level: index + 1, label })) });

    it('lets HR rename the five levels, recorded in the audit log, and everyone reads the new labels', async () => {
      const renamed = ['Aware', 'Foundation', 'Skilled', 'Advanced', 'Authority'];
      const saved = await hr.put('/api/organisation/levels').send(levels(renamed)).expect(200);
      expect(saved.body.levelLabels).toEqual({ 1: 'Aware', 2: 'Foundation', 3: 'Skilled', 4: 'Advanced', 5: 'Authority' });
      const read = await employee.get('/api/organisation').expect(200);
      expect(read.body.levels.map((level: { label: string }) => level.label)).toEqual(renamed);
      const audit = await sut.dataSource.getRepository(AuditLog).findOneByOrFail({ entity: 'proficiency_levels' });
      expect(JSON.parse(audit.after ?? '[]')[4]).toEqual({ level: 5, label: 'Authority', description: null });
    });

    it('refuses duplicate labels, a level twice, a level outside 1–5 or fewer than five, and other personas', async () => {
      const before = (await hr.get('/api/organisation').expect(200)).body.levelLabels;
      const duplicate = await hr
        .put('/api/organisation/levels')
        .send(levels(['A', 'B', 'C', 'b', 'E']))
        .expect(400);
      expect(duplicate.body.errors).toEqual([{ field: 'levels[3].label', message: '"b" is already the label of level 2' }]);
      const twice = await hr
        .put('/api/organisation/levels')
        .send({ levels: [1, 2, 3, 3, 5].map((level) => ({ level, label: `L${level}-${Math.random()}` })) })
        .expect(400);
      expect(twice.body.errors).toEqual([{ field: 'levels[3].level', message: 'Level 3 is listed twice' }]);
      const outside = await hr
        .put('/api/organisation/levels')
        .send({ levels: [{ level: 6, label: 'Guru' }] })
        .expect(400);
      expect(outside.body.errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['levels', 'levels[0].level']),
      );
      await manager
        .put('/api/organisation/levels')
        .send(levels(['A', 'B', 'C', 'D', 'E']))
        .expect(403);
      await exec
        .put('/api/organisation/levels')
        .send(levels(['A', 'B', 'C', 'D', 'E']))
        .expect(403);
      expect((await hr.get('/api/organisation').expect(200)).body.levelLabels).toEqual(before);
    });
  });

  describe('teams', () => {
    it('creates a sub-team with its path and refuses to make a team its own ancestor', async () => {
      const created = await hr.post('/api/teams').send({ name: 'Yard', parentId: org.teams.nightShift.id }).expect(201);
      expect(created.body).toMatchObject({ parentId: org.teams.nightShift.id, depth: 3 });
      const cycle = await hr.patch(`/api/teams/${org.teams.operations.id}`).send({ parentId: created.body.id }).expect(400);
      expect(cycle.body.errors[0]).toMatchObject({ field: 'parentId' });
      expect(cycle.body.errors[0].message).toMatch(/its own ancestor/);
      await hr.patch(`/api/teams/${org.teams.operations.id}`).send({ parentId: org.teams.operations.id }).expect(400);
      const yard = await sut.dataSource.getRepository(Team).findOneByOrFail({ id: created.body.id });
      expect(yard.path).toBe(`${org.teams.nightShift.path}${yard.id}/`);
    });

    it('moves a sub-tree and rewrites every path below it', async () => {
      await hr.patch(`/api/teams/${org.teams.warehouse.id}`).send({ parentId: org.teams.finance.id }).expect(200);
      const night = await sut.dataSource.getRepository(Team).findOneByOrFail({ id: org.teams.nightShift.id });
      expect(night.path).toBe(`/${org.teams.finance.id}/${org.teams.warehouse.id}/${org.teams.nightShift.id}/`);
      expect(night.depth).toBe(2);
      await hr.patch(`/api/teams/${org.teams.warehouse.id}`).send({ parentId: org.teams.operations.id }).expect(200);
    });

    it('shows executives headcounts only for groups of at least the privacy threshold, and no manager names', async () => {
      const response = await exec.get('/api/teams').expect(200);
      const operations = response.body.items.find((t: { id: number }) => t.id === org.teams.operations.id);
      expect(operations).toMatchObject({ headcount: null, subtreeHeadcount: 5, managerName: null, managerId: null });
      const warehouse = response.body.items.find((t: { id: number }) => t.id === org.teams.warehouse.id);
      expect(warehouse).toMatchObject({ headcount: null, subtreeHeadcount: null });
      // Direct-member counts are never shown to executives: a parent's is the difference of two sub-tree counts.
      expect(response.body.items.every((t: { headcount: number | null }) => t.headcount === null)).toBe(true);
      const asHr = await hr.get('/api/teams').expect(200);
      expect(asHr.body.items.find((t: { id: number }) => t.id === org.teams.warehouse.id)).toMatchObject({
        headcount: 3,
        subtreeHeadcount: 4,
        managerName: 'Wes',
      });
      await employee.get('/api/teams').expect(403);
      const mine = await manager.get('/api/teams').expect(200);
      expect(mine.body.items.map((t: { name: string }) => t.name)).toEqual(['Operations', 'Warehouse', 'Night shift', 'Yard']);
    });
  });

  describe('completions', () => {
    it('records a completion with its expiry from the validity, and it counts in the profile', async () => {
      const today = todayInTimeZone('UTC');
      const created = await manager
        .post('/api/completions')
        .send({ employeeId: org.people.ada.id, credentialId: org.credentials.forkliftLicence.id, awardedAt: today })
        .expect(201);
      expect(created.body).toMatchObject({
        awardedAt: today,
        expiresAt: addMonths(today, 12),
        source: 'manual',
        status: 'valid',
        credentialName: 'Forklift Licence',
      });
      const profile = await employee.get('/api/me/profile').expect(200);
      expect(profile.body.roleReadiness).toBe(1);

      const duplicate = await hr
        .post('/api/completions')
        .send({ employeeId: org.people.ada.id, credentialId: org.credentials.forkliftLicence.id, awardedAt: today })
        .expect(409);
      expect(duplicate.body.code).toBe('DUPLICATE_COMPLETION');

      const revoked = await manager.delete(`/api/completions/${created.body.id}?reason=Recorded%20in%20error`).expect(200);
      expect(revoked.body.status).toBe('revoked');
      await expect(employee.get('/api/me/profile').then((r) => r.body.roleReadiness)).resolves.toBe(0.25);
      const trail = await sut.dataSource
        .getRepository(AuditLog)
        .find({ where: { entity: 'completion', entityId: String(created.body.id) }, order: { id: 'ASC' } });
      expect(trail.map((entry) => entry.action)).toEqual(['create', 'revoke']);
      // The record of the create is the answer, its id included (the row is written before the insert's answer arrives).
      expect(trail[0].after).toBe(JSON.stringify(created.body));
      expect(JSON.parse(trail[1].before ?? '{}')).toEqual(created.body);
      expect(JSON.parse(trail[1].after ?? '{}')).toEqual(revoked.body);
    });

    it('refuses future awards, expiry before award and unknown credentials, writing nothing', async () => {
      const before = await sut.dataSource.getRepository(Completion).count();
      const future = await hr
        .post('/api/completions')
        .send({ employeeId: org.people.ada.id, credentialId: org.credentials.teamworkBadge.id, awardedAt: '2999-01-01' })
        .expect(400);
      expect(future.body.errors[0].field).toBe('awardedAt');
      const backwards = await hr
        .post('/api/completions')
        .send({
          employeeId: org.people.ada.id,
          credentialId: org.credentials.teamworkBadge.id,
          awardedAt: '2025-05-01',
          expiresAt: '2025-04-01',
        })
        .expect(400);
      expect(backwards.body.errors).toEqual([{ field: 'expiresAt', message: 'must be after awardedAt' }]);
      const unknown = await hr
        .post('/api/completions')
        .send({ employeeId: org.people.ada.id, credentialId: 99999, awardedAt: '2025-05-01' })
        .expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'credentialId', message: 'Credential 99999 does not exist' }]);
      await expect(sut.dataSource.getRepository(Completion).count()).resolves.toBe(before);
    });

    it("keeps managers to their own people's completions and employees to their own", async () => {
      const before = await sut.dataSource.getRepository(Completion).count();
      await manager
        .post('/api/completions')
        .send({ employeeId: org.people.finn.id, credentialId: org.credentials.sqlBasics.id, awardedAt: '2025-05-01' })
        .expect(404);
      await employee
        .post('/api/completions')
        .send({ employeeId: org.people.ada.id, credentialId: org.credentials.sqlBasics.id, awardedAt: '2025-05-01' })
        .expect(403);
      await expect(sut.dataSource.getRepository(Completion).count()).resolves.toBe(before);
      const own = await employee.get('/api/completions').expect(200);
      expect(new Set(own.body.items.map((c: { employeeId: number }) => c.employeeId))).toEqual(new Set([org.people.ada.id]));
      await employee.get(`/api/completions?employeeId=${org.people.finn.id}`).expect(404);
      await exec.get('/api/completions').expect(403);
      const managerView = await manager.get('/api/completions').expect(200);
      expect(managerView.body.items.some((c: { employeeId: number }) => c.employeeId === org.people.finn.id)).toBe(false);
    });
  });
});
