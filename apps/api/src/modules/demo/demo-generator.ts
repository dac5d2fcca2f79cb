import {
  TrendSnapshotBuilder,
  type SnapshotCompletion,
  type SnapshotEmployee,
} from '../analytics/snapshots/trend-snapshot-builder';
import { snapshotMonthEnds, TREND_SNAPSHOT_TABLES } from '../analytics/snapshots/trend-snapshots.sql';
import { ANALYTICS_TABLES, ORGANISATION_SCOPE, rebuildTeamClosure } from '../analytics/state/skill-state.sql';
import { rebuildAssignmentProgress } from '../forecasts/assignment-progress.sql';
import { hash as argon2Hash } from 'argon2';
import { isIsoDate } from '@skillgrid/shared';
import type { DataSource, QueryRunner } from 'typeorm';
import { nameKey } from '../../database/column-types';
import { demoCatalogue, type DemoCatalogue } from './catalogue';
import { CAPABILITY_TARGETS, ORGANISATION, PROFICIENCY_LEVELS } from './catalogue/organisation.catalogue';
import { Calendar } from '../../common/calendar';
import { planOrganisation, type OrgPlan, type TeamPlan } from './org-structure';
import { PeopleModel, type BatchRows, type DemoCast } from './people';
import {
  SkillStateBuilder,
  STAT_COLUMNS,
  type SkillStateModel,
  type StatRows,
  type StateRows,
} from '../analytics/state/skill-state-builder';
import { hashString, stableUuid } from './prng';
import { BulkWriter, formatTimestamp, quote, type SqlValue } from './sql-writer';

export const DEMO_PASSWORD = 'skillgrid-demo';

/** The demo logins (DESIGN §6); each is linked to an employee with the same e-mail. */
export const DEMO_USERS = {
  hr: 'hr@demo.skillgrid.test',
  manager: 'manager@demo.skillgrid.test',
  exec: 'exec@demo.skillgrid.test',
  employee: 'employee@demo.skillgrid.test',
} as const;

export const DEMO_DEFAULT_EMPLOYEES = 2000;
export const DEMO_DEFAULT_SEED = 42;
export const DEMO_MIN_EMPLOYEES = 100;
export const DEMO_MAX_EMPLOYEES = 5_000_000;

export interface DemoOptions {
  /** Number of employees, leavers included (default 2,000). */
  employees?: number;
  /** The same seed and `today` give the same organisation (default 42). */
  seed?: number;
  /** The organisation's today (ISO date): history ends here. */
  today: string;
  onProgress?: (message: string) => void;
  /** Employees generated and written per transaction (default 2,000). */
  batchSize?: number;
}

export interface DemoSummary {
  employees: number;
  activeEmployees: number;
  leavers: number;
  teams: number;
  roles: number;
  skills: number;
  credentials: number;
  completions: number;
  clusters: number;
  assignments: number;
  users: string[];
}

/** Thrown when the database already holds an organisation. */
export class DemoDatabaseNotEmptyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoDatabaseNotEmptyError';
  }
}

const COMPLETION_COLUMNS = [
  'employee_id',
  'credential_id',
  'awarded_at',
  'expires_at',
  'source',
  'evidence_url',
  'score',
  'status',
  'status_reason',
  'created_at',
  'updated_at',
];
/** The columns of the employees rows the people model generates, in their order. */
const EMPLOYEE_COLUMNS = [
  'id',
  'external_id',
  'name',
  'email',
  'team_id',
  'role_id',
  'location_id',
  'hire_date',
  'status',
  'leave_date',
  'target_role_id',
  'created_at',
  'updated_at',
];
/** Where the snapshot builder's inputs sit in the employees and completions rows. */
const EMPLOYEE_HIRE = EMPLOYEE_COLUMNS.indexOf('hire_date');
const EMPLOYEE_LEAVE = EMPLOYEE_COLUMNS.indexOf('leave_date');
const SNAPSHOT_COLUMNS = {
  credential: COMPLETION_COLUMNS.indexOf('credential_id'),
  awarded: COMPLETION_COLUMNS.indexOf('awarded_at'),
  expires: COMPLETION_COLUMNS.indexOf('expires_at'),
  status: COMPLETION_COLUMNS.indexOf('status'),
};

