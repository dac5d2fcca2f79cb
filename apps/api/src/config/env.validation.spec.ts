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
    });
    expect(sut).toMatchObject({ port: 3000, cookieSecure: true, logLevels: ['error', 'warn'], database: { type: 'mysql' } });
    expect(validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info' }).logLevels).toEqual(['error', 'warn', 'log']);
  });

  it('limits import uploads to 100 MB unless IMPORT_MAX_BYTES says otherwise', () => {
    expect(validateEnv({ NODE_ENV: 'test' }).importMaxBytes).toBe(100 * 1024 * 1024);
    expect(validateEnv({ NODE_ENV: 'test', IMPORT_MAX_BYTES: '2048' }).importMaxBytes).toBe(2048);
    expect(() => validateEnv({ NODE_ENV: 'test', IMPORT_MAX_BYTES: 'lots' })).toThrow(/IMPORT_MAX_BYTES must be an integer/);
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
