import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type {
  CompletionDto,
  OpenBadgeImportDto,
  OpenBadgeImportResultDto,
  OpenBadgeVerificationDto,
  Page,
  EmployeeProfileDto,
} from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';
import { Completion } from '../src/modules/completions/completion.entity';
import { Credential } from '../src/modules/credentials/credential.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import { Skill } from '../src/modules/skills/skill.entity';
import { AuditLog } from '../src/modules/audit/audit-log.entity';
import { OpenBadgeImport } from '../src/modules/open-badges/open-badge-import.entity';
import { OrganisationKey } from '../src/modules/open-badges/organisation-key.entity';

/** The reference badges of ../shared/data (beside the repository); never copied into it. */
const DATA = resolve(__dirname, '../../..', '../shared/data/open-badges');
const haveData = existsSync(DATA);
if (!haveData) console.warn(`open-badges.spec: ${DATA} is absent, so the Open Badges reference-file tests are skipped`);
const describeWithData = haveData ? describe : describe.skip;
const badge = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

const OB2 = {
  credential: 'ob2_validatorcore_basic_assertion.json',
  badgeClass: 'ob2_validatorcore_basic_badgeclass.json',
  issuer: 'ob2_validatorcore_basic_issuer.json',
};
const TEAMWORK_ACHIEVEMENT = 'https://example.com/achievements/21st-century-skills/teamwork';
const ESCO_TEAMWORK = 'http://data.europa.eu/esco/skill/test-teamwork';

type Checks = Record<string, boolean>;
const checksOf = (body: { checks: Array<{ name: string; passed: boolean }> }): Checks =>
  Object.fromEntries(body.checks.map((c) => [c.name, c.passed]));
const messageOf = (body: { checks: Array<{ name: string; message: string }> }, name: string) =>
  body.checks.find((c) => c.name === name)?.message;

/**
 * Open Badges in and out on the fixture organisation (support/fixture.ts). Ada is the employee
 * user; Mia manages Operations (Ada, Ann, Ned, Wes); Finance (Fay, Finn) is outside her tree.
 */
