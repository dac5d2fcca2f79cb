import * as argon2 from 'argon2';
import { CliUsageError, parseSeedArguments, runCli, runCreateAdmin, type CliIo } from './cli';
import { createMigratedDataSource, createTestDatabase, testDialect, type TestDatabase } from '../test/support/test-database';
import { DEMO_USERS } from './modules/demo/demo-generator';
import { User } from './modules/users/user.entity';
import { createDataSource } from './database/data-source';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (message) => out.push(message), error: (message) => err.push(message) };
}

describe('cli argument parsing', () => {
  it('reads seed options in both spellings, with defaults', () => {
    expect(parseSeedArguments([])).toEqual({ employees: 2000, seed: 42, today: null, ifEmpty: false });
    expect(parseSeedArguments(['--employees', '100_000', '--seed=7', '--today', '2026-01-31', '--if-empty'])).toEqual({
      employees: 100_000,
      seed: 7,
      today: '2026-01-31',
      ifEmpty: true,
    });
  });

  it.each([
    [['--employees'], /needs a value/],
    [['--employees', 'many'], /integer/],
    [['--employees', '5'], /integer from 100/],
    [['--today', '2026-02-30'], /YYYY-MM-DD/],
    [['--if-empty=yes'], /takes no value/],
    [['--colour', 'blue'], /Unknown option/],
  ])('rejects %j', (args, message) => {
    expect(() => parseSeedArguments(args)).toThrow(CliUsageError);
    expect(() => parseSeedArguments(args)).toThrow(message);
  });

  it('prints usage and fails on unknown commands', async () => {
    const io = capture();
    expect(await runCli(['help'], io)).toBe(0);
    expect(io.out.join('\n')).toMatch(/seed\s+Migrate, then fill/);
    expect(await runCli([], io)).toBe(2);
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/Unknown command "frobnicate"/);
  });
});

describe(`cli against a database (${testDialect()})`, () => {
  let database: TestDatabase;
  const saved = process.env['DATABASE_URL'];

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env['DATABASE_URL'] = database.config.type === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = saved;
    await database?.destroy();
  });

  it('migrates, seeds, and then leaves a populated database alone with --if-empty', async () => {
    const migrate = capture();
    expect(await runCli(['migrate'], migrate)).toBe(0);
    expect(migrate.out.join('\n')).toMatch(/Migrated: InitialSchema/);

    const seed = capture();
    expect(await runCli(['seed', '--employees', '150', '--seed', '3', '--today', '2026-03-15', '--if-empty'], seed)).toBe(0);
    const output = seed.out.join('\n');
    expect(output).toMatch(/schema is up to date/);
    expect(output).toMatch(/employees\s+150 \(\d+ active, \d+ leavers\)/);
    expect(output).toContain(DEMO_USERS.manager);
    expect(output).toMatch(/Seeded in \d+\.\d s/);

    const again = capture();
    expect(await runCli(['seed', '--if-empty'], again)).toBe(0);
    expect(again.out.join('\n')).toMatch(/already has 150 employees: nothing to seed/);

    const refused = capture();
    expect(await runCli(['seed', '--today', '2026-03-15'], refused)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/already has 150 employees/);

    // Statistics lost behind the application's back come back from the completions.
    const statistics = async () => {
      const dataSource = await (await createDataSource(database.config)).initialize();
      try {
        const [row] = await dataSource.query(
          'SELECT COUNT(*) AS n, SUM(holders) AS h, SUM(met) AS m FROM skill_stats WHERE dim = 0',
        );
        return { n: Number(row.n), h: Number(row.h), m: Number(row.m) };
      } finally {
        await dataSource.destroy();
      }
    };
    const seeded = await statistics();
    expect(seeded.n).toBeGreaterThan(0);
    const wipe = await (await createDataSource(database.config)).initialize();
    await wipe.query('DELETE FROM skill_stats');
    await wipe.destroy();
    const rebuilt = capture();
    expect(await runCli(['rebuild-analytics'], rebuilt)).toBe(0);
    expect(rebuilt.out.join('\n')).toMatch(/Rebuilt the skill state and statistics as of \d{4}-\d{2}-\d{2}/);
    // Every month end's snapshot is rewritten too (35 of them).
    expect(rebuilt.out.join('\n')).toMatch(/Rewrote the trend snapshots of 35 month ends \(\d+ rows\)/);
    const after = await statistics();
    expect(after.h).toBeGreaterThan(0);
    expect(after.m).toBeGreaterThan(0);
  }, 120_000);
});

describe(`cli create-admin (${testDialect()})`, () => {
  it('creates the first admin with a hashed password, and refuses a taken e-mail or a short password', async () => {
    const sut = await createMigratedDataSource();
    try {
      const io = capture();
      await runCreateAdmin(sut.dataSource, ['--email', 'Boss@Example.com'], io, 'correct horse battery');
      const admin = await sut.dataSource.getRepository(User).findOneByOrFail({ email: 'boss@example.com' });
      expect(admin.role).toBe('admin');
      await expect(argon2.verify(admin.passwordHash, 'correct horse battery')).resolves.toBe(true);
      await expect(runCreateAdmin(sut.dataSource, ['--email=boss@example.com'], io, 'another long password')).rejects.toThrow(
        /already exists/,
      );
      await expect(runCreateAdmin(sut.dataSource, ['--email', 'x@example.com'], io, 'short')).rejects.toThrow(
        /at least 12 characters/,
      );
      await expect(runCreateAdmin(sut.dataSource, ['--email', 'not-an-email'], io, 'long enough password')).rejects.toThrow(
        CliUsageError,
      );
      await expect(sut.dataSource.getRepository(User).count()).resolves.toBe(1);
    } finally {
      await sut.destroy();
    }
  });
});
