import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as argon2 from 'argon2';
import { isIsoDate, todayInTimeZone } from '@skillgrid/shared';
import type { DataSource } from 'typeorm';
import { validateEnv } from './config/env.validation';
import { createDataSource } from './database/data-source';
import {
  countEmployees,
  DEMO_DEFAULT_EMPLOYEES,
  DEMO_DEFAULT_SEED,
  DEMO_MAX_EMPLOYEES,
  DEMO_MIN_EMPLOYEES,
  DEMO_PASSWORD,
  DemoDatabaseNotEmptyError,
  generateDemoOrganisation,
  type DemoSummary,
} from './modules/demo';
import { ORGANISATION } from './modules/demo/catalogue/organisation.catalogue';
import { User } from './modules/users/user.entity';
import { AuditLog } from './modules/audit/audit-log.entity';
import { utcNow } from './database/column-types';
import { invalidateAllTrendSnapshots, refreshTrendSnapshots } from './modules/analytics/snapshots/trend-snapshots.sql';
import { recomputeAnalytics } from './modules/analytics/state/skill-state-rebuild';
import { phaseTimer, seconds } from './common/phase-timer';

/**
 * Skillgrid command line (plain Node, no Nest):
 *   migrate                                    run pending migrations
 *   seed [--employees N] [--seed S] [--today YYYY-MM-DD] [--if-empty]
 *                                              migrate, then generate the demo organisation
 * The database comes from DATABASE_URL (see config/env.validation.ts).
 */

export interface CliIo {
  log(message: string): void;
  error(message: string): void;
}

const USAGE = `Usage: skillgrid <command> [options]

Commands:
  migrate                 Run the pending database migrations.
  seed                    Migrate, then fill an empty database with the demo organisation.
    --employees N         Employees to generate, leavers included (default ${DEMO_DEFAULT_EMPLOYEES}; ${DEMO_MIN_EMPLOYEES}–${DEMO_MAX_EMPLOYEES}).
    --seed S              Random seed; the same seed and today give the same data (default ${DEMO_DEFAULT_SEED}).
    --today YYYY-MM-DD    The organisation's today (default: today in ${ORGANISATION.timeZone}).
    --if-empty            Do nothing when the database already has employees.
  create-admin --email E  Migrate, then create an admin login (the first user of a production
                          install). The password comes from ADMIN_PASSWORD, or one line on stdin.
  rebuild-analytics       Migrate, then rebuild the skill state, the dashboard statistics and the
                          month-end trend snapshots from the completions (after changing data
                          behind the application's back).
  refresh-snapshots       Migrate, then write the month-end trend snapshots that are missing or
                          stale now (the server does it in the background every minute).
  help                    Show this text.

The database is DATABASE_URL (sqlite:path/to/file.sqlite or mysql://user:pass@host:port/db).`;

export class CliUsageError extends Error {}

export interface SeedArguments {
  employees: number;
  seed: number;
  today: string | null;
  ifEmpty: boolean;
}

/** Parses `seed` options; accepts "--name value" and "--name=value". */
export function parseSeedArguments(args: readonly string[]): SeedArguments {
  const result: SeedArguments = { employees: DEMO_DEFAULT_EMPLOYEES, seed: DEMO_DEFAULT_SEED, today: null, ifEmpty: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined || next === '') throw new CliUsageError(`${name} needs a value`);
      return next;
    };
    const integer = (text: string, min: number, max: number): number => {
      const parsed = Number(text.replace(/_/g, ''));
      if (!Number.isInteger(parsed) || parsed < min || parsed > max)
        throw new CliUsageError(`${name} must be an integer from ${min} to ${max} (got "${text}")`);
      return parsed;
    };
    switch (name) {
      case '--employees':
        result.employees = integer(value(), DEMO_MIN_EMPLOYEES, DEMO_MAX_EMPLOYEES);
        break;
      case '--seed':
        result.seed = integer(value(), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
        break;
      case '--today': {
        const today = value();
        if (!isIsoDate(today)) throw new CliUsageError(`--today must be a date YYYY-MM-DD (got "${today}")`);
        result.today = today;
        break;
      }
      case '--if-empty':
        if (inline !== undefined) throw new CliUsageError('--if-empty takes no value');
        result.ifEmpty = true;
        break;
      default:
        throw new CliUsageError(`Unknown option "${arg}"`);
    }
  }
  return result;
}