/** The tables written batch by batch, whose secondary indexes are built once at the end. */
const BULK_TABLES = ['employees', 'employment_periods', 'completions', 'assignments', 'employee_skill_levels', 'rollup_members'];

/** Statistics rows written per transaction. */
const STATS_PER_TRANSACTION = 50_000;

/** Employees generated between two chances for the pending batch's statements to go out. */
const GENERATE_SLICE = 50;

/** Tables the generator fills; they must be empty (settings and proficiency levels are replaced). */
const FILLED_TABLES = [
  'locations',
  'skill_categories',
  'skills',
  'roles',
  'role_requirements',
  'credentials',
  'credential_skills',
  'clusters',
  'cluster_credentials',
  'teams',
  'team_capability_targets',
  'employment_periods',
  'completions',
  'assignments',
  'headcount_plans',
] as const;

async function count(runner: QueryRunner | DataSource, table: string, where = '', parameters: SqlValue[] = []): Promise<number> {
  const rows = (await runner.query(
    `SELECT COUNT(*) AS n FROM ${quote(table)}${where ? ` WHERE ${where}` : ''}`,
    parameters,
  )) as Array<{
    n: number | string;
  }>;
  return Number(rows[0]?.n ?? 0);
}

/** How many employees the database holds (the CLI's --if-empty test). */
export async function countEmployees(dataSource: DataSource): Promise<number> {
  return count(dataSource, 'employees');
}

async function assertEmpty(runner: QueryRunner): Promise<void> {
  const employees = await count(runner, 'employees');
  if (employees > 0)
    throw new DemoDatabaseNotEmptyError(
      `The database already has ${employees} employees; the demo organisation is only generated into an empty database.`,
    );
  const busy: string[] = [];
  for (const table of FILLED_TABLES) {
    const rows = await count(runner, table);
    if (rows > 0) busy.push(`${table} (${rows})`);
  }
  const emails = Object.values(DEMO_USERS);
  const users = await count(runner, 'users', `${quote('email')} IN (${emails.map(() => '?').join(',')})`, emails);
  if (users > 0) busy.push(`users (${users} demo logins)`);
  if (busy.length)
    throw new DemoDatabaseNotEmptyError(
      `The database is not empty: ${busy.join(', ')}. Generate the demo into a fresh database.`,
    );
}

interface PrePass {
  active: number;
  leavers: number;
  activeByTeam: Int32Array;
  activeByRole: Map<number, number>;
  /** Per team: the first active, non-managing, settled employee with a demanding role (0: none). */
  employeeCandidate: Int32Array;
  hrCandidate: number;
}

/** Walks every employee's core attributes once (cheap), counting what the choices below need. */
function prePass(model: PeopleModel, plan: OrgPlan, hrRoleId: number, today: number): PrePass {
  const activeByTeam = new Int32Array(plan.teams.length);
  const employeeCandidate = new Int32Array(plan.teams.length);
  const activeByRole = new Map<number, number>();
  let active = 0;
  let hrCandidate = 0;
  let hrFallback = 0;
  for (let id = 1; id <= plan.employees; id++) {
    const core = model.core(id);
    if (core.status !== 'active') continue;
    active++;
    activeByTeam[core.team.index] = (activeByTeam[core.team.index] ?? 0) + 1;
    activeByRole.set(core.roleId, (activeByRole.get(core.roleId) ?? 0) + 1);
    if (core.isManager) continue;
    if (core.roleId === hrRoleId) {
      if (!hrCandidate) hrCandidate = id;
      continue;
    }
    if (!hrFallback && core.team.divisionKey === 'people') hrFallback = id;
    if (!employeeCandidate[core.team.index] && today - core.hireDay >= 365 && model.requirementsOf(core.roleId).length >= 6)
      employeeCandidate[core.team.index] = id;
  }
  return {
    active,
    leavers: plan.employees - active,
    activeByTeam,
    activeByRole,
    employeeCandidate,
    hrCandidate: hrCandidate || hrFallback,
  };
}

