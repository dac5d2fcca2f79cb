import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompletionDto, EmployeeProfileDto, OpenBadgeImportDto, OpenBadgeImportResultDto, Page } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { nameKey } from '../src/database/column-types';
import { AuditLog } from '../src/modules/audit/audit-log.entity';
import { Completion } from '../src/modules/completions/completion.entity';
import { Credential } from '../src/modules/credentials/credential.entity';
import { CredentialSkill } from '../src/modules/credentials/credential-skill.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import { Skill } from '../src/modules/skills/skill.entity';
import { OpenBadgeImport } from '../src/modules/open-badges/open-badge-import.entity';

/** The reference badges of ../shared/data (beside the repository); never copied into it. */
const DATA = resolve(__dirname, '../../..', '../shared/data/open-badges');
const haveData = existsSync(DATA);
if (!haveData) console.warn(`open-badges-mapping.spec: ${DATA} is absent, so its tests are skipped`);
const describeWithData = haveData ? describe : describe.skip;
const badge = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

const TEAMWORK_ACHIEVEMENT = 'https://example.com/achievements/21st-century-skills/teamwork';
const ALIGNMENT_CODE = 'ce-cf4dee18-7cea-443a-b920-158a0762c6bf';
const REQUIREMENTS_ANALYSIS = 'https://credentialfinder.org/credential/20229/Requirements_Analysis';
const ob2 = () => ({
  credential: badge('ob2_validatorcore_basic_assertion.json'),
  badgeClass: badge('ob2_validatorcore_basic_badgeclass.json'),
  issuer: badge('ob2_validatorcore_basic_issuer.json'),
});
const TO_MAP = '/api/open-badges/imports?status=pending&mapped=false';

/**
 * HR maps the imported badges that verified but match no catalogue credential (issue 6), on the
 * fixture organisation (support/fixture.ts), whose catalogue knows none of the reference badges:
 * Ada is the employee user; Mia manages Operations (Ada, Ann, Ned, Wes); Finance (Fay, Finn) is
 * outside her tree.
 */