async function openDatabase(): Promise<DataSource> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = validateEnv(process.env);
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  return dataSource;
}

function describeDatabase(dataSource: DataSource): string {
  const options = dataSource.options as { type: string; database?: unknown };
  return options.type === 'better-sqlite3' ? `SQLite ${String(options.database)}` : `${options.type} database`;
}

/** Runs the pending migrations and reports them. */
export async function runMigrate(dataSource: DataSource, io: CliIo): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  if (ran.length === 0) io.log('Migrations: the schema is up to date.');
  for (const migration of ran) io.log(`Migrated: ${migration.name}`);
  return ran.map((migration) => migration.name);
}

function formatSummary(summary: DemoSummary): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  return [
    `Demo organisation "${ORGANISATION.name}":`,
    `  employees    ${n(summary.employees)} (${n(summary.activeEmployees)} active, ${n(summary.leavers)} leavers)`,
    `  teams        ${n(summary.teams)}`,
    `  catalogue    ${n(summary.skills)} skills, ${n(summary.roles)} roles, ${n(summary.credentials)} credentials, ${n(summary.clusters)} clusters`,
    `  completions  ${n(summary.completions)}`,
    `  assignments  ${n(summary.assignments)}`,
    `  demo logins  ${summary.users.join(', ')} (password "${DEMO_PASSWORD}")`,
  ].join('\n');
}

/** Migrates, then generates the demo organisation (or, with --if-empty, leaves a populated database alone). */
export async function runSeed(dataSource: DataSource, args: SeedArguments, io: CliIo): Promise<DemoSummary | null> {
  await runMigrate(dataSource, io);
  if (args.ifEmpty) {
    const existing = await countEmployees(dataSource);
    if (existing > 0) {
      io.log(`The database already has ${existing.toLocaleString('en-GB')} employees: nothing to seed (--if-empty).`);
      return null;
    }
  }
  const today = args.today ?? todayInTimeZone(ORGANISATION.timeZone);
  const started = Date.now();
  io.log(
    `Generating ${args.employees.toLocaleString('en-GB')} employees (seed ${args.seed}, today ${today}) into ${describeDatabase(dataSource)}…`,
  );
  const summary = await generateDemoOrganisation(dataSource, {
    employees: args.employees,
    seed: args.seed,
    today,
    onProgress: (message) => io.log(`  ${message}`),
  });
  io.log(formatSummary(summary));
  io.log(`Seeded in ${seconds(Date.now() - started)}.`);
  return summary;
}

const MIN_ADMIN_PASSWORD = 12;

function readLine(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    rl.once('close', () => resolve(''));
  });
}

/** Creates an admin user; refuses a taken e-mail or a short password. */
export async function runCreateAdmin(
  dataSource: DataSource,
  args: readonly string[],
  io: CliIo,
  password?: string,
): Promise<void> {
  const [flag, value] = args[0]?.includes('=') ? args[0].split('=', 2) : [args[0], args[1]];
  if (flag !== '--email' || !value || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    throw new CliUsageError('create-admin needs --email with an e-mail address');
  }
  const email = value.trim().toLowerCase();
  const secret =
    password ??
    process.env['ADMIN_PASSWORD'] ??
    (await readLine(`Password for ${email} (at least ${MIN_ADMIN_PASSWORD} characters): `));
  if (secret.length < MIN_ADMIN_PASSWORD)
    throw new CliUsageError(`The password must have at least ${MIN_ADMIN_PASSWORD} characters`);
  await runMigrate(dataSource, io);
  await dataSource.transaction(async (manager) => {
    if (await manager.exists(User, { where: { email } }))
      throw new CliUsageError(`A user with the e-mail ${email} already exists`);
    const user = await manager.save(
      manager.create(User, {
        email,
        passwordHash: await argon2.hash(secret),
        role: 'admin',
        employeeId: null,
        disabledAt: null,
        lastLoginAt: null,
        createdAt: utcNow(),
      }),
    );
    await manager.insert(AuditLog, {
      at: utcNow(),
      userId: null,
      action: 'create',
      entity: 'user',
      entityId: String(user.id),
      before: null,
      after: JSON.stringify({ email, role: 'admin' }),
    });
  });
  io.log(`Created the admin ${email}. Sign in with it.`);
}