/** Picks the demo people: a manager of a 20–200 person sub-tree, someone in it, HR and an executive. */
function chooseCast(plan: OrgPlan, pre: PrePass): Omit<DemoCast, 'hrUserId' | 'managerUserId'> {
  const subtreeActive = (index: number) => plan.subtreeOf(index).reduce((sum, i) => sum + (pre.activeByTeam[i] ?? 0), 0);
  let managerTeam: TeamPlan | null = null;
  for (const depth of [1, 2]) {
    let best = Infinity;
    for (const team of plan.teams) {
      if (team.depth !== depth) continue;
      const active = subtreeActive(team.index);
      const hasCandidate = plan.subtreeOf(team.index).some((i) => pre.employeeCandidate[i]);
      if (active < 20 || active > 200 || !hasCandidate) continue;
      const distance = Math.abs(active - 80);
      if (distance < best) [best, managerTeam] = [distance, team];
    }
    if (managerTeam) break;
  }
  if (!managerTeam) throw new Error('No team sub-tree of 20–200 active people for the demo manager; generate more employees.');
  const subtree = plan.subtreeOf(managerTeam.index);
  const managerEmployeeId = plan.idOfSlot(managerTeam.slotStart);
  const execTeam = plan.teams.find((team) => team.kind === 'division' && team.divisionKey === 'operations') as TeamPlan;
  const execEmployeeId = plan.idOfSlot(execTeam.slotStart);
  const hrEmployeeId = pre.hrCandidate;
  const employeeEmployeeId = Math.min(
    ...subtree
      .map((i) => pre.employeeCandidate[i] ?? 0)
      .filter((id) => id > 0 && id !== hrEmployeeId && id !== managerEmployeeId),
  );
  if (!hrEmployeeId || !Number.isFinite(employeeEmployeeId))
    throw new Error('Could not place the demo people; generate more employees.');
  return {
    hrEmployeeId,
    managerEmployeeId,
    execEmployeeId,
    employeeEmployeeId,
    managerSubtree: new Set(subtree),
    emails: new Map([
      [hrEmployeeId, DEMO_USERS.hr],
      [managerEmployeeId, DEMO_USERS.manager],
      [execEmployeeId, DEMO_USERS.exec],
      [employeeEmployeeId, DEMO_USERS.employee],
    ]),
  };
}

