import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  KEY_ENCRYPTION_KEY_ENV,
  KEY_ENCRYPTION_KEY_FILE_ENV,
  parseKeyEncryptionKey,
} from '../modules/open-badges/key-encryption';

export type DatabaseConfig = { type: 'sqlite'; file: string } | { type: 'mysql'; url: string; flavour?: 'mysql' | 'mariadb' };

/**
 * Where the key-encryption key that seals the organisation's signing keys comes from: the
 * environment, a key file (null: beside the SQLite file, else data/; generated on first use),
 * or, in tests only, a random key for the run.
 */
export type KeyEncryptionConfig =
  | { source: 'env'; key: Buffer }
  | { source: 'file'; file: string | null }
  | { source: 'ephemeral'; key: Buffer };

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  database: DatabaseConfig;
  jwtSecret: string;
  keyEncryption: KeyEncryptionConfig;
  sessionHours: number;
  cookieSecure: boolean;
  /** Login attempts allowed per window, per client address and per e-mail. */
  loginLimit: number;
  loginWindowSeconds: number;
  /** Overrides the organisation setting when set. */
  privacyMinGroup: number | null;
  bodyLimit: string;
  /** Largest import upload in bytes; larger ones get 413. */
  importMaxBytes: number;
  webDist: string | null;
  /** Nest log levels: `warn` (default) shows errors and warnings, `info` adds start-up and requests, `debug` everything. */
  logLevels: Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'>;
}

const LOG_LEVELS = {
  error: ['error'],
  warn: ['error', 'warn'],
  info: ['error', 'warn', 'log'],
  debug: ['error', 'warn', 'log', 'debug', 'verbose'],
} as const;

export const APP_CONFIG = 'APP_CONFIG';

function int(env: Record<string, unknown>, key: string, fallback: number, min: number, max: number, errors: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push(`${key} must be an integer from ${min} to ${max} (got "${String(raw)}")`);
    return fallback;
  }
  return value;
}

export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseConfig {
  if (!url) return { type: 'sqlite', file: resolve(cwd, 'data/skillgrid.sqlite') };
  if (url.startsWith('mysql://') || url.startsWith('mariadb://'))
    return { type: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { type: 'sqlite', file: file === ':memory:' ? file : resolve(cwd, file) };
  }
  throw new Error(`DATABASE_URL must start with mysql:// or sqlite: (got "${url.split(':')[0]}:…")`);
}

/**
 * A development secret is generated once and kept beside the SQLite database, so sessions
 * survive restarts; production must set JWT_SECRET.
 */
function developmentSecret(database: DatabaseConfig, cwd: string): string {
  const file =
    database.type === 'sqlite' && database.file !== ':memory:' ? `${database.file}.jwt-secret` : resolve(cwd, 'data/.jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The signing keys' key-encryption key. Production on MySQL/MariaDB must name it (the key
 * itself, or a key file on storage that outlives the container): a file generated on one
 * stateless replica would be lost with it, and the signing key with it.
 */
function keyEncryptionConfig(
  env: Record<string, unknown>,
  nodeEnv: AppConfig['nodeEnv'],
  database: DatabaseConfig,
  cwd: string,
  errors: string[],
): KeyEncryptionConfig {
  const raw = String(env[KEY_ENCRYPTION_KEY_ENV] ?? '');
  const file = String(env[KEY_ENCRYPTION_KEY_FILE_ENV] ?? '');
  if (raw && file) errors.push(`Set ${KEY_ENCRYPTION_KEY_ENV} or ${KEY_ENCRYPTION_KEY_FILE_ENV}, not both`);
  if (raw) {
    try {
      return { source: 'env', key: parseKeyEncryptionKey(raw, KEY_ENCRYPTION_KEY_ENV) };
    } catch (error) {
      errors.push((error as Error).message);
      return { source: 'file', file: null }; // never used: the error stops the start
    }
  }
  if (file) return { source: 'file', file: resolve(cwd, file) };
  if (nodeEnv === 'test') return { source: 'ephemeral', key: randomBytes(32) };
  if (nodeEnv === 'production' && database.type === 'mysql')
    errors.push(
      `${KEY_ENCRYPTION_KEY_ENV} is required when NODE_ENV=production with MySQL/MariaDB (or set ${KEY_ENCRYPTION_KEY_FILE_ENV} to a key file on persistent storage)`,
    );
  return { source: 'file', file: null };
}

/** Validates the environment once at boot and fails fast with every problem listed. */
export function validateEnv(env: Record<string, unknown>, cwd = process.cwd()): AppConfig {
  const errors: string[] = [];
  const nodeEnvRaw = String(env['NODE_ENV'] ?? 'development');
  const nodeEnv = (
    ['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development'
  ) as AppConfig['nodeEnv'];
  let database: DatabaseConfig = { type: 'sqlite', file: resolve(cwd, 'data/skillgrid.sqlite') };
  try {
    database = parseDatabaseUrl(env['DATABASE_URL'] as string | undefined, cwd);
  } catch (error) {
    errors.push((error as Error).message);
  }
  let jwtSecret = String(env['JWT_SECRET'] ?? '');
  if (jwtSecret && jwtSecret.length < 32) errors.push('JWT_SECRET must be at least 32 characters');
  if (!jwtSecret) {
    if (nodeEnv === 'production') errors.push('JWT_SECRET is required when NODE_ENV=production');
    else jwtSecret = nodeEnv === 'test' ? randomBytes(32).toString('hex') : developmentSecret(database, cwd);
  }
  const keyEncryption = keyEncryptionConfig(env, nodeEnv, database, cwd, errors);
  const config: AppConfig = {
    nodeEnv,
    port: int(env, 'PORT', 3000, 1, 65535, errors),
    database,
    jwtSecret,
    keyEncryption,
    sessionHours: int(env, 'SESSION_HOURS', 12, 1, 24 * 30, errors),
    cookieSecure: env['COOKIE_SECURE'] === undefined ? nodeEnv === 'production' : env['COOKIE_SECURE'] === 'true',
    loginLimit: int(env, 'LOGIN_RATE_LIMIT', 10, 1, 10_000, errors),
    loginWindowSeconds: int(env, 'LOGIN_RATE_WINDOW_SECONDS', 900, 1, 86_400, errors),
    privacyMinGroup: env['PRIVACY_MIN_GROUP'] ? int(env, 'PRIVACY_MIN_GROUP', 5, 1, 1000, errors) : null,
    bodyLimit: String(env['BODY_LIMIT'] ?? '1mb'),
    importMaxBytes: int(env, 'IMPORT_MAX_BYTES', 100 * 1024 * 1024, 1024, 10 * 1024 * 1024 * 1024, errors),
    logLevels: [...(LOG_LEVELS[String(env['LOG_LEVEL'] ?? 'warn') as keyof typeof LOG_LEVELS] ?? LOG_LEVELS.warn)],
    webDist: env['WEB_DIST'] === '' ? null : resolve(cwd, String(env['WEB_DIST'] ?? 'dist/apps/web')),
  };
  if (env['LOG_LEVEL'] && !(String(env['LOG_LEVEL']) in LOG_LEVELS))
    errors.push(`LOG_LEVEL must be one of ${Object.keys(LOG_LEVELS).join(', ')}`);
  if (errors.length) throw new Error(`Invalid configuration:\n - ${errors.join('\n - ')}`);
  return config;
}