describeWithData(`Open Badges (${testDialect()})`, () => {
  let sut: TestApp;
  let fx: Fixture;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;

  const counts = async () => ({
    completions: await sut.dataSource.getRepository(Completion).count(),
    imports: await sut.dataSource.getRepository(OpenBadgeImport).count(),
    audit: await sut.dataSource.getRepository(AuditLog).count(),
  });
  const importAs = (agent: Agent, body: object, employeeId?: number) =>
    agent.post(`/api/imports/open-badges${employeeId ? `?employeeId=${employeeId}` : ''}`).send(body);
  const verify = (body: object) => request(sut.http).post('/api/open-badges/verify').send(body);

  beforeAll(async () => {
    sut = await createTestApp();
    fx = await seedFixture(sut.dataSource);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
    const m = sut.dataSource.manager;
    // The catalogue knows the 1EdTech teamwork achievement, the OB2 robotics badge class (as a
    // Badgr class id) and, through the SQL skill's external reference, the alignment target code.
    await m.update(Credential, { id: fx.credentials.teamworkBadge.id }, { achievementId: TEAMWORK_ACHIEVEMENT });
    await m.update(
      Credential,
      { id: fx.credentials.forkliftLicence.id },
      { badgrClassId: 'https://example.org/robotics-badge.json' },
    );
    await m.update(Skill, { id: fx.skills.sql.id }, { externalRef: 'ce-cf4dee18-7cea-443a-b920-158a0762c6bf' });
    await m.update(Skill, { id: fx.skills.teamwork.id }, { externalRef: ESCO_TEAMWORK });
    // The recipients the reference badges name: the OB2 one is Ann's, the 1EdTech "complete" one Ned's.
    await m.update(Employee, { id: fx.people.ann.id }, { email: 'nobody@example.org' });
    await m.update(Employee, { id: fx.people.ned.id }, { email: 'student@1edtech.edu' });
  });
  afterAll(() => sut?.close());

  describe('POST /open-badges/verify (public) gives each reference file its expected result', () => {
    it.each([
      [
        'ob3_1edtech-validator_simple_VALID.json',
        true,
        { format: true, type: true, signature: true, issuer: true, expiry: true, status: true },
      ],
      [
        'ob3_dcc_eddsa-rdfc-2022_alignments_VALID.json',
        true,
        { format: true, type: true, signature: true, issuer: true, expiry: true, status: true },
      ],
      [
        'ob3_dcc_ed25519-2020_teamwork_VALID.json',
        true,
        { format: true, type: true, signature: true, issuer: true, expiry: true, status: true },
      ],
      [
        'ob3_1edtech-validator_complete_VALID.json',
        false,
        { format: true, type: true, signature: true, issuer: true, expiry: true, status: false },
      ],
      [
        'ob3_1edtech-validator_simple-err-proof-value_BADSIG.json',
        false,
        { format: true, type: true, signature: false, issuer: true, expiry: true, status: true },
      ],
      [
        'ob3_dcc_ed25519-2020_teamwork_TAMPERED.json',
        false,
        { format: true, type: true, signature: false, issuer: true, expiry: true, status: true },
      ],
      [
        'ob3_1edtech-validator_simple-err-expired_EXPIRED.json',
        false,
        { format: true, type: true, signature: true, issuer: true, expiry: false, status: true },
      ],
      [
        'ob3_dcc_ed25519-2020_EXPIRED.json',
        false,
        { format: true, type: true, signature: true, issuer: true, expiry: false, status: true },
      ],
      [
        'ob3_1edtech-validator_simple-err-type_BADTYPE.json',
        false,
        { format: true, type: false, signature: false, issuer: true, expiry: true, status: true },
      ],
    ])('%s', async (file, verified, checks) => {
      const response = await verify(badge(file)).expect(200);
      const body = response.body as OpenBadgeVerificationDto;
      expect(checksOf(body)).toEqual(checks);
      expect(body.verified).toBe(verified);
      expect(body.badge.format).toBe('ob3');
    });

    it('explains each failure', async () => {
      const complete = (await verify(badge('ob3_1edtech-validator_complete_VALID.json')).expect(200)).body;
      expect(messageOf(complete, 'status')).toMatch(
        /^Status unchecked: the 1EdTechRevocationList list .* cannot be fetched offline/,
      );
      const tampered = (await verify(badge('ob3_dcc_ed25519-2020_teamwork_TAMPERED.json')).expect(200)).body;
      expect(messageOf(tampered, 'signature')).toMatch(/does not match the credential/);
      const expired = (await verify(badge('ob3_1edtech-validator_simple-err-expired_EXPIRED.json')).expect(200)).body;
      expect(messageOf(expired, 'expiry')).toMatch(/^The badge expired on 2010-01-01 \(today is \d{4}-\d{2}-\d{2}\)$/);
      const badType = (await verify(badge('ob3_1edtech-validator_simple-err-type_BADTYPE.json')).expect(200)).body;
      expect(messageOf(badType, 'type')).toBe(
        "The credential's type (VerifiableCredential, OtherCredential) does not include OpenBadgeCredential",
      );
      const simple = (await verify(badge('ob3_1edtech-validator_simple_VALID.json')).expect(200)).body;
      expect(messageOf(simple, 'issuer')).toMatch(/taken from the verification method of https:\/\/example.com\/issuers\/876543/);
      expect(simple.badge).toMatchObject({ achievementId: TEAMWORK_ACHIEVEMENT, awardedAt: '2010-01-01', expiresAt: null });
    });

    it('never goes online for a key: a did:web issuer cannot be verified offline', async () => {
      const credential = badge('ob3_dcc_eddsa-rdfc-2022_alignments_VALID.json') as {
        issuer: { id: string };
        proof: { verificationMethod: string };
      };
      credential.issuer.id = 'did:web:issuer.example';
      credential.proof.verificationMethod = 'did:web:issuer.example#key-1';
      const body = (await verify(credential).expect(200)).body as OpenBadgeVerificationDto;
      expect(checksOf(body)).toMatchObject({ signature: false, issuer: false });
      expect(messageOf(body, 'signature')).toMatch(/^The signing key cannot be resolved offline/);
      expect(messageOf(body, 'issuer')).toBe(
        'The key did:web:issuer.example#key-1 cannot be resolved offline (only did:key and https…#z6Mk… keys can)',
      );
    });

    it('checks an OB 2.0 assertion for structure, and never calls it verified (hosted verification needs the network)', async () => {
      const body = (
        await verify({ credential: badge(OB2.credential), badgeClass: badge(OB2.badgeClass), issuer: badge(OB2.issuer) }).expect(
          200,
        )
      ).body as OpenBadgeVerificationDto;
      expect(checksOf(body)).toEqual({ format: true, structure: true, expiry: true, 'hosted-verification': false });
      expect(body.verified).toBe(false);
      expect(body.badge).toMatchObject({
        format: 'ob2',
        achievementName: 'Awesome Robotics Badge',
        issuerName: 'An Example Badge Issuer',
        awardedAt: '2016-12-31',
      });
      const alone = (await verify(badge(OB2.credential)).expect(200)).body;
      expect(checksOf(alone).structure).toBe(false);
      expect(messageOf(alone, 'structure')).toMatch(/the badge class https:\/\/example.org\/robotics-badge.json is needed/);
      for (const part of [OB2.badgeClass, OB2.issuer]) {
        const answer = (await verify(badge(part)).expect(200)).body;
        expect(checksOf(answer)).toEqual({ format: false });
        expect(messageOf(answer, 'format')).toMatch(/not an assertion/);
      }
    });
  });

  describe('POST /imports/open-badges', () => {
    it('records a verified badge mapped by achievement id as a valid completion, and the profile follows', async () => {
      const before = (await hr.get(`/api/employees/${fx.people.ann.id}/profile`).expect(200)).body as EmployeeProfileDto;
      expect(before.skills.find((s) => s.skillId === fx.skills.teamwork.id)).toBeUndefined();
      const response = await importAs(hr, badge('ob3_dcc_ed25519-2020_teamwork_VALID.json'), fx.people.ann.id).expect(201);
      const body = response.body as OpenBadgeImportResultDto;
      expect(body).toMatchObject({ verified: true, outcome: 'recorded' });
      expect(body.completion).toMatchObject({
        employeeId: fx.people.ann.id,
        credentialId: fx.credentials.teamworkBadge.id,
        awardedAt: '2010-01-01',
        expiresAt: null,
        source: 'open_badges',
        status: 'valid',
      });
      expect(body.import).toMatchObject({ status: 'valid', mappedBy: 'achievement_id', format: 'ob3', reason: null });
      expect(checksOf(body)).toEqual({
        format: true,
        type: true,
        signature: true,
        issuer: true,
        expiry: true,
        status: true,
        recipient: true,
      });
      const after = (await hr.get(`/api/employees/${fx.people.ann.id}/profile`).expect(200)).body as EmployeeProfileDto;
      expect(after.skills.find((s) => s.skillId === fx.skills.teamwork.id)?.level).toBe(2);
    });

    it('is idempotent: the same badge again changes nothing', async () => {
      const first = await counts();
      const again = await importAs(hr, badge('ob3_dcc_ed25519-2020_teamwork_VALID.json'), fx.people.ann.id).expect(200);
      expect(again.body).toMatchObject({
        outcome: 'unchanged',
        verified: true,
        completion: { status: 'valid', source: 'open_badges' },
      });
      await expect(counts()).resolves.toEqual(first);
    });

    it('maps by alignment: the target code is the SQL skill, granted by SQL Basics', async () => {
      const response = await importAs(employee, badge('ob3_dcc_eddsa-rdfc-2022_alignments_VALID.json')).expect(201);
      expect(response.body.import).toMatchObject({
        mappedBy: 'alignment',
        credentialId: fx.credentials.sqlBasics.id,
        status: 'valid',
      });
      // No validUntil: the credential's 24-month validity applies from the award.
      expect(response.body.completion).toMatchObject({
        employeeId: fx.people.ada.id,
        awardedAt: '2010-01-01',
        expiresAt: '2012-01-01',
      });
    });

    it('keeps a verified badge that maps to no credential as pending, and HR maps it later', async () => {
      // The 1EdTech "complete" badge: its status list cannot be checked offline, and its degree is not in the catalogue.
      const response = await importAs(hr, badge('ob3_1edtech-validator_complete_VALID.json'), fx.people.ned.id).expect(201);
      const body = response.body as OpenBadgeImportResultDto;
      expect(body).toMatchObject({ verified: false, outcome: 'recorded', completion: null });
      expect(checksOf(body)).toMatchObject({ signature: true, status: false, recipient: true });
      expect(body.import).toMatchObject({ status: 'pending', credentialId: null, mappedBy: null, verified: false });
      expect(body.import?.reason).toMatch(
        /Status unchecked.*No catalogue credential has the achievement id https:\/\/1edtech.edu\/achievements\/degree/,
      );

      await manager
        .post(`/api/open-badges/imports/${body.import?.id}/map`)
        .send({ credentialId: fx.credentials.sqlBasics.id })
        .expect(403);
      const mapped = await hr
        .post(`/api/open-badges/imports/${body.import?.id}/map`)
        .send({ credentialId: fx.credentials.sqlBasics.id })
        .expect(200);
      // Mapped, but its status is still unchecked: the completion waits for HR's approval.
      expect(mapped.body).toMatchObject({ mappedBy: 'hr', credentialId: fx.credentials.sqlBasics.id, status: 'pending' });
      const completion = (await hr.get(`/api/completions/${mapped.body.completionId}`).expect(200)).body as CompletionDto;
      expect(completion).toMatchObject({ source: 'open_badges', status: 'pending', employeeId: fx.people.ned.id });
      await hr
        .post(`/api/open-badges/imports/${body.import?.id}/map`)
        .send({ credentialId: fx.credentials.sqlBasics.id })
        .expect(409);
      // Without an employeeId, HR and managers import for the employee in scope the badge names in plain.
      const byEmail = await importAs(manager, badge('ob3_1edtech-validator_complete_VALID.json')).expect(200);
      expect(byEmail.body).toMatchObject({ outcome: 'unchanged', import: { id: body.import?.id, employeeId: fx.people.ned.id } });
    });

    it('stores an OB 2.0 assertion (with its badge class and issuer) as pending, after the hashed recipient check', async () => {
      const response = await importAs(hr, {
        credential: badge(OB2.credential),
        badgeClass: badge(OB2.badgeClass),
        issuer: badge(OB2.issuer),
        employeeId: fx.people.ann.id,
      }).expect(201);
      expect(checksOf(response.body)).toEqual({
        format: true,
        structure: true,
        expiry: true,
        'hosted-verification': false,
        recipient: true,
      });
      expect(messageOf(response.body, 'recipient')).toBe('The hashed e-mail identity of the recipient is nobody@example.org');
      expect(response.body.completion).toMatchObject({
        credentialId: fx.credentials.forkliftLicence.id,
        awardedAt: '2016-12-31',
        source: 'open_badges',
        status: 'pending',
        evidenceUrl: 'https://example.org/beths-robotics-badge.json',
      });
      expect(response.body.import).toMatchObject({ status: 'pending', mappedBy: 'achievement_id' });
      // Pending does not count: Ann holds no forklift level.
      const profile = (await hr.get(`/api/employees/${fx.people.ann.id}/profile`).expect(200)).body as EmployeeProfileDto;
      expect(profile.skills.find((s) => s.skillId === fx.skills.forklift.id)).toBeUndefined();
    });

    it('takes the OB 2.0 files as multipart uploads too', async () => {
      const response = await hr
        .post(`/api/imports/open-badges?employeeId=${fx.people.ann.id}`)
        .attach('file', join(DATA, OB2.credential))
        .attach('badgeClass', join(DATA, OB2.badgeClass))
        .attach('issuer', join(DATA, OB2.issuer))
        .expect(200);
      expect(response.body).toMatchObject({ outcome: 'unchanged', completion: { status: 'pending', source: 'open_badges' } });
    });

    it.each([
      ['ob3_1edtech-validator_simple-err-proof-value_BADSIG.json', 'signature'],
      ['ob3_dcc_ed25519-2020_teamwork_TAMPERED.json', 'signature'],
      ['ob3_1edtech-validator_simple-err-expired_EXPIRED.json', 'expiry'],
      ['ob3_dcc_ed25519-2020_EXPIRED.json', 'expiry'],
      ['ob3_1edtech-validator_simple-err-type_BADTYPE.json', 'type'],
    ])('refuses %s (%s) with 422 and writes nothing', async (file, failing) => {
      const before = await counts();
      const response = await importAs(employee, badge(file)).expect(422);
      expect(response.body).toMatchObject({
        statusCode: 422,
        code: 'BADGE_REFUSED',
        verified: false,
        outcome: 'rejected',
        completion: null,
        import: null,
      });
      expect(checksOf(response.body)[failing]).toBe(false);
      await expect(counts()).resolves.toEqual(before);
    });

    it("refuses a badge whose e-mail recipient is not the employee's", async () => {
      const before = await counts();
      const ob2 = await importAs(employee, {
        credential: badge(OB2.credential),
        badgeClass: badge(OB2.badgeClass),
        issuer: badge(OB2.issuer),
      }).expect(422);
      expect(checksOf(ob2.body).recipient).toBe(false);
      expect(messageOf(ob2.body, 'recipient')).toBe(
        "The badge's hashed e-mail identity is not ada@test.example: it was awarded to someone else",
      );
      const complete = await importAs(employee, badge('ob3_1edtech-validator_complete_VALID.json')).expect(422);
      expect(messageOf(complete.body, 'recipient')).toBe(
        'The badge was awarded to student@1edtech.edu, somebody@gmail.com, not to ada@test.example',
      );
      // HR naming the wrong person is refused the same way.
      await importAs(hr, badge('ob3_1edtech-validator_complete_VALID.json'), fx.people.wes.id).expect(422);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses bad requests with a clear 4xx and writes nothing', async () => {
      const before = await counts();
      const valid = badge('ob3_1edtech-validator_simple_VALID.json');
      // Another employee's record: an employee may only import their own (403); out of scope or unknown: 404.
      await expect(
        importAs(employee, valid, fx.people.ann.id)
          .expect(403)
          .then((r) => r.body.code),
      ).resolves.toBe('FORBIDDEN');
      await expect(
        importAs(manager, valid, fx.people.finn.id)
          .expect(404)
          .then((r) => r.body.code),
      ).resolves.toBe('EMPLOYEE_NOT_FOUND');
      await importAs(hr, valid, 999_999).expect(404);
      await importAs(exec, valid).expect(403);
      await request(sut.http).post('/api/imports/open-badges').send(valid).expect(401);
      await importAs(hr, { credential: valid, employeeId: 'x' }).expect(400);
      await importAs(hr, { credential: valid, extra: 1 }).expect(400);
      // Not JSON at all: a binary body, malformed JSON, a binary file.
      const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00]);
      const octet = await employee
        .post('/api/imports/open-badges')
        .set('Content-Type', 'application/octet-stream')
        .send(binary)
        .expect(400);
      expect(octet.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const malformed = await employee
        .post('/api/imports/open-badges')
        .set('Content-Type', 'application/json')
        .send('{"@context": [')
        .expect(400);
      expect(malformed.body.code).toBe('INVALID_JSON');
      const file = await employee.post('/api/imports/open-badges').attach('file', binary, 'badge.json').expect(400);
      expect(file.body).toMatchObject({ code: 'INVALID_JSON', errors: [{ field: 'file', message: 'is not a JSON text file' }] });
      await employee.post('/api/imports/open-badges').field('note', 'no file').expect(400);
      const huge = await employee
        .post('/api/imports/open-badges')
        .attach('file', Buffer.alloc(1_000_001, 32), 'badge.json')
        .expect(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      await importAs(employee, [valid]).expect(400);
      // Deeply nested JSON is refused before any JSON-LD processing.
      let nested: Record<string, unknown> = { leaf: true };
      for (let i = 0; i < 500; i++) nested = { n: nested };
      const deep = await importAs(employee, { ...valid, credentialSubject: nested }).expect(400);
      expect(deep.body).toMatchObject({
        code: 'BADGE_TOO_COMPLEX',
        errors: [{ field: 'credential', message: 'is nested deeper than 32 levels' }],
      });
      // Something that is no badge.
      const notBadge = await importAs(employee, { hello: 'world' }).expect(422);
      expect(checksOf(notBadge.body)).toEqual({ format: false });
      await expect(counts()).resolves.toEqual(before);
    });
  });

  describe('Open Badges 3.0 out', () => {
    let teamworkCompletion: CompletionDto;
    let issued: Record<string, unknown>;

    beforeAll(async () => {
      const page = (await employee.get(`/api/completions?employeeId=${fx.people.ada.id}`).expect(200))
        .body as Page<CompletionDto>;
      teamworkCompletion = page.items.find(
        (c) => c.credentialId === fx.credentials.teamworkBadge.id && c.awardedAt === '2024-03-01',
      ) as CompletionDto;
    });

    it('signs a completion as an OpenBadgeCredential with the organisation did:key (eddsa-rdfc-2022)', async () => {
      const response = await employee.get(`/api/completions/${teamworkCompletion.id}/open-badge`).expect(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="open-badge-teamwork-essentials-${teamworkCompletion.id}.json"`,
      );
      issued = response.body;
      const key = (await request(sut.http).get('/api/open-badges/issuer').expect(200)).body;
      expect(key.id).toMatch(/^did:key:z6Mk/);
      expect(Object.keys(key).sort()).toEqual(['id', 'publicKeyMultibase', 'verificationMethod']);
      expect(issued).toMatchObject({
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: key.id, name: 'Test Org' },
        validFrom: '2024-03-01T00:00:00Z',
        name: 'Teamwork Essentials',
        credentialSubject: {
          achievement: {
            id: `urn:skillgrid:credential:${fx.credentials.teamworkBadge.id}`,
            name: 'Teamwork Essentials',
            alignment: [
              { targetName: 'Teamwork', targetUrl: ESCO_TEAMWORK, targetCode: 'test-teamwork', targetFramework: 'ESCO' },
            ],
          },
        },
        proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: key.verificationMethod },
      });
      expect(issued).not.toHaveProperty('validUntil');
      expect(JSON.stringify(issued)).not.toContain('ada@test.example');
      // One key, generated at first use; its secret half is in the database and in no answer.
      const keys = await sut.dataSource.getRepository(OrganisationKey).find({ select: { id: true, secretKeyMultibase: true } });
      expect(keys).toHaveLength(1);
      expect(JSON.stringify(issued)).not.toContain(keys[0].secretKeyMultibase);
      expect(JSON.stringify(key)).not.toContain(keys[0].secretKeyMultibase);
    });

    it('verifies with the same verification code, and a tampered copy fails', async () => {
      const body = (await verify(issued).expect(200)).body as OpenBadgeVerificationDto;
      expect(body.verified).toBe(true);
      expect(checksOf(body)).toEqual({ format: true, type: true, signature: true, issuer: true, expiry: true, status: true });
      const tampered = structuredClone(issued) as { credentialSubject: { achievement: { name: string } } };
      tampered.credentialSubject.achievement.name = 'Teamwork Mastery';
      const refused = (await verify(tampered).expect(200)).body as OpenBadgeVerificationDto;
      expect(checksOf(refused).signature).toBe(false);
      expect(refused.verified).toBe(false);
    });

    it('puts the expiry in validUntil and carries the hashed recipient, which re-importing checks', async () => {
      const page = (await employee.get(`/api/completions?employeeId=${fx.people.ada.id}`).expect(200))
        .body as Page<CompletionDto>;
      const licence = page.items.find((c) => c.credentialId === fx.credentials.forkliftLicence.id) as CompletionDto;
      const credential = (await employee.get(`/api/completions/${licence.id}/open-badge`).expect(200)).body;
      expect(credential.validUntil).toBe(`${licence.expiresAt}T00:00:00Z`);
      const before = await counts();
      // Ada's own badge, back again: already on record, nothing changes.
      const again = await importAs(employee, issued).expect(200);
      expect(again.body).toMatchObject({ outcome: 'unchanged', verified: true, completion: { id: teamworkCompletion.id } });
      expect(checksOf(again.body).recipient).toBe(true);
      // Ann's badge is not Ada's.
      await importAs(hr, issued, fx.people.ann.id).expect(422);
      await expect(counts()).resolves.toEqual(before);
    });

    it('is scoped: managers and HR for their people, employees their own, 404 outside, exec 403, pending 422', async () => {
      await manager.get(`/api/completions/${teamworkCompletion.id}/open-badge`).expect(200);
      await hr.get(`/api/completions/${teamworkCompletion.id}/open-badge`).expect(200);
      await exec.get(`/api/completions/${teamworkCompletion.id}/open-badge`).expect(403);
      const finns = (await hr.get(`/api/completions?employeeId=${fx.people.finn.id}`).expect(200)).body as Page<CompletionDto>;
      await employee.get(`/api/completions/${finns.items[0].id}/open-badge`).expect(404);
      await manager.get(`/api/completions/${finns.items[0].id}/open-badge`).expect(404);
      await employee.get('/api/completions/999999/open-badge').expect(404);
      const pending = (await hr.get(`/api/completions?employeeId=${fx.people.ann.id}&status=pending`).expect(200))
        .body as Page<CompletionDto>;
      const refused = await hr.get(`/api/completions/${pending.items[0].id}/open-badge`).expect(422);
      expect(refused.body.code).toBe('COMPLETION_NOT_VALID');
    });
  });

  it('lists imported badges in scope', async () => {
    const own = (await employee.get('/api/open-badges/imports').expect(200)).body as Page<OpenBadgeImportDto>;
    expect(own.items.map((i) => i.employeeId)).toEqual([fx.people.ada.id]);
    const ann = (await manager.get(`/api/open-badges/imports?employeeId=${fx.people.ann.id}`).expect(200))
      .body as Page<OpenBadgeImportDto>;
    expect(ann.items.map((i) => [i.format, i.status]).sort()).toEqual([
      ['ob2', 'pending'],
      ['ob3', 'valid'],
    ]);
    await employee.get(`/api/open-badges/imports?employeeId=${fx.people.ann.id}`).expect(404);
    await exec.get('/api/open-badges/imports').expect(403);
  });
});