async function writeCatalogue(
  writer: BulkWriter,
  catalogue: DemoCatalogue,
  plan: OrgPlan,
  calendar: Calendar,
  pre: PrePass,
  now: string,
): Promise<void> {
  const { runner } = writer;
  await runner.query(`DELETE FROM ${quote('organisation_settings')}`);
  await writer.insert(
    'organisation_settings',
    ['id', 'name', 'time_zone', 'currency', 'privacy_min_group', 'updated_at'],
    [[1, ORGANISATION.name, ORGANISATION.timeZone, ORGANISATION.currency, ORGANISATION.privacyMinGroup, now]],
  );
  await runner.query(`DELETE FROM ${quote('proficiency_levels')}`);
  await writer.insert(
    'proficiency_levels',
    ['level', 'label', 'description'],
    PROFICIENCY_LEVELS.map((l) => [l.level, l.label, l.description]),
  );
  await writer.insert(
    'locations',
    ['id', 'name', 'name_key', 'country'],
    catalogue.locations.map((l) => [l.id, l.name, nameKey(l.name), l.country]),
  );
  await writer.insert(
    'skill_categories',
    ['id', 'name', 'name_key', 'description'],
    catalogue.categories.map((c) => [c.id, c.name, nameKey(c.name), c.description]),
  );
  await writer.insert(
    'skills',
    ['id', 'name', 'name_key', 'category_id', 'kind', 'description', 'external_ref', 'status'],
    catalogue.skills.map((s) => [s.id, s.name, nameKey(s.name), s.categoryId, s.kind, s.description, s.externalRef, 'active']),
  );
  await writer.insert(
    'roles',
    ['id', 'name', 'name_key', 'family', 'description', 'external_ref', 'status'],
    catalogue.roles.map((r) => [
      r.id,
      r.name,
      nameKey(r.name),
      r.family,
      r.description,
      hashString(r.name, 11) % 2 === 0
        ? `http://data.europa.eu/esco/occupation/${stableUuid(`esco-occupation:${r.name}`)}`
        : null,
      'active',
    ]),
  );
  await writer.insert(
    'role_requirements',
    ['role_id', 'skill_id', 'required_level', 'weight'],
    catalogue.roles.flatMap((r) => r.requirements.map((q) => [r.id, q.skillId, q.level, q.weight])),
  );
  await writer.insert(
    'credentials',
    [
      'id',
      'name',
      'name_key',
      'provider',
      'type',
      'delivery_method',
      'hours',
      'cost',
      'validity_months',
      'status',
      'description',
      'url',
      'achievement_id',
      'credly_template_id',
      'badgr_class_id',
    ],
    catalogue.credentials.map((c) => [
      c.id,
      c.name,
      nameKey(c.name),
      c.provider,
      c.type,
      c.deliveryMethod,
      c.hours,
      c.cost,
      c.validityMonths,
      'active',
      c.description,
      c.url,
      c.achievementId,
      c.credlyTemplateId,
      c.badgrClassId,
    ]),
  );
  await writer.insert(
    'credential_skills',
    ['credential_id', 'skill_id', 'level'],
    catalogue.credentials.flatMap((c) => c.grants.map((g) => [c.id, g.skillId, g.level])),
  );
  await writer.insert(
    'clusters',
    ['id', 'name', 'name_key', 'purpose', 'description', 'target_role_id', 'status'],
    catalogue.clusters.map((c) => [c.id, c.name, nameKey(c.name), c.purpose, c.description, c.targetRoleId, 'active']),
  );
  await writer.insert(
    'cluster_credentials',
    ['cluster_id', 'credential_id', 'position'],
    catalogue.clusters.flatMap((c) => c.credentialIds.map((credentialId, i) => [c.id, credentialId, i + 1])),
  );
  await writer.insert(
    'teams',
    ['id', 'name', 'name_key', 'parent_id', 'path', 'depth', 'manager_id'],
    plan.teams.map((t) => [t.id, t.name, nameKey(t.name), t.parentId, t.path, t.depth, null]),
  );
  const targets: SqlValue[][] = [];
  for (const target of CAPABILITY_TARGETS) {
    const team = plan.teams.find((t) => t.kind === 'leaf' && t.departmentKey === target.department);
    if (team) targets.push([team.id, catalogue.skillIdByName.get(target.skill) as number, target.minLevel, target.count]);
  }
  await writer.insert('team_capability_targets', ['team_id', 'skill_id', 'min_level', 'required_count'], targets);
  // Headcount plan: today's active head count per role, growing in a few roles, for the next 12 months.
  const plans: SqlValue[][] = [];
  for (const role of catalogue.roles) {
    const base = pre.activeByRole.get(role.id) ?? 0;
    for (let month = 1; month <= 12; month++)
      plans.push([
        role.id,
        null,
        calendar.iso(calendar.monthStart(calendar.today, month)),
        Math.round(base * (1 + role.growth) ** month),
      ]);
  }
  await writer.insert('headcount_plans', ['role_id', 'team_id', 'month', 'headcount'], plans);
}

