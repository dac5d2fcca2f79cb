import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { breather, BulkWriter } from '../../../database/bulk-writer';
import { seconds } from '../../../common/phase-timer';
import { dialectOfRunner, quote, type SqlValue } from '../../../database/sql';
import { rebuildAssignmentProgress } from '../../forecasts/assignment-progress.sql';
import {
  LEVEL_COLUMNS,
  MEMBER_COLUMNS,
  SkillStateBuilder,
  STAT_COLUMNS,
  type SkillStateModel,
  type StatRows,
  type StateRows,
} from './skill-state-builder';
import { rebuildAnalytics, rebuildTeamClosure, SWAPPED_TABLES } from './skill-state.sql';
import type { AnalyticsSwap } from './analytics-swap';

/**
 * Every derived table from scratch, computed in memory (SkillStateBuilder) from the completions
 * read back by ranges of employees, and written in bulk: the same rows as the set-based
 * rebuildAnalytics, several times faster on a large organisation, where the set-based grouping
 * over millions of held levels and the fan-out to every scope dominate.
 *
 * It runs on the caller's transaction (an EntityManager of a QueryRunner), so a bulk import's
 * completions and the statistics they change commit together; it reads through that connection,
 * which sees the transaction's own writes. Memory grows with the teams and one range of
 * employees, not with the completions.
 */

/** Employees read and written per step. */
const RANGE = 2_000;
/** Skill-level rows buffered before they are written. */
const FLUSH_ROWS = 10_000;
/** Statistics rows buffered per table before they are written. */
const STATS_BATCH = 20_000;
/** Positions in the completion rows handed to the builder. */
const COMPLETION = { employee: 0, credential: 1, awarded: 2, expires: 3, status: 4 } as const;

type Row = Record<string, string | number | null>;

const day = (value: string | number | null): string | null => (value === null ? null : String(value).slice(0, 10));

/** The grants, requirements, team tree and id bounds, as the builder needs them. */
async function readModel(sql: EntityManager, validOn: string): Promise<SkillStateModel> {
  const grants = new Map<number, Array<{ skillId: number; level: number }>>();
  for (const row of (await sql.query(
    `SELECT credential_id AS c, skill_id AS s, ${quote('level')} AS l FROM credential_skills`,
  )) as Row[]) {
    const list = grants.get(Number(row['c'])) ?? [];
    list.push({ skillId: Number(row['s']), level: Number(row['l']) });
    grants.set(Number(row['c']), list);
  }
  const requirements = new Map<number, Map<number, number>>();
  for (const row of (await sql.query(
    'SELECT role_id AS r, skill_id AS s, required_level AS l FROM role_requirements',
  )) as Row[]) {
    const bySkill = requirements.get(Number(row['r'])) ?? new Map<number, number>();
    bySkill.set(Number(row['s']), Number(row['l']));
    requirements.set(Number(row['r']), bySkill);
  }
  const teams = ((await sql.query('SELECT id, path FROM teams')) as Row[]).map((row) => ({
    id: Number(row['id']),
    path: String(row['path']),
  }));
  const [bounds] = (await sql.query(
    'SELECT (SELECT MAX(id) FROM skills) AS s, (SELECT MAX(id) FROM roles) AS r, (SELECT MAX(id) FROM locations) AS l',
  )) as Row[];
  return {
    validOn,
    grants,
    requirements,
    teams,
    maxSkillId: Number(bounds?.['s'] ?? 0),
    maxRoleId: Number(bounds?.['r'] ?? 0),
    maxLocationId: Number(bounds?.['l'] ?? 0),
  };
}

/**
 * Rebuilds the skill state, rollup members, statistics, team closure and assignment progress on
 * `validOn` (R). Falls back to the set-based rebuild when the ids are too large to pack.
 */
