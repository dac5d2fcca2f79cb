import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { validateEnv, type AppConfig } from '../src/config/env.validation';
import { createDataSource } from '../src/database/data-source';
import { credentialLibraries } from '../src/modules/open-badges/credential-libraries';
import { isSealed, keyEncryptionKeyFrom, openSecret, parseKeyEncryptionKey } from '../src/modules/open-badges/key-encryption';
import { OB3_CONTEXTS, OpenBadgeSigner, sealingContext, type BadgeToSign } from '../src/modules/open-badges/open-badge-signer';
import { OpenBadgeVerifier } from '../src/modules/open-badges/open-badge-verifier';
import { OrganisationKey } from '../src/modules/open-badges/organisation-key.entity';
import { createTestApp, type TestApp } from './support/test-app';
import { createTestDatabase, testDialect, type TestDatabase } from './support/test-database';

const BADGE: BadgeToSign = {
  completionId: 7,
  organisationName: 'Test Org',
  recipientEmail: 'ada@test.example',
  recipientName: 'Ada',
  awardedAt: '2024-03-01',
  expiresAt: null,
  credential: { id: 3, name: 'Teamwork Essentials', description: null, url: null },
  skills: [],
};

const verifier = new OpenBadgeVerifier();
const verified = async (credential: unknown) =>
  (await verifier.verify({ credential }, { today: '2025-01-01', timeZone: 'UTC' })).verified;

async function storedKeys(dataSource: DataSource): Promise<OrganisationKey[]> {
  return dataSource
    .getRepository(OrganisationKey)
    .createQueryBuilder('k')
    .addSelect('k.secretKeyMultibase')
    .orderBy('k.id')
    .getMany();
}

/** Every spelling of an Ed25519 secret key that must not be in the column (multibase, JWK `d`, the seed). */
async function secretSpellings(secretKeyMultibase: string, publicKeyMultibase: string): Promise<string[]> {
  const { Ed25519Multikey } = await credentialLibraries();
  const pair = await Ed25519Multikey.from({ publicKeyMultibase, secretKeyMultibase });
  // The library's key pair carries the raw key bytes, which its type declarations leave out.
  const secret = Buffer.from((pair as unknown as { secretKey: Uint8Array }).secretKey);
  const seed = secret.subarray(0, 32);
  return [
    secretKeyMultibase,
    secret.toString('base64url'),
    seed.toString('base64url'),
    seed.toString('base64'),
    seed.toString('hex'),
  ];
}