async function removePartialDemo(runner: QueryRunner): Promise<void> {
  if (runner.isTransactionActive) await runner.rollbackTransaction();
  const emails = Object.values(DEMO_USERS);
  await runner.query(`UPDATE ${quote('teams')} SET ${quote('manager_id')} = NULL`);
  for (const table of [...ANALYTICS_TABLES, ...TREND_SNAPSHOT_TABLES, 'assignments', 'completions', 'employment_periods'])
    await runner.query(`DELETE FROM ${quote(table)}`);
  await runner.query(`DELETE FROM ${quote('users')} WHERE ${quote('email')} IN (${emails.map(() => '?').join(',')})`, emails);
  for (const table of ['employees', 'team_capability_targets', 'headcount_plans'])
    await runner.query(`DELETE FROM ${quote(table)}`);
  for (const depth of [2, 1, 0]) await runner.query(`DELETE FROM ${quote('teams')} WHERE ${quote('depth')} >= ?`, [depth]);
  for (const table of [
    'cluster_credentials',
    'clusters',
    'credential_skills',
    'credentials',
    'role_requirements',
    'roles',
    'skills',
    'skill_categories',
    'locations',
  ])
    await runner.query(`DELETE FROM ${quote(table)}`);
}

/**
 * Fills an empty, migrated database with a believable organisation: catalogue, team tree,
 * employees with their history, two years of completions, clusters, assignments, plans and
 * the four demo logins, with the skill state and the statistics. Deterministic for a given seed
 * and `today`. People are generated and written in batches; memory grows with the number of teams
 * (the statistics are summed per team), not with the completions.
 */
