import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ImportReportDto } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Skill } from '../src/modules/skills/skill.entity';
import { Role } from '../src/modules/roles/role.entity';
import { RoleRequirement } from '../src/modules/roles/role-requirement.entity';
import { onetLevel, onetWeight } from '../src/modules/imports/taxonomies';

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
