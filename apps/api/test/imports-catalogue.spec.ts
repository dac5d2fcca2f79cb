import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { todayInTimeZone, type ImportJobDto, type ImportReportDto } from '@skillgrid/shared';
import { rebuildAnalytics } from '../src/modules/analytics/state/skill-state.sql';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Skill } from '../src/modules/skills/skill.entity';
import { Role } from '../src/modules/roles/role.entity';
import { RoleRequirement } from '../src/modules/roles/role-requirement.entity';
import { onetLevel, onetWeight } from '../src/modules/imports/taxonomies';
import { FAILED_ON_OUR_SIDE, ImportsService } from '../src/modules/imports/imports.service';
import { analyticsState } from './support/analytics-state';

/** The shared reference data (never copied into the repository): ../shared/data from the repository root. */
const DATA = resolve(__dirname, '../../../../shared/data');
const haveData = existsSync(join(DATA, 'esco-1.2.0')) && existsSync(join(DATA, 'onet-29.2'));
if (!haveData) console.warn(`Skipping the ESCO and O*NET imports: ${DATA} is absent (see ../shared/data/README.md)`);
const withData = haveData ? it : it.skip;

describe(`catalogue and taxonomy imports (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  let manager: Agent;

  const upload = (entity: string, content: string, query = '') =>
    hr.post(`/api/imports/${entity}${query}`).attach('file', Buffer.from(content), `${entity}.csv`);
  const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    ({ hr, manager } = await signInPersonas(sut.http));
  });
  afterAll(() => sut.close());

  describe('skills', () => {
    const file = csv(
      'name,category,kind,description,external_ref,status',
      'Forklift,Operations,hard,Counterbalance trucks,,',
      'Negotiation,Business,soft,,,',
      '=cmd|calc,Business,soft,,,',
    );

    it('upserts skills by name, creating categories, and keeps formula-looking names as text', async () => {
      const response = await upload('skills', file).expect(200);
      expect(response.body).toMatchObject({ rows: 3, created: 2, updated: 1, unchanged: 0, errors: [] });
      const forklift = await sut.dataSource.getRepository(Skill).findOneByOrFail({ id: fx.skills.forklift.id });
      expect(forklift.description).toBe('Counterbalance trucks');
      await expect(sut.dataSource.getRepository(Skill).countBy({ name: '=cmd|calc' })).resolves.toBe(1);
      await expect(upload('skills', file).expect(200)).resolves.toMatchObject({
        body: { created: 0, updated: 0, unchanged: 3 },
      });
    });

    it('reports bad rows: a new skill without kind, an unknown kind, a repeated name', async () => {
      const response = await upload(
        'skills',
        csv('name,category,kind', 'Welding,Operations,', 'Painting,Operations,medium', 'welding,Operations,hard'),
      ).expect(422);
      expect((response.body as ImportReportDto).errors.map((e) => [e.line, e.field])).toEqual([
        [2, 'kind'],
        [3, 'kind'],
        [4, 'name'],
      ]);
      await expect(sut.dataSource.getRepository(Skill).countBy({ name: 'Painting' })).resolves.toBe(0);
    });

    it('refuses managers', async () => {
      await manager.post('/api/imports/skills').attach('file', Buffer.from(file), 'skills.csv').expect(403);
    });
  });

  describe('roles', () => {
    it('upserts roles with their requirements, one row per requirement', async () => {
      const file = csv(
        'name,family,skill,required_level,weight',
        'Warehouse Operative,Ops,Forklift,4,3',
        'Warehouse Operative,Ops,Teamwork,2,1',
        'Buyer,Procurement,Negotiation,3,2',
      );
      const response = await upload('roles', file).expect(200);
      expect(response.body).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 1, errors: [] });
      const requirement = await sut.dataSource
        .getRepository(RoleRequirement)
        .findOneByOrFail({ roleId: fx.roles.operative.id, skillId: fx.skills.forklift.id });
      expect(requirement.requiredLevel).toBe(4);
      // The role's people now fall short of level 4: the gaps say so.
      const profile = (await hr.get(`/api/employees/${fx.people.wes.id}/profile`).expect(200)).body as {
        gaps: Array<{ skillId: number; requiredLevel: number; gapPoints: number }>;
      };
      expect(profile.gaps.find((g) => g.skillId === fx.skills.forklift.id)).toMatchObject({ requiredLevel: 4, gapPoints: 1 });
      await expect(upload('roles', file).expect(200)).resolves.toMatchObject({ body: { created: 0, updated: 0, unchanged: 3 } });
    });

    it('reports a level outside 1–5 and an unknown skill', async () => {
      const response = await upload(
        'roles',
        csv('name,skill,required_level,weight', 'Buyer,Negotiation,7,2', 'Buyer,Juggling,2,1'),
      ).expect(422);
      expect((response.body as ImportReportDto).errors).toEqual([
        { line: 2, field: 'required_level', message: '7 is outside 1–5' },
        { line: 3, field: 'skill', message: 'no skill is called (or has the external reference) "Juggling"' },
      ]);
    });
  });

  describe('credentials', () => {
    it('upserts credentials with the skills they grant, and recomputes the holders when a grant changes', async () => {
      const file = csv(
        'name,provider,type,delivery_method,hours,cost,validity_months,skill,level',
        'Teamwork Essentials,Test Academy,badge,online_course,8,100,,Teamwork,3',
        'Negotiation Basics,Deal School,micro_certification,seminar,6,250,24,Negotiation,2',
        'Negotiation Basics,,,,,,,Teamwork,1',
      );
      const response = await upload('credentials', file).expect(200);
      expect(response.body).toMatchObject({ rows: 3, created: 2, updated: 1, unchanged: 0, errors: [] });
      // Ada holds Teamwork Essentials: it now grants level 3.
      const profile = (await hr.get(`/api/employees/${fx.people.ada.id}/profile`).expect(200)).body as {
        skills: Array<{ skillName: string; level: number }>;
      };
      expect(profile.skills.find((s) => s.skillName === 'Teamwork')?.level).toBe(3);
      await expect(upload('credentials', file).expect(200)).resolves.toMatchObject({
        body: { created: 0, updated: 0, unchanged: 3 },
      });
    });

    it('needs a provider for a new credential and a level within 1–5', async () => {
      const response = await upload(
        'credentials',
        csv('name,provider,skill,level', 'Juggling,,Teamwork,2', 'Welding,Acme,Teamwork,9'),
      ).expect(422);
      expect((response.body as ImportReportDto).errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'level'],
        [2, 'provider'],
      ]);
    });
  });

  describe('teams, employees and headcount plans', () => {
    it('creates and moves teams, refusing a cycle', async () => {
      const cycle = await upload('teams', csv('name,parent', 'Operations,Night shift')).expect(422);
      expect((cycle.body as ImportReportDto).errors[0]).toMatchObject({
        line: 2,
        field: 'parent',
        message: expect.stringContaining('cycle'),
      });
      const response = await upload(
        'teams',
        csv('name,parent,manager_email', 'Logistics,Operations,mia@test.example', 'Night shift,Logistics,'),
      ).expect(200);
      expect(response.body).toMatchObject({ created: 1, updated: 1, errors: [] });
      const night = (await hr.get(`/api/teams/${fx.teams.nightShift.id}`).expect(200)).body as { parentId: number };
      const logistics = (await sut.dataSource.query("SELECT id, path FROM teams WHERE name = 'Logistics'")) as Array<{
        id: number;
        path: string;
      }>;
      expect(night.parentId).toBe(Number(logistics[0].id));
      const state = (await sut.dataSource.query(
        'SELECT COUNT(*) AS n FROM team_closure WHERE ancestor_id = ? AND descendant_id = ?',
        [logistics[0].id, fx.teams.nightShift.id],
      )) as Array<{ n: number | string }>;
      expect(Number(state[0].n)).toBe(1);
    });

    it('creates and updates employees with their employment history', async () => {
      const file = csv(
        'external_id,email,name,team,role,location,hire_date,status',
        'X-Ann,ann@test.example,Ann,Finance,Finance Analyst,Leeds,2020-01-06,active',
        'N-1,nora@test.example,Nora New,Logistics,Warehouse Operative,Hull,2025-02-03,',
      );
      const response = await upload('employees', file).expect(200);
      expect(response.body).toMatchObject({ rows: 2, created: 1, updated: 1, errors: [] });
      const ann = (await hr.get(`/api/employees/${fx.people.ann.id}`).expect(200)).body as { teamId: number };
      expect(ann.teamId).toBe(fx.teams.finance.id);
      const periods = (await sut.dataSource.query('SELECT end_date FROM employment_periods WHERE employee_id = ? ORDER BY id', [
        fx.people.ann.id,
      ])) as Array<{ end_date: string | null }>;
      expect(periods).toHaveLength(2);
      await expect(upload('employees', file).expect(200)).resolves.toMatchObject({
        body: { created: 0, updated: 0, unchanged: 2 },
      });
      const bad = await upload(
        'employees',
        csv('email,name,team,role,hire_date', 'zed@test.example,Zed,Nowhere,Warehouse Operative,2025-13-01'),
      ).expect(422);
      expect((bad.body as ImportReportDto).errors.map((e) => e.field)).toEqual(['team', 'hire_date']);
    });

    it('upserts headcount plans by role, team and month', async () => {
      const file = csv('role,team,month,headcount', 'Warehouse Operative,Warehouse,2026-06,12', 'Finance Analyst,,2026-07-01,3');
      await expect(upload('headcount-plans', file).expect(200)).resolves.toMatchObject({ body: { created: 2, errors: [] } });
      await expect(
        upload('headcount-plans', csv('role,team,month,headcount', 'Warehouse Operative,Warehouse,2026-06,14')).expect(200),
      ).resolves.toMatchObject({ body: { updated: 1 } });
      const bad = await upload('headcount-plans', csv('role,month,headcount', 'Finance Analyst,June,-1')).expect(422);
      expect((bad.body as ImportReportDto).errors.map((e) => e.field)).toEqual(['month', 'headcount']);
    });
  });

  it('leaves the analytics equal to a rebuild after the catalogue and organisation imports', async () => {
    const state = () => analyticsState(sut.dataSource);
    const incremental = await state();
    await sut.dataSource.transaction((m) => rebuildAnalytics(m, todayInTimeZone('UTC')));
    expect(incremental).toEqual(await state());
  });

  it('answers a file over 50,000 rows with 202 and a job that reports progress and ends with the report', async () => {
    const people = ['ada', 'ann', 'wes', 'ned', 'fay', 'finn', 'mia'];
    const lines = ['employee_email,credential_name,awarded_at'];
    for (let day = 0; lines.length <= 50_001; day++) {
      const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      for (const person of people) lines.push(`${person}@test.example,SQL Basics,${date}`);
    }
    const response = await upload('completions', `${lines.join('\n')}\n`, '?dryRun=true').expect(202);
    const job = response.body as ImportJobDto;
    expect(job).toMatchObject({ entity: 'completions', dryRun: true });
    let current = job;
    for (let i = 0; i < 300 && !current.finishedAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await hr.get(`/api/imports/jobs/${job.id}`).expect(200)).body as ImportJobDto;
    }
    expect(current).toMatchObject({ status: 'succeeded', rowsRead: lines.length - 1, rowsTotal: lines.length - 1 });
    expect(current.report).toMatchObject({ rows: lines.length - 1, errorCount: 0 });
    expect((current.report?.created ?? 0) + (current.report?.unchanged ?? 0)).toBe(lines.length - 1);
  }, 60_000);

  it('maps O*NET Level 0–7 onto 1–5 and Importance onto weights 1–3 (below 3: not required)', () => {
    expect([0, 1, 3.5, 5.25, 7].map(onetLevel)).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2.99, 3, 3.49, 3.5, 3.99, 4, 5].map(onetWeight)).toEqual([null, null, 1, 1, 2, 2, 3, 3]);
  });

  describe('taxonomies on the real files', () => {
    const attachAll = (folder: string, names: string[]) => {
      let request = hr.post(`/api/imports/taxonomies/${folder === 'esco-1.2.0' ? 'esco' : 'onet'}`);
      for (const name of names) request = request.attach(name, readFileSync(join(DATA, folder, name)), name);
      return request;
    };

    withData('ends a taxonomy import that fails on the server as failed, saying so, with nothing written', async () => {
      const skillsBefore = await sut.dataSource.getRepository(Skill).count();
      // A failure that is not the files' fault, once they are read.
      const service = sut.app.get(ImportsService) as unknown as { progress: () => Promise<void> };
      const failure = jest.spyOn(service, 'progress').mockRejectedValueOnce(new Error('disk on fire'));
      try {
        const names = ['transversalSkillsCollection_en.csv', 'digitalSkillsCollection_en.csv', 'skillsHierarchy_en.csv'];
        const report = (await attachAll('esco-1.2.0', names).expect(422)).body as ImportReportDto;
        expect(report.errors).toEqual([{ message: FAILED_ON_OUR_SIDE }]);
        const job = (await hr.get(`/api/imports/jobs/${report.jobId}`).expect(200)).body as ImportJobDto;
        expect(job.status).toBe('failed');
        expect(job.report?.errors).toEqual([{ message: FAILED_ON_OUR_SIDE }]);
      } finally {
        failure.mockRestore();
      }
      expect(await sut.dataSource.getRepository(Skill).count()).toBe(skillsBefore);
    });

    withData('imports ESCO skills with their URI, kind from the collection and category from the hierarchy', async () => {
      const names = [
        'transversalSkillsCollection_en.csv',
        'digitalSkillsCollection_en.csv',
        'skillsHierarchy_en.csv',
        'skillGroups_en.csv',
      ];
      const response = await attachAll('esco-1.2.0', names).expect(200);
      const report = response.body as ImportReportDto;
      expect(report.errors).toEqual([]);
      const total = report.created + report.updated + report.unchanged;
      expect(total).toBeGreaterThan(1300);
      const skills = sut.dataSource.getRepository(Skill);
      const initiative = await skills.findOneOrFail({
        where: { externalRef: 'http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f' },
        relations: { category: true },
      });
      expect(initiative).toMatchObject({ name: 'show initiative', kind: 'soft' });
      expect(initiative.category?.name).not.toMatch(/^ESCO/);
      const haskell = await skills.findOneByOrFail({
        externalRef: 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02',
      });
      expect(haskell).toMatchObject({ name: 'Haskell', kind: 'hard' });
      // Again: nothing changes.
      const again = (await attachAll('esco-1.2.0', names).expect(200)).body as ImportReportDto;
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: total });
    });

    withData(
      'imports O*NET occupations as roles with their skills as weighted requirements',
      async () => {
        const names = ['Occupation Data.xlsx', 'Skills.xlsx', 'Content Model Reference.xlsx'];
        expect(readdirSync(join(DATA, 'onet-29.2'))).toEqual(expect.arrayContaining(names));
        const response = await attachAll('onet-29.2', names).expect(200);
        const report = response.body as ImportReportDto;
        expect(report.errors).toEqual([]);
        // 35 O*NET skills; one whose name ESCO already gave is linked to it rather than repeated.
        expect((report.details?.['skills'].created ?? 0) + (report.details?.['skills'].updated ?? 0)).toBe(35);
        // Occupation Data.xlsx: a header and 1,016 occupations.
        expect(report.details?.['roles'].created).toBe(1016);
        const chief = await sut.dataSource.getRepository(Role).findOneByOrFail({ externalRef: '11-1011.00' });
        expect(chief).toMatchObject({ name: 'Chief Executives' });
        const reading = await sut.dataSource.getRepository(Skill).findOneByOrFail({ externalRef: '2.A.1.a' });
        // Reading Comprehension for chief executives: Importance 4.12 → weight 3, Level 4.62 → 4.
        await expect(
          sut.dataSource.getRepository(RoleRequirement).findOneBy({ roleId: chief.id, skillId: reading.id }),
        ).resolves.toMatchObject({ requiredLevel: 4, weight: 3 });
        const requirements = await sut.dataSource.getRepository(RoleRequirement).count();
        expect(requirements).toBeGreaterThan(5000);
      },
      120_000,
    );
  });
});
