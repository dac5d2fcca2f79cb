import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultKeyEncryptionKeyFile,
  isSealed,
  KeyEncryptionError,
  keyEncryptionKeyFrom,
  loadKeyEncryptionKey,
  openSecret,
  parseKeyEncryptionKey,
  sealSecret,
} from './key-encryption';

const SECRET = 'zrv3kJcnBP1RpYmvNZ9jcYpKBZg41iSobWxSg3ix2U7Cp59kjwQFCT4SZTgLSL3HP8iGMdJs3nedjqYgNn6ZJmsmjRm';
const CONTEXT = 'organisation_keys/open-badges/did:key:z6Mk/z6Mk';

describe('key encryption', () => {
  const kek = keyEncryptionKeyFrom(randomBytes(32), 'the test');

  describe(sealSecret.name, () => {
    it('round-trips, with a fresh IV each time, in the v1 format naming the KEK', () => {
      const sut = sealSecret(SECRET, kek, CONTEXT);
      const again = sealSecret(SECRET, kek, CONTEXT);
      expect(sut).toMatch(/^v1:[0-9a-f]{16}:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$/);
      expect(sut.split(':')[1]).toBe(kek.id);
      expect(sut).not.toContain(SECRET);
      expect(again.split(':')[2]).not.toBe(sut.split(':')[2]);
      expect(openSecret(sut, kek, CONTEXT)).toBe(SECRET);
      expect(openSecret(again, kek, CONTEXT)).toBe(SECRET);
      // An Ed25519 secret key sealed fits the varchar(255) column with room to spare.
      expect(sut.length).toBeLessThan(200);
      expect(isSealed(sut)).toBe(true);
      expect(isSealed(SECRET)).toBe(false);
    });
  });

  describe(openSecret.name, () => {
    const sealed = sealSecret(SECRET, kek, CONTEXT);
    const alter = (index: number) => {
      const parts = sealed.split(':');
      const bytes = Buffer.from(parts[index] as string, 'base64');
      bytes[0] = (bytes[0] as number) ^ 1;
      parts[index] = bytes.toString('base64');
      return parts.join(':');
    };

    it('refuses an altered ciphertext, tag or IV, and another context', () => {
      for (const index of [2, 3, 4])
        expect(() => openSecret(alter(index), kek, CONTEXT)).toThrow(
          new KeyEncryptionError(
            'The stored secret failed its integrity check: its ciphertext, authentication tag or key row has been altered',
          ),
        );
      expect(() => openSecret(sealed, kek, `${CONTEXT}x`)).toThrow(/failed its integrity check/);
    });

    it('names a wrong key-encryption key as such', () => {
      const other = keyEncryptionKeyFrom(randomBytes(32), 'SKILLGRID_KEY_ENCRYPTION_KEY');
      expect(() => openSecret(sealed, other, CONTEXT)).toThrow(
        `The key-encryption key (from SKILLGRID_KEY_ENCRYPTION_KEY, id ${other.id}) does not match the one the signing key was encrypted with (id ${kek.id})`,
      );
    });

    it('refuses unknown versions and malformed values', () => {
      expect(() => openSecret(sealed.replace(/^v1/, 'v2'), kek, CONTEXT)).toThrow(
        /unknown format \("v2…"; this version reads v1\)/,
      );
      expect(() => openSecret(sealed.split(':').slice(0, 4).join(':'), kek, CONTEXT)).toThrow(/not a well-formed v1 value/);
      expect(() => openSecret(`${sealed}:extra`, kek, CONTEXT)).toThrow(/not a well-formed v1 value/);
    });
  });

  describe(parseKeyEncryptionKey.name, () => {
    const key = randomBytes(32);

    it('reads 32 bytes as hex, base64 or base64url, with or without padding', () => {
      expect(parseKeyEncryptionKey(key.toString('hex'), 'K')).toEqual(key);
      expect(parseKeyEncryptionKey(key.toString('hex').toUpperCase(), 'K')).toEqual(key);
      expect(parseKeyEncryptionKey(` ${key.toString('base64')}\n`, 'K')).toEqual(key);
      expect(parseKeyEncryptionKey(key.toString('base64url'), 'K')).toEqual(key);
    });

    it('refuses anything else, naming the variable and never echoing the value', () => {
      for (const bad of [
        '',
        'short',
        randomBytes(16).toString('base64'),
        randomBytes(33).toString('hex'),
        'not base64!'.repeat(4),
      ]) {
        const attempt = () => parseKeyEncryptionKey(bad, 'SKILLGRID_KEY_ENCRYPTION_KEY');
        expect(attempt).toThrow(
          'SKILLGRID_KEY_ENCRYPTION_KEY must be 32 random bytes written as 64 hex digits or 44 base64 characters',
        );
        if (bad) expect(attempt).not.toThrow(bad);
      }
    });
  });

  describe(loadKeyEncryptionKey.name, () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'skillgrid-kek-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('generates the file beside the SQLite database with mode 0600 once, then reads it', () => {
      const database = { type: 'sqlite' as const, file: join(dir, 'db', 'app.sqlite') };
      const file = defaultKeyEncryptionKeyFile(database);
      expect(file).toBe(join(dir, 'db', 'app.sqlite.key-encryption-key'));
      const sut = loadKeyEncryptionKey({ source: 'file', file: null }, database, { create: true });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(parseKeyEncryptionKey(readFileSync(file, 'utf8'), 'file')).toEqual(sut.key);
      expect(sut.origin).toBe(`the file ${file}`);
      const again = loadKeyEncryptionKey({ source: 'file', file: null }, database, { create: false });
      expect(again.id).toBe(sut.id);
    });

    it('puts it in data/ for MySQL, and uses an explicit file as given', () => {
      expect(defaultKeyEncryptionKeyFile({ type: 'mysql', url: 'mysql://x' }, '/srv/app')).toBe(
        '/srv/app/data/.key-encryption-key',
      );
      expect(defaultKeyEncryptionKeyFile({ type: 'sqlite', file: ':memory:' }, '/srv/app')).toBe(
        '/srv/app/data/.key-encryption-key',
      );
      const file = join(dir, 'kek');
      const key = randomBytes(32);
      writeFileSync(file, key.toString('hex'));
      const sut = loadKeyEncryptionKey({ source: 'file', file }, { type: 'mysql', url: 'mysql://x' }, { create: false });
      expect(sut.key).toEqual(key);
    });

    it('does not replace a lost file when a sealed key exists, and refuses a malformed one', () => {
      const file = join(dir, 'kek');
      const database = { type: 'mysql' as const, url: 'mysql://x' };
      expect(() => loadKeyEncryptionKey({ source: 'file', file }, database, { create: false })).toThrow(
        `The key-encryption key file ${file} is missing, but the Open Badges signing key in the database was encrypted with one`,
      );
      writeFileSync(file, 'garbage');
      expect(() => loadKeyEncryptionKey({ source: 'file', file }, database, { create: true })).toThrow(
        `The key-encryption key file ${file} must be 32 random bytes`,
      );
      expect(readFileSync(file, 'utf8')).toBe('garbage');
    });

    it('takes the key of the environment as it is', () => {
      const key = randomBytes(32);
      const sut = loadKeyEncryptionKey({ source: 'env', key }, { type: 'sqlite', file: join(dir, 'x.sqlite') }, { create: true });
      expect(sut).toEqual(keyEncryptionKeyFrom(key, 'SKILLGRID_KEY_ENCRYPTION_KEY'));
      expect(() => statSync(join(dir, 'x.sqlite.key-encryption-key'))).toThrow(/ENOENT/);
    });
  });
});