describe(`The Open Badges signing key at rest (${testDialect()})`, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'skillgrid-kek-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('on a fresh start', () => {
    let sut: TestApp;
    let kekFile: string;
    beforeAll(async () => {
      kekFile = join(mkdtempSync(join(tmpdir(), 'skillgrid-kek-app-')), 'keys', 'kek');
      sut = await createTestApp({ SKILLGRID_KEY_ENCRYPTION_KEY_FILE: kekFile });
    });
    afterAll(async () => {
      await sut.close();
      rmSync(join(kekFile, '..', '..'), { recursive: true, force: true });
    });

    it('generates the key-encryption key file with mode 0600 and stores only ciphertext', async () => {
      const issuer = (await request(sut.http).get('/api/open-badges/issuer').expect(200)).body as Record<string, string>;
      expect(statSync(kekFile).mode & 0o777).toBe(0o600);
      const [key, ...others] = await storedKeys(sut.dataSource);
      expect(others).toEqual([]);
      expect(key?.controller).toBe(issuer['id']);
      const stored = key?.secretKeyMultibase as string;
      expect(stored).toMatch(/^v1:[0-9a-f]{16}:/);
      const kek = keyEncryptionKeyFrom(parseKeyEncryptionKey(readFileSync(kekFile, 'utf8'), 'file'), 'file');
      const secret = openSecret(stored, kek, sealingContext(key as OrganisationKey));
      for (const spelling of await secretSpellings(secret, key?.publicKeyMultibase as string)) {
        expect(stored).not.toContain(spelling);
        expect(JSON.stringify(issuer)).not.toContain(spelling);
      }
    });

    it('signs with it, and the credential verifies', async () => {
      const credential = await sut.app.get(OpenBadgeSigner).sign(BADGE);
      const [key] = await storedKeys(sut.dataSource);
      expect(credential).toMatchObject({ issuer: { id: key?.controller } });
      expect(JSON.stringify(credential)).not.toContain(key?.secretKeyMultibase.split(':')[4]);
      await expect(verified(credential)).resolves.toBe(true);
    });
  });

  describe('with signers of their own', () => {
    let database: TestDatabase;
    let dataSource: DataSource;
    beforeEach(async () => {
      database = await createTestDatabase();
      dataSource = await createDataSource(database.config);
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
    });
    afterEach(async () => {
      await dataSource.destroy();
      await database.destroy();
    });

    const configWith = (env: Record<string, string>): AppConfig => ({
      ...validateEnv({ NODE_ENV: 'test', WEB_DIST: '', ...env }),
      database: database.config,
    });
    const signerWith = (env: Record<string, string>) => new OpenBadgeSigner(dataSource, configWith(env));
    const envKey = () => ({ SKILLGRID_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') });

    /** A key row as versions before encryption at rest left it. */
    async function plaintextKey(): Promise<{ controller: string; secretKeyMultibase: string; credential: unknown }> {
      const { Ed25519Multikey, DataIntegrityProof, eddsaRdfc2022, vc, staticLoader } = await credentialLibraries();
      const pair = await Ed25519Multikey.generate();
      const controller = `did:key:${pair.publicKeyMultibase}`;
      await dataSource.getRepository(OrganisationKey).insert({
        purpose: 'open-badges',
        algorithm: 'Ed25519',
        controller,
        publicKeyMultibase: pair.publicKeyMultibase,
        secretKeyMultibase: pair.secretKeyMultibase as string,
        createdAt: new Date(),
      });
      // A badge that version signed, to check it still verifies once the key is encrypted.
      const signing = await Ed25519Multikey.from({
        id: `${controller}#${pair.publicKeyMultibase}`,
        controller,
        publicKeyMultibase: pair.publicKeyMultibase,
        secretKeyMultibase: pair.secretKeyMultibase,
      });
      const credential = await vc.issue({
        credential: {
          '@context': OB3_CONTEXTS,
          id: 'urn:uuid:00000000-0000-5000-8000-000000000001',
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
          issuer: { id: controller, type: ['Profile'], name: 'Test Org' },
          validFrom: '2023-01-01T00:00:00Z',
          name: 'Old badge',
          credentialSubject: {
            type: ['AchievementSubject'],
            achievement: {
              id: 'urn:skillgrid:credential:1',
              type: ['Achievement'],
              name: 'Old',
              description: 'Old',
              criteria: { narrative: 'Old' },
            },
          },
        },
        suite: new DataIntegrityProof({ signer: signing.signer(), cryptosuite: eddsaRdfc2022 }),
        documentLoader: staticLoader,
      });
      return { controller, secretKeyMultibase: pair.secretKeyMultibase as string, credential };
    }

    it('encrypts a plaintext key in place at first use, keeping its did:key, so older badges still verify', async () => {
      const before = await plaintextKey();
      await expect(verified(before.credential)).resolves.toBe(true);
      const env = envKey();
      const sut = signerWith(env);
      const credential = await sut.sign(BADGE);
      const [key, ...others] = await storedKeys(dataSource);
      expect(others).toEqual([]);
      expect(key?.controller).toBe(before.controller);
      expect(isSealed(key?.secretKeyMultibase as string)).toBe(true);
      for (const spelling of await secretSpellings(before.secretKeyMultibase, key?.publicKeyMultibase as string))
        expect(key?.secretKeyMultibase).not.toContain(spelling);
      const kek = keyEncryptionKeyFrom(parseKeyEncryptionKey(env.SKILLGRID_KEY_ENCRYPTION_KEY, 'env'), 'env');
      expect(openSecret(key?.secretKeyMultibase as string, kek, sealingContext(key as OrganisationKey))).toBe(
        before.secretKeyMultibase,
      );
      expect(credential).toMatchObject({ issuer: { id: before.controller } });
      await expect(verified(credential)).resolves.toBe(true);
      await expect(verified(before.credential)).resolves.toBe(true);
      // Once sealed, it stays as it is.
      await sut.sign(BADGE);
      await expect(storedKeys(dataSource)).resolves.toEqual([key]);
    });

    it('refuses to sign under another key-encryption key, clearly, and makes no new key', async () => {
      const first = signerWith(envKey());
      const { did } = await first.issuerKey();
      const [key] = await storedKeys(dataSource);
      const sut = signerWith(envKey());
      await expect(sut.sign(BADGE)).rejects.toThrow(
        /^The key-encryption key \(from SKILLGRID_KEY_ENCRYPTION_KEY, id [0-9a-f]{16}\) does not match the one the signing key was encrypted with \(id [0-9a-f]{16}\)/,
      );
      // The public half still answers; nothing was replaced.
      await expect(sut.issuerKey()).resolves.toMatchObject({ did });
      await expect(storedKeys(dataSource)).resolves.toEqual([key]);
    });

    it('refuses to sign when the key file it was sealed with is gone, and does not replace it', async () => {
      const file = join(dir, 'kek');
      await signerWith({ SKILLGRID_KEY_ENCRYPTION_KEY_FILE: file }).issuerKey();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      rmSync(file);
      await expect(signerWith({ SKILLGRID_KEY_ENCRYPTION_KEY_FILE: file }).sign(BADGE)).rejects.toThrow(
        `The key-encryption key file ${file} is missing, but the Open Badges signing key in the database was encrypted with one`,
      );
      expect(existsSync(file)).toBe(false);
    });

    it('keeps one key when several requests generate it at once', async () => {
      const env = envKey();
      const dids = await Promise.all([1, 2, 3].map(() => signerWith(env).issuerKey()));
      expect(new Set(dids.map((k) => k.did)).size).toBe(1);
      await expect(storedKeys(dataSource)).resolves.toHaveLength(1);
      await expect(verified(await signerWith(env).sign(BADGE))).resolves.toBe(true);
    });
  });
});