export async function recomputeAnalytics(
  sql: EntityManager,
  validOn: string,
  /** Called after each step, for a log of where the time went. */
  onStep: (step: string) => void = () => undefined,
  /**
   * MySQL: empty copies of the derived tables to write instead (the caller renames them into
   * place after the commit), rather than emptying and refilling the tables in place.
   */
  swap?: AnalyticsSwap,
): Promise<void> {
  const runner = sql.queryRunner;
  if (!runner) throw new Error('recomputeAnalytics needs the EntityManager of a transaction');
  const model = await readModel(sql, validOn);
  if (!SkillStateBuilder.fitsModel(model)) return rebuildAnalytics(sql, validOn);
  const builder = new SkillStateBuilder(model, COMPLETION);
  const mysql = dialectOfRunner(sql) === 'mysql';
  const target = (table: (typeof SWAPPED_TABLES)[number]) => (swap ? swap.tableFor(table) : table);

  if (swap) await swap.mark(sql, validOn);
  else {
    for (const table of SWAPPED_TABLES) await sql.query(`DELETE FROM ${quote(table)}`);
    await sql.query('INSERT INTO rollup_state (id, valid_on) VALUES (1, ?)', [validOn]);
  }
  await rebuildTeamClosure(sql);
  onStep(swap ? 'copies marked' : 'emptied');

  // The copies of a swap are nobody's until they are renamed into place: a connection of their
  // own fills them, in transactions that commit before the caller's (a committed mark always has
  // its copies), while this one reads the next employees' completions.
  const writer = swap ? await BulkWriter.open(sql.connection) : await BulkWriter.within(runner);
  if (swap) await writer.runner.startTransaction();
  // The rows are consistent by construction (ids read in this transaction, one row per key):
  // the checks only cost time, as in a dump's load (BulkWriter.open turns them off on its own).
  const inPlace = mysql && !swap;
  const [checks] = inPlace ? ((await sql.query('SELECT @@foreign_key_checks AS f, @@unique_checks AS u')) as Row[]) : [];
  if (inPlace) await sql.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  // On SQLite, where DDL is part of the transaction, the emptied tables lose their secondary
  // indexes while they fill and get them back in one sorted build each (a rollback restores them
  // as they were). MySQL would commit at the first ALTER: in place they are kept up to date row
  // by row, and a swap's copies get theirs after the commit (analytics-swap.ts).
  const restoreIndexes = mysql ? null : await writer.dropSecondaryIndexes(SWAPPED_TABLES);
  try {
    const [range] = (await sql.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM employees')) as Row[];
    const spent = { read: 0, computed: 0, written: 0 };
    for (let from = Number(range?.['lo'] ?? 1); from <= Number(range?.['hi'] ?? 0); from += RANGE)
      await addRange(sql, builder, writer, from, from + RANGE, spent, target);
    const draining = performance.now();
    await writer.drain();
    spent.written += performance.now() - draining;
    onStep(`skill levels (read ${seconds(spent.read)}, computed ${seconds(spent.computed)}, written ${seconds(spent.written)})`);
    if (swap) {
      // Their copies are complete: committed now, so that their indexes build while the
      // statistics are written (a rollback of the caller's transaction discards them all the same).
      await writer.runner.commitTransaction();
      swap.indexEarly(sql.connection, ['employee_skill_levels', 'rollup_members']);
      await writer.runner.startTransaction();
    }
    const pending = new Map<StatRows['table'], SqlValue[][]>();
    const statsSpent = { computed: 0, written: 0 };
    const write = async (table: StatRows['table'], rows: SqlValue[][]) => {
      const started = performance.now();
      await writer.insertBehind(target(table), STAT_COLUMNS[table], rows);
      statsSpent.written += performance.now() - started;
    };
    const breathe = breather();
    let computing = performance.now();
    for (const { table, rows } of builder.statistics()) {
      await breathe();
      statsSpent.computed += performance.now() - computing;
      const buffer = pending.get(table) ?? [];
      for (const row of rows) buffer.push(row);
      if (buffer.length < STATS_BATCH) pending.set(table, buffer);
      else {
        await write(table, buffer);
        pending.delete(table);
      }
      computing = performance.now();
    }
    for (const [table, rows] of pending) await write(table, rows);
    const drainingStats = performance.now();
    await writer.drain();
    statsSpent.written += performance.now() - drainingStats;
    onStep(`statistics (computed ${seconds(statsSpent.computed)}, written ${seconds(statsSpent.written)})`);
    if (restoreIndexes) {
      await restoreIndexes();
      onStep('indexes');
    }
    if (swap) await writer.runner.commitTransaction();
  } finally {
    if (swap) {
      const failed = writer.runner.isTransactionActive;
      if (failed) await writer.runner.rollbackTransaction().catch(() => undefined);
      // After a failure, the error that got here is the one to report.
      await (failed ? writer.close().catch(() => undefined) : writer.close());
    }
    if (inPlace)
      await sql.query('SET SESSION foreign_key_checks = ?, unique_checks = ?', [Number(checks?.['f']), Number(checks?.['u'])]);
  }
  await rebuildAssignmentProgress(sql);
  onStep('assignment progress');
}

/** Feeds the employees with ids in [from, to) and their completions to the builder, and writes their per-employee rows. */
async function addRange(
  sql: EntityManager,
  builder: SkillStateBuilder,
  writer: BulkWriter,
  from: number,
  to: number,
  spent: { read: number; computed: number; written: number },
  target: (table: 'employee_skill_levels' | 'rollup_members') => string,
): Promise<void> {
  let started = performance.now();
  const employees = (await sql.query(
    'SELECT id, team_id, role_id, location_id, status FROM employees WHERE id >= ? AND id < ? ORDER BY id',
    [from, to],
  )) as Row[];
  const completions = (
    (await sql.query(
      'SELECT employee_id AS e, credential_id AS c, awarded_at AS a, expires_at AS x, status AS s FROM completions ' +
        'WHERE employee_id >= ? AND employee_id < ? ORDER BY employee_id',
      [from, to],
    )) as Row[]
  ).map((row): SqlValue[] => [Number(row['e']), Number(row['c']), day(row['a']), day(row['x']), row['s']]);
  let now = performance.now();
  spent.read += now - started;
  started = now;
  let out: StateRows = { levels: [], members: [] };
  /** Writes what has accumulated: short-lived rows, so they never leave V8's young generation. */
  const flush = async () => {
    now = performance.now();
    spent.computed += now - started;
    await writer.insertBehind(target('employee_skill_levels'), LEVEL_COLUMNS, out.levels);
    await writer.insertBehind(target('rollup_members'), MEMBER_COLUMNS, out.members);
    out = { levels: [], members: [] };
    started = performance.now();
    spent.written += started - now;
  };
  const breathe = breather();
  let next = 0;
  for (const employee of employees) {
    await breathe();
    const id = Number(employee['id']);
    while (next < completions.length && (completions[next]?.[COMPLETION.employee] as number) < id) next++;
    const first = next;
    while (next < completions.length && completions[next]?.[COMPLETION.employee] === id) next++;
    builder.add(
      {
        id,
        teamId: Number(employee['team_id']),
        roleId: Number(employee['role_id']),
        locationId: employee['location_id'] === null ? null : Number(employee['location_id']),
        active: employee['status'] === 'active',
      },
      completions.slice(first, next),
      0,
      out,
    );
    if (out.levels.length >= FLUSH_ROWS) await flush();
  }
  await flush();
}
