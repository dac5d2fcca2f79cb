import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseConfig, KeyEncryptionConfig } from '../../config/env.validation';

/**
 * Envelope encryption of the organisation's secret keys at rest: each secret is sealed with
 * AES-256-GCM under a key-encryption key (KEK) that is never stored in the database.
 *
 * Sealed format (every part base64 except the KEK id, which is hex):
 *   v1:<KEK id>:<12-byte IV>:<16-byte auth tag>:<ciphertext>
 * The KEK id (a SHA-256 fingerprint of the KEK) names the KEK a secret was sealed under, so a
 * wrong KEK is reported as such instead of failing as a corrupt ciphertext.
 */

export const KEY_ENCRYPTION_KEY_ENV = 'SKILLGRID_KEY_ENCRYPTION_KEY';
export const KEY_ENCRYPTION_KEY_FILE_ENV = 'SKILLGRID_KEY_ENCRYPTION_KEY_FILE';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A secret that cannot be sealed or opened with the key-encryption key at hand. */
export class KeyEncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyEncryptionError';
  }
}

export interface KeyEncryptionKey {
  key: Buffer;
  /** Fingerprint stored beside every secret sealed under this key. */
  id: string;
  /** Where the key came from, for error messages ("SKILLGRID_KEY_ENCRYPTION_KEY", "the file …"). */
  origin: string;
}

/**
 * Reads a 32-byte key written as 64 hex digits or as base64 (standard or URL-safe, padding
 * optional); `name` is what the error message calls it.
 */
export function parseKeyEncryptionKey(text: string, name: string): Buffer {
  const value = text.trim();
  const key =
    /^[0-9a-f]+$/i.test(value) && value.length === KEY_BYTES * 2
      ? Buffer.from(value, 'hex')
      : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
        ? Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
        : null;
  if (key?.length !== KEY_BYTES)
    throw new KeyEncryptionError(
      `${name} must be ${KEY_BYTES} random bytes written as 64 hex digits or 44 base64 characters (for example: openssl rand -base64 32)`,
    );
  return key;
}

export function keyEncryptionKeyId(key: Buffer): string {
  return createHash('sha256').update('skillgrid key-encryption key id\0').update(key).digest('hex').slice(0, 16);
}

export function keyEncryptionKeyFrom(key: Buffer, origin: string): KeyEncryptionKey {
  return { key, id: keyEncryptionKeyId(key), origin };
}

/** Where the KEK file goes when none is configured: beside the SQLite file, else in data/. */
export function defaultKeyEncryptionKeyFile(database: DatabaseConfig, cwd = process.cwd()): string {
  return database.type === 'sqlite' && database.file !== ':memory:'
    ? `${database.file}.key-encryption-key`
    : resolve(cwd, 'data/.key-encryption-key');
}

/**
 * The configured KEK. A key file is read, or — when `create` is true and there is none yet —
 * generated with mode 0600. `create` is false when a secret sealed earlier exists: a missing
 * file then means a lost key, and a fresh one would only hide that.
 */
export function loadKeyEncryptionKey(
  config: KeyEncryptionConfig,
  database: DatabaseConfig,
  options: { create: boolean },
): KeyEncryptionKey {
  if (config.source === 'env') return keyEncryptionKeyFrom(config.key, KEY_ENCRYPTION_KEY_ENV);
  if (config.source === 'ephemeral') return keyEncryptionKeyFrom(config.key, 'a key generated for this test run');
  const file = config.file ?? defaultKeyEncryptionKeyFile(database);
  const origin = `the file ${file}`;
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) return keyEncryptionKeyFrom(parseKeyEncryptionKey(text, `The key-encryption key file ${file}`), origin);
  if (!options.create)
    throw new KeyEncryptionError(
      `The key-encryption key file ${file} is missing, but the Open Badges signing key in the database was encrypted with one: restore the file (or set ${KEY_ENCRYPTION_KEY_ENV} to the key it held)`,
    );
  const key = randomBytes(KEY_BYTES);
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': if another process created the file first, use theirs.
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return loadKeyEncryptionKey(config, database, { create: false });
  }
  chmodSync(file, 0o600); // whatever the umask
  return keyEncryptionKeyFrom(key, origin);
}

/** Whether a stored value is in a sealed format (any version), rather than a plaintext secret. */
export function isSealed(stored: string): boolean {
  return /^v\d+:/.test(stored);
}

/**
 * Seals `secret` under the KEK. `context` (authenticated, not stored) binds the ciphertext to
 * its row: a sealed value copied onto another key does not open.
 */
export function sealSecret(secret: string, kek: KeyEncryptionKey, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, kek.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(
    ':',
  );
}

/** Opens a value of sealSecret, refusing a wrong KEK, another context and any altered part. */
export function openSecret(sealed: string, kek: KeyEncryptionKey, context: string): string {
  const parts = sealed.split(':');
  if (parts[0] !== VERSION)
    throw new KeyEncryptionError(
      `The stored secret is in an unknown format ("${parts[0]?.slice(0, 8)}…"; this version reads ${VERSION})`,
    );
  const [, id, ivText, tagText, ciphertextText] = parts;
  const iv = Buffer.from(ivText ?? '', 'base64');
  const tag = Buffer.from(tagText ?? '', 'base64');
  if (parts.length !== 5 || iv.length !== IV_BYTES || tag.length !== TAG_BYTES || !ciphertextText)
    throw new KeyEncryptionError(`The stored secret is not a well-formed ${VERSION} value (version:key id:iv:tag:ciphertext)`);
  if (id !== kek.id)
    throw new KeyEncryptionError(
      `The key-encryption key (from ${kek.origin}, id ${kek.id}) does not match the one the signing key was encrypted with (id ${id}): configure that key-encryption key again`,
    );
  const decipher = createDecipheriv('aes-256-gcm', kek.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeyEncryptionError(
      'The stored secret failed its integrity check: its ciphertext, authentication tag or key row has been altered',
    );
  }
}