describeWithData(`Open Badges waiting for a mapping (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;
  let sqlAdvanced: Credential;
  /** The 1EdTech "simple" teamwork badge, imported by HR for Ned. */
  let neds: OpenBadgeImportDto;
  /** The DCC alignments badge, imported by Ada herself. */
  let adas: OpenBadgeImportDto;
  let finns: OpenBadgeImportDto;
  let anns: OpenBadgeImportDto;

  const counts = async () => ({
    completions: await sut.dataSource.getRepository(Completion).count(),
    mapped: await sut.dataSource.getRepository(OpenBadgeImport).count({ where: { mappedBy: 'hr' } }),
    audit: await sut.dataSource.getRepository(AuditLog).count(),
  });
  const importAs = async (agent: Agent, body: object, employeeId?: number): Promise<OpenBadgeImportResultDto> =>
    (
      await agent
        .post(`/api/imports/open-badges${employeeId ? `?employeeId=${employeeId}` : ''}`)
        .send(body)
        .expect(201)
    ).body as OpenBadgeImportResultDto;
  const list = async (agent: Agent, query: string): Promise<Page<OpenBadgeImportDto>> =>
    (await agent.get(query).expect(200)).body as Page<OpenBadgeImportDto>;
  const ids = (page: Page<OpenBadgeImportDto>) => page.items.map((item) => item.id).sort((a, b) => a - b);
  const mapAs = (agent: Agent, importId: number, credentialId: unknown) =>
    agent.post(`/api/open-badges/imports/${importId}/map`).send({ credentialId });

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
    const m = sut.dataSource.manager;
    // The alignment badge's target code is the SQL skill, which two credentials grant alike: no
    // single best fit, so it waits for HR, with both suggested.
    await m.update(Skill, { id: fx.skills.sql.id }, { externalRef: ALIGNMENT_CODE });
    sqlAdvanced = await m.save(
      m.create(Credential, {
        ...fx.credentials.sqlBasics,
        id: undefined,
        name: 'SQL Query Design',
        nameKey: nameKey('SQL Query Design'),
      }),
    );
    await m.insert(CredentialSkill, { credentialId: sqlAdvanced.id, skillId: fx.skills.sql.id, level: 3 });
    // The OB2 reference badge is Ann's and its badge class is the forklift licence (mapped, but pending approval).
    await m.update(Employee, { id: fx.people.ann.id }, { email: 'nobody@example.org' });
    await m.update(
      Credential,
      { id: fx.credentials.forkliftLicence.id },
      { badgrClassId: 'https://example.org/robotics-badge.json' },
    );

    const ned = await importAs(hr, badge('ob3_1edtech-validator_simple_VALID.json'), fx.people.ned.id);
    const ada = await importAs(employee, badge('ob3_dcc_eddsa-rdfc-2022_alignments_VALID.json'));
    const finn = await importAs(hr, badge('ob3_dcc_ed25519-2020_teamwork_VALID.json'), fx.people.finn.id);
    const ann = await importAs(hr, { ...ob2(), employeeId: fx.people.ann.id });
    [neds, adas, finns, anns] = [ned, ada, finn, ann].map((result) => result.import as OpenBadgeImportDto);
  });
  afterAll(() => sut?.close());

  it('records a badge that verifies but matches no credential as pending, unmapped', async () => {
    expect(neds).toMatchObject({
      employeeId: fx.people.ned.id,
      employeeName: 'Ned',
      status: 'pending',
      verified: true,
      credentialId: null,
      mappedBy: null,
      completionId: null,
    });
    expect(neds.reason).toMatch(/^No catalogue credential has the achievement id https:\/\/example.com\/achievements/);
    expect(adas).toMatchObject({ employeeId: fx.people.ada.id, status: 'pending', verified: true, credentialId: null });
    expect(adas.reason).toBe('Its alignments fit several credentials ("SQL Basics", "SQL Query Design"): HR maps it to one.');
    expect(anns).toMatchObject({ status: 'pending', verified: false, mappedBy: 'achievement_id' });
    await expect(sut.dataSource.getRepository(Completion).count({ where: { source: 'open_badges' } })).resolves.toBe(1);
  });

  it('lists the badges to map for HR with what HR needs to decide', async () => {
    const page = await list(hr, TO_MAP);
    expect(page).toMatchObject({ total: 3, page: 1 });
    expect(ids(page)).toEqual([neds.id, adas.id, finns.id].sort((a, b) => a - b));
    const ned = page.items.find((item) => item.id === neds.id);
    expect(ned).toMatchObject({
      employeeName: 'Ned',
      format: 'ob3',
      status: 'pending',
      verified: true,
      achievementId: TEAMWORK_ACHIEVEMENT,
      achievementName: 'Teamwork',
      issuerId: 'https://example.com/issuers/876543',
      issuerName: 'Example Corp',
      awardedAt: '2010-01-01',
      expiresAt: null,
      alignments: [],
      // Achievement "Teamwork" is the name of a skill: the credential granting it is suggested.
      suggestedCredentials: [
        {
          credentialId: fx.credentials.teamworkBadge.id,
          credentialName: 'Teamwork Essentials',
          reason: 'skill',
          skillName: 'Teamwork',
        },
      ],
    });
    expect(ned?.checks.map((c) => [c.name, c.passed])).toEqual([
      ['format', true],
      ['type', true],
      ['signature', true],
      ['issuer', true],
      ['expiry', true],
      ['status', true],
      ['recipient', true],
    ]);
    const ada = page.items.find((item) => item.id === adas.id);
    expect(ada).toMatchObject({
      employeeName: 'Ada',
      achievementName: 'Text analysis',
      issuerName: 'Example University',
      alignments: [
        { targetName: 'Requirements Analysis', targetUrl: REQUIREMENTS_ANALYSIS, targetCode: ALIGNMENT_CODE },
        { targetName: 'Requirements Analysis', targetUrl: REQUIREMENTS_ANALYSIS, targetCode: null },
      ],
      suggestedCredentials: [
        { credentialId: fx.credentials.sqlBasics.id, credentialName: 'SQL Basics', reason: 'alignment', skillName: 'SQL' },
        { credentialId: sqlAdvanced.id, credentialName: 'SQL Query Design', reason: 'alignment', skillName: 'SQL' },
      ],
    });
  });

  it('suggests a credential named like the achievement first', async () => {
    const named = await sut.dataSource.manager.save(
      sut.dataSource.manager.create(Credential, {
        ...fx.credentials.teamworkBadge,
        id: undefined,
        name: 'TEAMWORK',
        nameKey: nameKey('TEAMWORK'),
      }),
    );
    try {
      const ned = (await list(hr, TO_MAP)).items.find((item) => item.id === neds.id);
      expect(ned?.suggestedCredentials.map((s) => [s.credentialName, s.reason])).toEqual([
        ['TEAMWORK', 'name'],
        ['Teamwork Essentials', 'skill'],
      ]);
    } finally {
      await sut.dataSource.getRepository(Credential).delete({ id: named.id });
    }
  });

  it('filters by status as the answer reports it: pending takes in mapped badges waiting for approval', async () => {
    expect(ids(await list(hr, '/api/open-badges/imports?status=pending'))).toEqual(
      [neds.id, adas.id, finns.id, anns.id].sort((a, b) => a - b),
    );
    expect(ids(await list(hr, '/api/open-badges/imports?mapped=true'))).toEqual([anns.id]);
    await expect(list(hr, '/api/open-badges/imports?status=valid')).resolves.toMatchObject({ items: [], total: 0 });
    await expect(list(hr, '/api/open-badges/imports?status=revoked')).resolves.toMatchObject({ items: [], total: 0 });
    const paged = await list(hr, `${TO_MAP}&pageSize=2&page=2`);
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it('keeps the scope: a manager sees their tree, an employee their own, an executive nothing', async () => {
    expect(ids(await list(manager, TO_MAP))).toEqual([neds.id, adas.id].sort((a, b) => a - b));
    expect(ids(await list(employee, TO_MAP))).toEqual([adas.id]);
    await expect(list(employee, `${TO_MAP}&employeeId=${fx.people.ada.id}`)).resolves.toMatchObject({ total: 1 });
    await employee.get(`${TO_MAP}&employeeId=${fx.people.ned.id}`).expect(404);
    await manager.get(`${TO_MAP}&employeeId=${fx.people.finn.id}`).expect(404);
    await exec.get(TO_MAP).expect(403);
  });

  it('answers 400 naming the field for an unknown status or mapped value', async () => {
    const status = await hr.get('/api/open-badges/imports?status=unmapped').expect(400);
    expect(status.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'status', message: 'status must be one of valid, revoked, pending' }],
    });
    const mapped = await hr.get('/api/open-badges/imports?mapped=maybe').expect(400);
    expect(mapped.body).toMatchObject({ errors: [{ field: 'mapped', message: 'mapped must be true or false' }] });
  });

  it('lets only HR map: a manager and an employee get 403 and nothing is written', async () => {
    const before = await counts();
    await expect(
      mapAs(manager, neds.id, fx.credentials.teamworkBadge.id)
        .expect(403)
        .then((r) => r.body.code),
    ).resolves.toBe('FORBIDDEN');
    await mapAs(employee, adas.id, fx.credentials.sqlBasics.id).expect(403);
    await mapAs(exec, neds.id, fx.credentials.teamworkBadge.id).expect(403);
    const bad = await mapAs(hr, neds.id, 'teamwork').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'credentialId' })]);
    const unknown = await mapAs(hr, neds.id, 999_999).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'credentialId', message: 'Credential 999999 does not exist' }]);
    await mapAs(hr, 999_999, fx.credentials.teamworkBadge.id).expect(404);
    await expect(counts()).resolves.toEqual(before);
  });

  it('maps a badge: it leaves the pending list, becomes a valid Open Badges completion and counts', async () => {
    const before = (await hr.get(`/api/employees/${fx.people.ned.id}/profile`).expect(200)).body as EmployeeProfileDto;
    expect(before.skills.find((s) => s.skillId === fx.skills.teamwork.id)).toBeUndefined();

    const mapped = (await mapAs(hr, neds.id, fx.credentials.teamworkBadge.id).expect(200)).body as OpenBadgeImportDto;
    expect(mapped).toMatchObject({
      id: neds.id,
      employeeName: 'Ned',
      status: 'valid',
      mappedBy: 'hr',
      credentialId: fx.credentials.teamworkBadge.id,
      credentialName: 'Teamwork Essentials',
      suggestedCredentials: [],
    });
    const completion = (await hr.get(`/api/completions/${mapped.completionId}`).expect(200)).body as CompletionDto;
    expect(completion).toMatchObject({
      employeeId: fx.people.ned.id,
      credentialId: fx.credentials.teamworkBadge.id,
      awardedAt: '2010-01-01',
      expiresAt: null,
      source: 'open_badges',
      status: 'valid',
    });

    expect(ids(await list(hr, TO_MAP))).toEqual([adas.id, finns.id].sort((a, b) => a - b));
    expect(ids(await list(hr, '/api/open-badges/imports?status=pending'))).not.toContain(neds.id);
    expect(ids(await list(hr, '/api/open-badges/imports?status=valid'))).toEqual([neds.id]);
    const after = (await hr.get(`/api/employees/${fx.people.ned.id}/profile`).expect(200)).body as EmployeeProfileDto;
    expect(after.skills.find((s) => s.skillId === fx.skills.teamwork.id)?.level).toBe(2);

    // Mapped once: a second mapping is a conflict.
    await mapAs(hr, neds.id, fx.credentials.sqlBasics.id).expect(409);
  });
});
