import { randomBytes } from 'node:crypto';
import { parseDatabaseUrl, validateEnv } from './env.validation';

describe(validateEnv.name, () => {
  it('fails fast, listing every bad variable', () => {
    const attempt = () =>
      validateEnv({ NODE_ENV: 'production', PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: 'postgres://x' });
    expect(attempt).toThrow('DATABASE_URL must start with mysql:// or sqlite:');
    expect(attempt).toThrow('JWT_SECRET is required when NODE_ENV=production');
    expect(attempt).toThrow('PORT must be an integer from 1 to 65535 (got "eighty")');
    expect(attempt).toThrow('LOG_LEVEL must be one of error, warn, info, debug');
    expect(() => validateEnv({ NODE_ENV: 'test', JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('defaults to quiet logs, port 3000 and secure cookies in production', () => {
    const sut = validateEnv({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'mysql://u:p@db:3306/skillgrid',
      SKILLGRID_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(sut).toMatchObject({ port: 3000, cookieSecure: true, logLevels: ['error', 'warn'], database: { type: 'mysql' } });
    expect(validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info' }).logLevels).toEqual(['error', 'warn', 'log']);
  });

  it('limits import uploads to 100 MB unless IMPORT_MAX_BYTES says otherwise', () => {
    expect(validateEnv({ NODE_ENV: 'test' }).importMaxBytes).toBe(100 * 1024 * 1024);
    expect(validateEnv({ NODE_ENV: 'test', IMPORT_MAX_BYTES: '2048' }).importMaxBytes).toBe(2048);
    expect(() => validateEnv({ NODE_ENV: 'test', IMPORT_MAX_BYTES: 'lots' })).toThrow(/IMPORT_MAX_BYTES must be an integer/);
  });

  describe('the key-encryption key of the signing keys', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'mysql://u:p@db:3306/skillgrid' };
    const key = randomBytes(32);

    it('reads SKILLGRID_KEY_ENCRYPTION_KEY as hex or base64 and refuses a malformed one by name', () => {
      expect(validateEnv({ ...production, SKILLGRID_KEY_ENCRYPTION_KEY: key.toString('hex') }).keyEncryption).toEqual({
        source: 'env',
        key,
      });
      expect(validateEnv({ NODE_ENV: 'test', SKILLGRID_KEY_ENCRYPTION_KEY: key.toString('base64') }).keyEncryption).toEqual({
        source: 'env',
        key,
      });
      for (const bad of ['changeme', randomBytes(16).toString('base64'), key.toString('hex').slice(1)])
        expect(() => validateEnv({ NODE_ENV: 'test', SKILLGRID_KEY_ENCRYPTION_KEY: bad })).toThrow(
          /SKILLGRID_KEY_ENCRYPTION_KEY must be 32 random bytes written as 64 hex digits or 44 base64 characters/,
        );
      expect(() =>
        validateEnv({
          NODE_ENV: 'test',
          SKILLGRID_KEY_ENCRYPTION_KEY: key.toString('hex'),
          SKILLGRID_KEY_ENCRYPTION_KEY_FILE: 'k',
        }),
      ).toThrow(/Set SKILLGRID_KEY_ENCRYPTION_KEY or SKILLGRID_KEY_ENCRYPTION_KEY_FILE, not both/);
    });

    it('is required in production on MySQL/MariaDB, unless a key file is named', () => {
      expect(() => validateEnv(production)).toThrow(
        'SKILLGRID_KEY_ENCRYPTION_KEY is required when NODE_ENV=production with MySQL/MariaDB (or set SKILLGRID_KEY_ENCRYPTION_KEY_FILE to a key file on persistent storage)',
      );
      expect(validateEnv({ ...production, SKILLGRID_KEY_ENCRYPTION_KEY_FILE: 'secrets/kek' }, '/srv/app').keyEncryption).toEqual({
        source: 'file',
        file: '/srv/app/secrets/kek',
      });
    });

    it('falls back to a key file beside the database elsewhere, and to a random key in tests', () => {
      expect(validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).keyEncryption).toEqual({
        source: 'file',
        file: null,
      });
      expect(
        validateEnv({ NODE_ENV: 'development', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'mysql://u@db/x' }).keyEncryption,
      ).toEqual({
        source: 'file',
        file: null,
      });
      const sut = validateEnv({ NODE_ENV: 'test' }).keyEncryption;
      expect(sut.source).toBe('ephemeral');
      expect(sut.source === 'ephemeral' && sut.key.length).toBe(32);
    });
  });

  it('reads SQLite and MySQL/MariaDB database URLs', () => {
    expect(parseDatabaseUrl(undefined, '/srv/app')).toEqual({ type: 'sqlite', file: '/srv/app/data/skillgrid.sqlite' });
    expect(parseDatabaseUrl('sqlite:data/x.sqlite', '/srv/app')).toEqual({ type: 'sqlite', file: '/srv/app/data/x.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:', '/srv/app')).toEqual({ type: 'sqlite', file: ':memory:' });
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1:3306/t', '/')).toEqual({
      type: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/t',
    });
  });
});