export async function generateDemoOrganisation(dataSource: DataSource, options: DemoOptions): Promise<DemoSummary> {
  const employees = options.employees ?? DEMO_DEFAULT_EMPLOYEES;
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const batchSize = options.batchSize ?? 2000;
  const progress = options.onProgress ?? (() => undefined);
  if (!Number.isInteger(employees) || employees < DEMO_MIN_EMPLOYEES || employees > DEMO_MAX_EMPLOYEES)
    throw new RangeError(`employees must be an integer from ${DEMO_MIN_EMPLOYEES} to ${DEMO_MAX_EMPLOYEES} (got ${employees})`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer (got ${seed})`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer (got ${batchSize})`);
  if (!isIsoDate(options.today)) throw new RangeError(`today must be an ISO date YYYY-MM-DD (got ${String(options.today)})`);

  const writer = await BulkWriter.open(dataSource);
  const { runner, dialect } = writer;
  let wrote = false;
  let restoreIndexes: (() => Promise<void>) | null = null;
  try {
    await assertEmpty(runner);
    const catalogue = demoCatalogue();
    const calendar = new Calendar(options.today);
    const plan = planOrganisation(catalogue, employees, seed);
    const model = new PeopleModel(catalogue, plan, calendar, seed);
    const pre = prePass(model, plan, catalogue.roleIdByKey.get('hr-business-partner') as number, calendar.today);
    const cast = chooseCast(plan, pre);
    progress(
      `Planned ${plan.teams.length} teams for ${employees} employees (${pre.active} active); catalogue of ${catalogue.skills.length} skills, ` +
        `${catalogue.roles.length} roles, ${catalogue.credentials.length} credentials`,
    );

    const ts = (epochMs: number) => formatTimestamp(epochMs, dialect);
    const now = ts(Date.now() - (Date.now() % 1000));
    // One hash per user (argon2id), before any transaction is opened.
    const roles = { hr: 'hr', manager: 'manager', exec: 'exec', employee: 'employee' } as const;
    const users: SqlValue[][] = [];
    for (const key of Object.keys(DEMO_USERS) as Array<keyof typeof DEMO_USERS>)
      users.push([DEMO_USERS[key], await argon2Hash(DEMO_PASSWORD), roles[key], null, null, null, now]);

    wrote = true;
    const userIds = await writer.transaction(async () => {
      // The migrations leave the statistics' date (and nothing else) in the derived tables.
      for (const table of [...ANALYTICS_TABLES, ...TREND_SNAPSHOT_TABLES]) await runner.query(`DELETE FROM ${quote(table)}`);
      await writeCatalogue(writer, catalogue, plan, calendar, pre, now);
      await writer.insert(
        'users',
        ['email', 'password_hash', 'role', 'employee_id', 'disabled_at', 'last_login_at', 'created_at'],
        users,
      );
      const emails = Object.values(DEMO_USERS);
      const rows = (await runner.query(
        `SELECT ${quote('id')} AS id, ${quote('email')} AS email FROM ${quote('users')} WHERE ${quote('email')} IN (${emails.map(() => '?').join(',')})`,
        emails,
      )) as Array<{ id: number | string; email: string }>;
      return new Map(rows.map((row) => [row.email, Number(row.id)]));
    });
    const fullCast: DemoCast = {
      ...cast,
      hrUserId: userIds.get(DEMO_USERS.hr) as number,
      managerUserId: userIds.get(DEMO_USERS.manager) as number,
    };
    progress(`Wrote the catalogue, ${plan.teams.length} teams and ${users.length} demo users`);

    // The skill state and statistics are computed as the people are generated (the same rows as
    // rebuildAnalytics, without reading 8 million completions back at 1,000,000 employees).
    const stateModel = demoStateModel(catalogue, plan, options.today);
    const state = new SkillStateBuilder(stateModel, {
      credential: COMPLETION_COLUMNS.indexOf('credential_id'),
      awarded: COMPLETION_COLUMNS.indexOf('awarded_at'),
      expires: COMPLETION_COLUMNS.indexOf('expires_at'),
      status: COMPLETION_COLUMNS.indexOf('status'),
    });
    // And the month-end snapshots of the coverage trend, from the same rows.
    const snapshots = new TrendSnapshotBuilder(snapshotMonthEnds(options.today), stateModel.grants, stateModel.requirements);
    let completions = 0;
    let assignments = 0;
    restoreIndexes = await writer.dropSecondaryIndexes(BULK_TABLES);
    for (let first = 1; first <= employees; first += batchSize) {
      const last = Math.min(employees, first + batchSize - 1);
      const rows: BatchRows = { employees: [], periods: [], completions: [], assignments: [] };
      const stateRows: StateRows = { levels: [], members: [] };
      for (let id = first; id <= last; id++) {
        const core = model.core(id);
        const from = rows.completions.length;
        const periodsFrom = rows.periods.length;
        model.generate(core, fullCast, rows, dialect);
        state.add(
          {
            id: core.id,
            teamId: core.team.id,
            roleId: core.roleId,
            locationId: core.locationId,
            active: core.status === 'active',
          },
          rows.completions,
          from,
          stateRows,
        );
        snapshots.add(snapshotEmployee(rows, from, periodsFrom));
        // The previous batch is being written meanwhile: let its next statement go out.
        if ((id - first) % GENERATE_SLICE === GENERATE_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
      }
      completions += rows.completions.length;
      assignments += rows.assignments.length;
      const done = `Employees ${last}/${employees} (${Math.floor((last / employees) * 100)}%): ${completions} completions, ${assignments} assignments`;
      await writer.inBackground(async () => {
        await writer.insert('employees', EMPLOYEE_COLUMNS, rows.employees);
        await writer.insert(
          'employment_periods',
          ['employee_id', 'team_id', 'role_id', 'location_id', 'start_date', 'end_date'],
          rows.periods,
        );
        await writer.insert('completions', COMPLETION_COLUMNS, rows.completions);
        await writer.insert(
          'assignments',
          [
            'employee_id',
            'cluster_id',
            'credential_id',
            'assigned_by_user_id',
            'assigned_at',
            'due_date',
            'note',
            'cancelled_at',
            'created_at',
          ],
          rows.assignments,
        );
        await writer.insert('employee_skill_levels', ['employee_id', 'skill_id', 'level', 'valid_until'], stateRows.levels);
        await writer.insert(
          'rollup_members',
          ['employee_id', 'team_id', 'role_id', 'location_id', 'recorded'],
          stateRows.members,
        );
        progress(done);
      });
    }
    await writer.settle();

    const summary: DemoSummary = {
      employees,
      activeEmployees: pre.active,
      leavers: pre.leavers,
      teams: plan.teams.length,
      roles: catalogue.roles.length,
      skills: catalogue.skills.length,
      credentials: catalogue.credentials.length,
      completions,
      clusters: catalogue.clusters.length,
      assignments,
      users: Object.values(DEMO_USERS),
    };
    await writer.transaction(async () => {
      // Managers are members of the teams they manage: the employee in each team's first slot.
      for (let start = 0; start < plan.teams.length; start += 400) {
        const chunk = plan.teams.slice(start, start + 400);
        const parameters: SqlValue[] = [];
        for (const team of chunk) parameters.push(team.id, plan.idOfSlot(team.slotStart));
        for (const team of chunk) parameters.push(team.id);
        await runner.query(
          `UPDATE ${quote('teams')} SET ${quote('manager_id')} = CASE ${quote('id')} ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END ` +
            `WHERE ${quote('id')} IN (${chunk.map(() => '?').join(',')})`,
          parameters,
        );
      }
      const links: Array<[string, number]> = [
        [DEMO_USERS.hr, cast.hrEmployeeId],
        [DEMO_USERS.manager, cast.managerEmployeeId],
        [DEMO_USERS.exec, cast.execEmployeeId],
        [DEMO_USERS.employee, cast.employeeEmployeeId],
      ];
      for (const [email, employeeId] of links)
        await runner.query(`UPDATE ${quote('users')} SET ${quote('employee_id')} = ? WHERE ${quote('email')} = ?`, [
          employeeId,
          email,
        ]);
      await writer.insert(
        'audit_log',
        ['at', 'user_id', 'action', 'entity', 'entity_id', 'before', 'after'],
        [
          [
            now,
            null,
            'seed',
            'organisation',
            '1',
            null,
            JSON.stringify({ generator: 'demo', seed, today: options.today, ...summary }),
          ],
        ],
      );
    });
    progress(`Linked team managers and demo users`);
    await writer.transaction(async () => {
      await rebuildTeamClosure(runner);
      await runner.query(`INSERT INTO ${quote('rollup_state')} (id, valid_on) VALUES (1, ?)`, [options.today]);
    });
    // MySQL builds the indexes on this connection while another one writes the statistics.
    if (dialect === 'mysql') {
      const statsWriter = await BulkWriter.open(dataSource);
      try {
        const results = await Promise.allSettled([restoreIndexes(), writeStatistics(statsWriter, state)]);
        for (const result of results) if (result.status === 'rejected') throw result.reason;
      } finally {
        await statsWriter.close();
      }
    } else {
      await restoreIndexes();
      await writeStatistics(writer, state);
    }
    // Which assigned credentials are done: set-based, once the completions' indexes are back.
    await writer.transaction(() => rebuildAssignmentProgress(runner));
    await writer.transaction(() => writeSnapshots(writer, snapshots, plan, now));
    progress(`Built the indexes, the statistics and the team closure`);
    return summary;
  } catch (error) {
    // What still writes in the background finishes first (the clean-up needs the connection), and
    // the indexes dropped for the load come back.
    await writer.settle().catch(() => undefined);
    await restoreIndexes?.().catch(() => undefined);
    if (wrote) {
      try {
        await removePartialDemo(runner);
      } catch (cleanupError) {
        progress(`Could not remove the partial demo data: ${(cleanupError as Error).message}`);
      }
    }
    throw error;
  } finally {
    await writer.close();
  }
}

/** The snapshot builder's view of the employee just generated (the last rows of each list). */
function snapshotEmployee(rows: BatchRows, completionsFrom: number, periodsFrom: number): SnapshotEmployee {
  const employee = rows.employees[rows.employees.length - 1] as SqlValue[];
  const completions: SnapshotCompletion[] = [];
  for (let i = completionsFrom; i < rows.completions.length; i++) {
    const row = rows.completions[i] as SqlValue[];
    if (row[SNAPSHOT_COLUMNS.status] !== 'valid') continue;
    completions.push({
      credentialId: row[SNAPSHOT_COLUMNS.credential] as number,
      awarded: row[SNAPSHOT_COLUMNS.awarded] as string,
      expires: row[SNAPSHOT_COLUMNS.expires] as string | null,
    });
  }
  return {
    hire: employee[EMPLOYEE_HIRE] as string,
    leave: employee[EMPLOYEE_LEAVE] as string | null,
    periods: rows.periods.slice(periodsFrom).map((row) => ({
      teamId: row[1] as number,
      roleId: row[2] as number,
      start: row[4] as string,
      end: row[5] as string | null,
    })),
    completions,
  };
}

/** The snapshot rows and their month ends; the team tree from the plan. */
async function writeSnapshots(writer: BulkWriter, snapshots: TrendSnapshotBuilder, plan: OrgPlan, now: string): Promise<void> {
  const parents = new Map(plan.teams.map((team) => [team.id, team.parentId]));
  const scopesOf = (teamId: number): number[] => {
    const scopes = [ORGANISATION_SCOPE];
    for (let id: number | null | undefined = teamId; id !== null && id !== undefined; id = parents.get(id)) scopes.push(id);
    return scopes;
  };
  const rows = snapshots.rows(scopesOf, ORGANISATION_SCOPE);
  await writer.insert(
    'trend_snapshots',
    ['scope_id', 'skill_id', 'month_end', 'headcount', 'required', 'met', 'level_sum'],
    rows.map((r) => [r.scopeId, r.skillId, r.monthEnd, r.headcount, r.required, r.met, r.levelSum]),
  );
  await writer.insert(
    'trend_snapshot_months',
    ['month_end', 'computed_at'],
    snapshots.monthEnds.map((monthEnd) => [monthEnd, now]),
  );
}

/** The catalogue and team tree as the in-memory skill state reads them. */
function demoStateModel(catalogue: DemoCatalogue, plan: OrgPlan, today: string): SkillStateModel {
  const largest = (ids: number[]) => Math.max(0, ...ids);
  return {
    validOn: today,
    grants: new Map(catalogue.credentials.map((c) => [c.id, c.grants])),
    requirements: new Map(catalogue.roles.map((r) => [r.id, new Map(r.requirements.map((q) => [q.skillId, q.level]))])),
    teams: plan.teams,
    maxSkillId: largest(catalogue.skills.map((s) => s.id)),
    maxRoleId: largest(catalogue.roles.map((r) => r.id)),
    maxLocationId: largest(catalogue.locations.map((l) => l.id)),
  };
}

/** Writes the statistics computed in memory, working out the next rows while the database writes the last. */
async function writeStatistics(writer: BulkWriter, state: SkillStateBuilder): Promise<void> {
  let pending: StatRows[] = [];
  let buffered = 0;
  const flush = () => {
    const chunk = pending;
    [pending, buffered] = [[], 0];
    return writer.inBackground(async () => {
      for (const { table, rows } of chunk) await writer.insert(table, STAT_COLUMNS[table], rows);
    });
  };
  let scopes = 0;
  for (const stats of state.statistics()) {
    pending.push(stats);
    buffered += stats.rows.length;
    if (buffered >= STATS_PER_TRANSACTION) await flush();
    // Working out rows is synchronous: now and then, let the pending transaction's next statement go out.
    if (++scopes % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await flush();
  await writer.settle();
}