async function organisationToday(dataSource: DataSource): Promise<string> {
  const [settings] = (await dataSource.query('SELECT time_zone AS tz FROM organisation_settings WHERE id = 1')) as Array<{
    tz: string;
  }>;
  return todayInTimeZone(settings?.tz ?? 'UTC');
}

/** Recomputes every derived analytics table in one transaction, dated the organisation's today. */
async function runRebuildAnalytics(dataSource: DataSource, io: CliIo): Promise<void> {
  await runMigrate(dataSource, io);
  const today = await organisationToday(dataSource);
  const started = Date.now();
  const timer = phaseTimer();
  await dataSource.transaction((manager) => recomputeAnalytics(manager, today, (step) => timer.lap(step)));
  io.log(`Rebuilt the skill state and statistics as of ${today} in ${seconds(Date.now() - started)} (${timer.summary()}).`);
  // The month-end snapshots too: every one of them may read differently.
  await invalidateAllTrendSnapshots(dataSource);
  await refreshSnapshots(dataSource, today, io);
}

/** Writes the month-end snapshots that are missing or stale (what the server does in the background). */
async function runRefreshSnapshots(dataSource: DataSource, io: CliIo): Promise<void> {
  await runMigrate(dataSource, io);
  await refreshSnapshots(dataSource, await organisationToday(dataSource), io);
}

async function refreshSnapshots(dataSource: DataSource, today: string, io: CliIo): Promise<void> {
  const started = Date.now();
  const { months, rows } = await refreshTrendSnapshots(dataSource, today, (work) =>
    dataSource.transaction((manager) => work(manager)),
  );
  io.log(`Rewrote the trend snapshots of ${months.length} month ends (${rows} rows) in ${seconds(Date.now() - started)}.`);
}

/** Entry point: returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function runCli(argv: readonly string[], io: CliIo = { log: console.log, error: console.error }): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.log(USAGE);
    return command ? 0 : 2;
  }
  let dataSource: DataSource | null = null;
  try {
    switch (command) {
      case 'migrate':
        if (rest.length) throw new CliUsageError(`migrate takes no options (got "${rest.join(' ')}")`);
        dataSource = await openDatabase();
        await runMigrate(dataSource, io);
        return 0;
      case 'seed': {
        const args = parseSeedArguments(rest);
        dataSource = await openDatabase();
        await runSeed(dataSource, args, io);
        return 0;
      }
      case 'rebuild-analytics':
        if (rest.length) throw new CliUsageError(`rebuild-analytics takes no options (got "${rest.join(' ')}")`);
        dataSource = await openDatabase();
        await runRebuildAnalytics(dataSource, io);
        return 0;
      case 'refresh-snapshots':
        if (rest.length) throw new CliUsageError(`refresh-snapshots takes no options (got "${rest.join(' ')}")`);
        dataSource = await openDatabase();
        await runRefreshSnapshots(dataSource, io);
        return 0;
      case 'create-admin':
        dataSource = await openDatabase();
        await runCreateAdmin(dataSource, rest, io);
        return 0;
      default:
        throw new CliUsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DemoDatabaseNotEmptyError) io.error(error.message);
    else io.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
