import { createHash } from 'node:crypto';
import { verify } from 'argon2';
import {
  addDays,
  addMonths,
  assignmentProgress,
  currentSkillLevels,
  type CompletionForLevels,
  type CompletionStatus,
} from '@skillgrid/shared';
import type { DataSource } from 'typeorm';
import { createMigratedDataSource, testDialect } from '../../../test/support/test-database';
import { refreshTrendSnapshots, snapshotMonthEnds, SNAPSHOT_MONTHS } from '../analytics/snapshots/trend-snapshots.sql';
import { ANALYTICS_TABLES, rebuildAnalytics } from '../analytics/state/skill-state.sql';
import { recomputeAnalytics } from '../analytics/state/skill-state-rebuild';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  DemoDatabaseNotEmptyError,
  generateDemoOrganisation,
  type DemoSummary,
} from './demo-generator';

const TODAY = '2026-03-15';
const EMPLOYEES = 400;

type Row = Record<string, unknown>;
type Database = Awaited<ReturnType<typeof createMigratedDataSource>>;

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
/** DATE columns come back as strings on both databases (dateStrings on MySQL). */
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));

async function rows(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  return (await dataSource.query(sql, parameters)) as Row[];
}

async function countOf(dataSource: DataSource, table: string): Promise<number> {
  const [row] = await rows(dataSource, `SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.['n']);
}

/** A digest of the first rows of the main tables, to compare two generated databases. */
async function fingerprint(dataSource: DataSource): Promise<string> {
  const parts = [
    await rows(dataSource, 'SELECT id, name, parent_id, path, depth, manager_id FROM teams ORDER BY id'),
    await rows(
      dataSource,
      'SELECT id, external_id, name, email, team_id, role_id, location_id, hire_date, status, leave_date, target_role_id FROM employees ORDER BY id LIMIT 300',
    ),
    await rows(
      dataSource,
      'SELECT employee_id, credential_id, awarded_at, expires_at, source, score, status FROM completions ORDER BY id LIMIT 1500',
    ),
    await rows(
      dataSource,
      'SELECT employee_id, cluster_id, credential_id, assigned_at, due_date, cancelled_at FROM assignments ORDER BY id LIMIT 300',
    ),
    await rows(
      dataSource,
      'SELECT employee_id, team_id, role_id, start_date, end_date FROM employment_periods ORDER BY id LIMIT 300',
    ),
  ];
  const counts = [];
  for (const table of ['employees', 'completions', 'assignments', 'employment_periods', 'teams'])
    counts.push(await countOf(dataSource, table));
  return createHash('sha256')
    .update(JSON.stringify([parts, counts], (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)))
    .digest('hex');
}

async function levelsOf(dataSource: DataSource, employeeIds: number[] | null) {
  const grants = new Map<number, Array<{ skillId: number; level: number }>>();
  for (const row of await rows(dataSource, 'SELECT credential_id, skill_id, level FROM credential_skills')) {
    const list = grants.get(Number(row['credential_id'])) ?? [];
    list.push({ skillId: Number(row['skill_id']), level: Number(row['level']) });
    grants.set(Number(row['credential_id']), list);
  }
  const filter = employeeIds ? ` WHERE employee_id IN (${employeeIds.join(',')})` : '';
  const byEmployee = new Map<number, CompletionForLevels[]>();
  for (const row of await rows(
    dataSource,
    `SELECT employee_id, credential_id, awarded_at, expires_at, status FROM completions${filter}`,
  )) {
    const list = byEmployee.get(Number(row['employee_id'])) ?? [];
    list.push({
      credentialId: Number(row['credential_id']),
      awardedAt: str(row['awarded_at']) as string,
      expiresAt: str(row['expires_at']),
      status: row['status'] as CompletionStatus,
      grants: grants.get(Number(row['credential_id'])) ?? [],
    });
    byEmployee.set(Number(row['employee_id']), list);
  }
  return (employeeId: number, asOf = TODAY) => currentSkillLevels(byEmployee.get(employeeId) ?? [], asOf);
}

async function requirementsByRole(dataSource: DataSource) {
  const map = new Map<number, Array<{ skillId: number; level: number; weight: number }>>();
  for (const row of await rows(dataSource, 'SELECT role_id, skill_id, required_level, weight FROM role_requirements')) {
    const list = map.get(Number(row['role_id'])) ?? [];
    list.push({ skillId: Number(row['skill_id']), level: Number(row['required_level']), weight: Number(row['weight']) });
    map.set(Number(row['role_id']), list);
  }
  return map;
}

describe(`demo organisation generator (${testDialect()})`, () => {
  let db: Database;
  let summary: DemoSummary;
  const progress: string[] = [];

  beforeAll(async () => {
    db = await createMigratedDataSource();
    summary = await generateDemoOrganisation(db.dataSource, {
      employees: EMPLOYEES,
      seed: 42,
      today: TODAY,
      batchSize: 150,
      onProgress: (message) => progress.push(message),
    });
  }, 180_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('reports what it wrote, batch by batch', async () => {
    const ds = db.dataSource;
    expect(summary.employees).toBe(EMPLOYEES);
    expect(await countOf(ds, 'employees')).toBe(EMPLOYEES);
    expect(await countOf(ds, 'completions')).toBe(summary.completions);
    expect(await countOf(ds, 'assignments')).toBe(summary.assignments);
    expect(await countOf(ds, 'teams')).toBe(summary.teams);
    expect(await countOf(ds, 'skills')).toBe(summary.skills);
    expect(await countOf(ds, 'roles')).toBe(summary.roles);
    expect(await countOf(ds, 'credentials')).toBe(summary.credentials);
    expect(await countOf(ds, 'clusters')).toBe(summary.clusters);
    expect(summary.activeEmployees + summary.leavers).toBe(EMPLOYEES);
    expect(summary.users).toEqual(Object.values(DEMO_USERS));
    // About 8 completions per employee.
    expect(summary.completions / EMPLOYEES).toBeGreaterThan(6);
    expect(summary.completions / EMPLOYEES).toBeLessThan(11);
    expect(progress.filter((message) => message.startsWith('Employees ')).length).toBe(Math.ceil(EMPLOYEES / 150));
  });

  it('writes the skill state and statistics that rebuilding them from the completions gives, set-based and in memory', async () => {
    const snapshot = () =>
      Promise.all(
        ANALYTICS_TABLES.map(async (table) =>
          (await rows(db.dataSource, `SELECT * FROM ${table}`))
            .map((row) => JSON.stringify(Object.entries(row).map(([column, value]) => [column, String(value)])))
            .sort(),
        ),
      );
    const generated = await snapshot();
    await db.dataSource.transaction((manager) => rebuildAnalytics(manager, TODAY));
    expect(await snapshot()).toEqual(generated);
    await db.dataSource.transaction((manager) => recomputeAnalytics(manager, TODAY));
    expect(await snapshot()).toEqual(generated);
    expect(generated.map((table) => table.length > 0)).toEqual(ANALYTICS_TABLES.map(() => true));
  });

  it('writes the month-end snapshots that a refresh computes from the completions and history', async () => {
    const ds = db.dataSource;
    const read = async () =>
      (await rows(ds, 'SELECT scope_id, skill_id, month_end, headcount, required, met, level_sum FROM trend_snapshots'))
        .map((row) => Object.values(row).map(String).join(' '))
        .sort();
    const generated = await read();
    expect(generated.length).toBeGreaterThan(SNAPSHOT_MONTHS * 10);
    await ds.query('DELETE FROM trend_snapshot_months');
    // Requests waiting for the event loop get their turns while the refresh reads.
    let turns = 0;
    setImmediate(() => turns++);
    const result = await refreshTrendSnapshots(ds, TODAY, (work) => ds.transaction((manager) => work(manager)));
    expect(turns).toBe(1);
    expect(result.months).toEqual(snapshotMonthEnds(TODAY));
    expect(await read()).toEqual(generated);
  });

  it('leaves the schema as the migrations built it (the indexes dropped while loading are back)', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('sets up the organisation, its proficiency scale and locations', async () => {
    const ds = db.dataSource;
    const [settings] = await rows(ds, 'SELECT id, name, time_zone, currency, privacy_min_group FROM organisation_settings');
    expect({ ...settings, id: num(settings?.['id']), privacy_min_group: num(settings?.['privacy_min_group']) }).toEqual({
      id: 1,
      name: 'Northwind Logistics',
      time_zone: 'Europe/London',
      currency: 'GBP',
      privacy_min_group: 5,
    });
    const levels = await rows(ds, 'SELECT level, label FROM proficiency_levels ORDER BY level');
    expect(levels.map((l) => [num(l['level']), l['label']])).toEqual([
      [1, 'Awareness'],
      [2, 'Foundation'],
      [3, 'Practitioner'],
      [4, 'Advanced'],
      [5, 'Expert'],
    ]);
    expect(await countOf(ds, 'locations')).toBe(8);
    const [audit] = await rows(ds, "SELECT action, entity, entity_id, user_id, after FROM audit_log WHERE action = 'seed'");
    expect(audit?.['entity']).toBe('organisation');
    expect(JSON.parse(String(audit?.['after']))).toMatchObject({ seed: 42, today: TODAY, employees: EMPLOYEES });
  });

  it('grants every required skill of every role through some credential at the required level', async () => {
    const uncovered = await rows(
      db.dataSource,
      `SELECT rr.role_id, rr.skill_id, rr.required_level FROM role_requirements rr
       WHERE NOT EXISTS (SELECT 1 FROM credential_skills cs WHERE cs.skill_id = rr.skill_id AND cs.level >= rr.required_level)`,
    );
    expect(uncovered).toEqual([]);
    const perRole = await rows(
      db.dataSource,
      'SELECT role_id, COUNT(*) AS n, MAX(weight) AS w FROM role_requirements GROUP BY role_id',
    );
    for (const role of perRole) {
      expect(Number(role['n'])).toBeGreaterThanOrEqual(4);
      expect(Number(role['n'])).toBeLessThanOrEqual(10);
      expect(Number(role['w'])).toBe(3);
    }
    const perCredential = await rows(
      db.dataSource,
      'SELECT credential_id, COUNT(*) AS n FROM credential_skills GROUP BY credential_id',
    );
    expect(perCredential.length).toBe(summary.credentials);
    for (const credential of perCredential) expect(Number(credential['n'])).toBeLessThanOrEqual(4);
  });

  it('writes completions without duplicates, inside the history, expiring validity months after the award', async () => {
    const ds = db.dataSource;
    const duplicates = await rows(
      ds,
      'SELECT employee_id, credential_id, awarded_at, COUNT(*) AS n FROM completions GROUP BY employee_id, credential_id, awarded_at HAVING COUNT(*) > 1',
    );
    expect(duplicates).toEqual([]);
    const all = await rows(
      ds,
      `SELECT c.awarded_at, c.expires_at, c.status, c.source, c.employee_id, cr.validity_months, e.leave_date, e.hire_date
       FROM completions c JOIN credentials cr ON cr.id = c.credential_id JOIN employees e ON e.id = c.employee_id`,
    );
    const historyStart = addMonths(TODAY, -24);
    const statuses = new Map<string, number>();
    const sources = new Map<string, number>();
    let renewed = 0;
    for (const row of all) {
      const awarded = str(row['awarded_at']) as string;
      const validity = num(row['validity_months']);
      expect(str(row['expires_at'])).toBe(validity === null ? null : addMonths(awarded, validity));
      expect(awarded >= historyStart && awarded <= TODAY).toBe(true);
      const leave = str(row['leave_date']);
      if (leave) expect(awarded <= leave).toBe(true);
      expect(awarded >= addDays(str(row['hire_date']) as string, -180)).toBe(true);
      statuses.set(String(row['status']), (statuses.get(String(row['status'])) ?? 0) + 1);
      sources.set(String(row['source']), (sources.get(String(row['source'])) ?? 0) + 1);
      if (validity !== null && (str(row['expires_at']) as string) <= TODAY) renewed++;
    }
    expect(renewed).toBeGreaterThan(0);
    expect((statuses.get('valid') ?? 0) / all.length).toBeGreaterThan(0.95);
    expect(statuses.get('revoked') ?? 0).toBeGreaterThan(0);
    expect(statuses.get('pending') ?? 0).toBeGreaterThan(0);
    expect([...sources.keys()].sort()).toEqual(expect.arrayContaining(['csv_import', 'manual', 'open_badges']));
    // Some expired certifications were renewed near their expiry, some lapsed.
    const chains = await rows(
      ds,
      `SELECT a.id FROM completions a JOIN completions b ON b.employee_id = a.employee_id AND b.credential_id = a.credential_id
       AND b.awarded_at > a.awarded_at WHERE a.expires_at IS NOT NULL AND a.expires_at <= ?`,
      [TODAY],
    );
    expect(chains.length).toBeGreaterThan(0);
  });

  it('has about 10% leavers who left within the last 24 months, spread over the months', async () => {
    const leavers = await rows(db.dataSource, "SELECT hire_date, leave_date FROM employees WHERE status = 'left'");
    expect(leavers.length / EMPLOYEES).toBeGreaterThan(0.06);
    expect(leavers.length / EMPLOYEES).toBeLessThan(0.14);
    const months = new Set<string>();
    for (const leaver of leavers) {
      const leave = str(leaver['leave_date']) as string;
      expect(leave > addMonths(TODAY, -24) && leave <= TODAY).toBe(true);
      expect((str(leaver['hire_date']) as string) < leave).toBe(true);
      months.add(leave.slice(0, 7));
    }
    expect(months.size).toBeGreaterThan(12);
    const active = await rows(
      db.dataSource,
      "SELECT COUNT(*) AS n FROM employees WHERE status = 'active' AND leave_date IS NOT NULL",
    );
    expect(Number(active[0]?.['n'])).toBe(0);
    const hires = await rows(db.dataSource, 'SELECT MIN(hire_date) AS first, MAX(hire_date) AS last FROM employees');
    expect((str(hires[0]?.['first']) as string) >= addMonths(TODAY, -120)).toBe(true);
    expect((str(hires[0]?.['last']) as string) <= TODAY).toBe(true);
    const emails = await rows(db.dataSource, 'SELECT email, external_id FROM employees');
    expect(new Set(emails.map((e) => e['email'])).size).toBe(EMPLOYEES);
    for (const e of emails) {
      expect(e['email']).toBe(String(e['email']).toLowerCase());
      expect(e['external_id']).toMatch(/^E\d{6,}$/);
    }
  });

  it('builds a consistent team tree whose managers are active members', async () => {
    const teams = await rows(db.dataSource, 'SELECT id, parent_id, path, depth, manager_id FROM teams ORDER BY id');
    const byId = new Map(teams.map((t) => [Number(t['id']), t]));
    const members = await rows(db.dataSource, 'SELECT id, team_id, status FROM employees');
    const employee = new Map(members.map((m) => [Number(m['id']), m]));
    for (const team of teams) {
      const parent = team['parent_id'] === null ? null : byId.get(Number(team['parent_id']));
      expect(team['path']).toBe(`${parent ? String(parent['path']) : '/'}${Number(team['id'])}/`);
      expect(Number(team['depth'])).toBe(parent ? Number(parent['depth']) + 1 : 0);
      const manager = employee.get(Number(team['manager_id']));
      expect(manager).toBeDefined();
      expect(Number(manager?.['team_id'])).toBe(Number(team['id']));
      expect(manager?.['status']).toBe('active');
    }
    expect(teams.filter((t) => Number(t['depth']) === 0).length).toBe(5);
    expect(teams.filter((t) => Number(t['depth']) === 2).length).toBeGreaterThanOrEqual(13);
  });

  it('keeps an employment history: one current period from the hire date, moves for some', async () => {
    const periods = await rows(
      db.dataSource,
      `SELECT p.employee_id, p.team_id, p.role_id, p.start_date, p.end_date, e.hire_date, e.leave_date, e.team_id AS team_now, e.role_id AS role_now
       FROM employment_periods p JOIN employees e ON e.id = p.employee_id ORDER BY p.employee_id, p.start_date`,
    );
    const byEmployee = new Map<number, Row[]>();
    for (const period of periods)
      byEmployee.set(Number(period['employee_id']), [...(byEmployee.get(Number(period['employee_id'])) ?? []), period]);
    expect(byEmployee.size).toBe(EMPLOYEES);
    let movers = 0;
    for (const list of byEmployee.values()) {
      const first = list[0] as Row;
      const last = list[list.length - 1] as Row;
      expect(str(first['start_date'])).toBe(str(first['hire_date']));
      expect(str(last['end_date'])).toBe(str(last['leave_date']));
      expect(Number(last['team_id'])).toBe(Number(last['team_now']));
      expect(Number(last['role_id'])).toBe(Number(last['role_now']));
      for (let i = 1; i < list.length; i++) expect(str(list[i]?.['start_date'])).toBe(str(list[i - 1]?.['end_date']));
      if (list.length > 1) movers++;
    }
    expect(movers / EMPLOYEES).toBeGreaterThan(0.04);
    expect(movers / EMPLOYEES).toBeLessThan(0.2);
  });

  it('has realistic gaps: coverage of requirements around 55–80%, varying across teams', async () => {
    const ds = db.dataSource;
    const requirements = await requirementsByRole(ds);
    const levelOf = await levelsOf(ds, null);
    const active = await rows(ds, "SELECT id, team_id, role_id FROM employees WHERE status = 'active'");
    const perTeam = new Map<number, [number, number]>();
    let met = 0;
    let total = 0;
    for (const person of active) {
      const levels = levelOf(Number(person['id']));
      for (const requirement of requirements.get(Number(person['role_id'])) ?? []) {
        const ok = (levels.get(requirement.skillId)?.level ?? 0) >= requirement.level ? 1 : 0;
        met += ok;
        total++;
        const team = perTeam.get(Number(person['team_id'])) ?? [0, 0];
        perTeam.set(Number(person['team_id']), [team[0] + ok, team[1] + 1]);
      }
    }
    expect(met / total).toBeGreaterThan(0.55);
    expect(met / total).toBeLessThan(0.85);
    const teamCoverage = [...perTeam.values()].filter(([, n]) => n >= 40).map(([m, n]) => m / n);
    expect(Math.max(...teamCoverage) - Math.min(...teamCoverage)).toBeGreaterThan(0.1);
  });

  it('links the demo manager to a 20–200 person sub-tree that contains the demo employee', async () => {
    const ds = db.dataSource;
    const [manager] = await rows(ds, 'SELECT u.employee_id, u.role FROM users u WHERE u.email = ?', [DEMO_USERS.manager]);
    expect(manager?.['role']).toBe('manager');
    const managed = await rows(ds, 'SELECT id, path FROM teams WHERE manager_id = ?', [Number(manager?.['employee_id'])]);
    expect(managed.length).toBe(1);
    const path = String(managed[0]?.['path']);
    const [subtree] = await rows(
      ds,
      "SELECT COUNT(*) AS n FROM employees e JOIN teams t ON t.id = e.team_id WHERE e.status = 'active' AND t.path LIKE ?",
      [`${path}%`],
    );
    expect(Number(subtree?.['n'])).toBeGreaterThanOrEqual(20);
    expect(Number(subtree?.['n'])).toBeLessThanOrEqual(200);
    const [employee] = await rows(
      ds,
      'SELECT e.id, e.status, t.path, u.role FROM users u JOIN employees e ON e.id = u.employee_id JOIN teams t ON t.id = e.team_id WHERE u.email = ?',
      [DEMO_USERS.employee],
    );
    expect(employee?.['role']).toBe('employee');
    expect(employee?.['status']).toBe('active');
    expect(String(employee?.['path']).startsWith(path)).toBe(true);
    expect(Number(employee?.['id'])).not.toBe(Number(manager?.['employee_id']));
  });

  it('gives the demo employee gaps, an open assignment and a credential expiring within 90 days', async () => {
    const ds = db.dataSource;
    const [employee] = await rows(
      ds,
      'SELECT e.id, e.role_id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.email = ?',
      [DEMO_USERS.employee],
    );
    const id = Number(employee?.['id']);
    const levels = (await levelsOf(ds, [id]))(id);
    const requirements = (await requirementsByRole(ds)).get(Number(employee?.['role_id'])) ?? [];
    const gaps = requirements.filter((r) => (levels.get(r.skillId)?.level ?? 0) < r.level);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThan(requirements.length);

    const expiring = await rows(
      ds,
      "SELECT expires_at FROM completions WHERE employee_id = ? AND status = 'valid' AND expires_at > ? AND expires_at <= ?",
      [id, TODAY, addDays(TODAY, 90)],
    );
    expect(expiring.length).toBeGreaterThan(0);

    const completions = (
      await rows(ds, 'SELECT credential_id, awarded_at, status FROM completions WHERE employee_id = ?', [id])
    ).map((c) => ({
      credentialId: Number(c['credential_id']),
      awardedAt: str(c['awarded_at']) as string,
      status: c['status'] as CompletionStatus,
    }));
    const assignments = await rows(
      ds,
      'SELECT cluster_id, credential_id, assigned_at, due_date, cancelled_at FROM assignments WHERE employee_id = ?',
      [id],
    );
    const statuses = [];
    for (const assignment of assignments) {
      const credentialIds =
        assignment['cluster_id'] === null
          ? [Number(assignment['credential_id'])]
          : (
              await rows(ds, 'SELECT credential_id FROM cluster_credentials WHERE cluster_id = ? ORDER BY position', [
                Number(assignment['cluster_id']),
              ])
            ).map((r) => Number(r['credential_id']));
      statuses.push(
        assignmentProgress({
          credentialIds,
          assignedAt: str(assignment['assigned_at']) as string,
          dueDate: str(assignment['due_date']) as string,
          cancelled: assignment['cancelled_at'] !== null,
          completions,
          today: TODAY,
        }).status,
      );
    }
    expect(statuses.some((status) => status === 'assigned' || status === 'in_progress')).toBe(true);
  });

  it('has assignments that are overdue, in progress and completed, in the last six months for open ones', async () => {
    const ds = db.dataSource;
    const clusterCredentials = new Map<number, number[]>();
    for (const row of await rows(ds, 'SELECT cluster_id, credential_id FROM cluster_credentials ORDER BY cluster_id, position'))
      clusterCredentials.set(Number(row['cluster_id']), [
        ...(clusterCredentials.get(Number(row['cluster_id'])) ?? []),
        Number(row['credential_id']),
      ]);
    const completions = new Map<number, Array<{ credentialId: number; awardedAt: string; status: CompletionStatus }>>();
    for (const row of await rows(ds, 'SELECT employee_id, credential_id, awarded_at, status FROM completions'))
      completions.set(Number(row['employee_id']), [
        ...(completions.get(Number(row['employee_id'])) ?? []),
        {
          credentialId: Number(row['credential_id']),
          awardedAt: str(row['awarded_at']) as string,
          status: row['status'] as CompletionStatus,
        },
      ]);
    const statuses = new Map<string, number>();
    for (const row of await rows(
      ds,
      'SELECT employee_id, cluster_id, credential_id, assigned_at, due_date, cancelled_at FROM assignments',
    )) {
      expect((row['cluster_id'] === null) !== (row['credential_id'] === null)).toBe(true);
      expect((str(row['due_date']) as string) > (str(row['assigned_at']) as string)).toBe(true);
      const { status } = assignmentProgress({
        credentialIds:
          row['cluster_id'] === null ? [Number(row['credential_id'])] : (clusterCredentials.get(Number(row['cluster_id'])) ?? []),
        assignedAt: str(row['assigned_at']) as string,
        dueDate: str(row['due_date']) as string,
        cancelled: row['cancelled_at'] !== null,
        completions: completions.get(Number(row['employee_id'])) ?? [],
        today: TODAY,
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    for (const status of ['completed', 'overdue', 'in_progress', 'assigned'])
      expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    const [open] = await rows(
      ds,
      'SELECT COUNT(DISTINCT a.employee_id) AS n FROM assignments a WHERE a.assigned_at >= ? AND a.cancelled_at IS NULL',
      [addMonths(TODAY, -6)],
    );
    expect(Number(open?.['n']) / summary.activeEmployees).toBeGreaterThan(0.08);
    expect(Number(open?.['n']) / summary.activeEmployees).toBeLessThan(0.25);
  });

  it('orders cluster credentials from 1 and plans head count for the next 12 months of every role', async () => {
    const ds = db.dataSource;
    for (const cluster of await rows(
      ds,
      'SELECT cluster_id, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi FROM cluster_credentials GROUP BY cluster_id',
    )) {
      expect(Number(cluster['lo'])).toBe(1);
      expect(Number(cluster['hi'])).toBe(Number(cluster['n']));
      expect(Number(cluster['n'])).toBeGreaterThanOrEqual(2);
      expect(Number(cluster['n'])).toBeLessThanOrEqual(6);
    }
    const plans = await rows(
      ds,
      'SELECT role_id, COUNT(*) AS n, MIN(month) AS first, MAX(month) AS last FROM headcount_plans GROUP BY role_id',
    );
    expect(plans.length).toBe(summary.roles);
    for (const plan of plans) {
      expect(Number(plan['n'])).toBe(12);
      expect(str(plan['first'])).toBe('2026-04-01');
      expect(str(plan['last'])).toBe('2027-03-01');
    }
    expect(await countOf(ds, 'team_capability_targets')).toBeGreaterThan(3);
  });

  it('creates the four demo logins with argon2 hashes, linked to employees with the same e-mail', async () => {
    const users = await rows(
      db.dataSource,
      'SELECT u.email, u.role, u.password_hash, e.email AS employee_email, e.status FROM users u JOIN employees e ON e.id = u.employee_id ORDER BY u.id',
    );
    expect(users.map((u) => [u['email'], u['role']])).toEqual([
      [DEMO_USERS.hr, 'hr'],
      [DEMO_USERS.manager, 'manager'],
      [DEMO_USERS.exec, 'exec'],
      [DEMO_USERS.employee, 'employee'],
    ]);
    for (const user of users) {
      expect(user['employee_email']).toBe(user['email']);
      expect(user['status']).toBe('active');
      expect(String(user['password_hash'])).toMatch(/^\$argon2id\$/);
      expect(await verify(String(user['password_hash']), DEMO_PASSWORD)).toBe(true);
      expect(await verify(String(user['password_hash']), 'wrong-password')).toBe(false);
    }
    const [hr] = await rows(
      db.dataSource,
      'SELECT r.family FROM users u JOIN employees e ON e.id = u.employee_id JOIN roles r ON r.id = e.role_id WHERE u.email = ?',
      [DEMO_USERS.hr],
    );
    expect(hr?.['family']).toBe('People');
  });

  it('refuses a database that already has employees, and writes nothing', async () => {
    const before = await countOf(db.dataSource, 'completions');
    await expect(generateDemoOrganisation(db.dataSource, { employees: EMPLOYEES, today: TODAY })).rejects.toBeInstanceOf(
      DemoDatabaseNotEmptyError,
    );
    expect(await countOf(db.dataSource, 'completions')).toBe(before);
  });

  it('rejects bad options', async () => {
    await expect(generateDemoOrganisation(db.dataSource, { employees: 10, today: TODAY })).rejects.toThrow(/employees must be/);
    await expect(generateDemoOrganisation(db.dataSource, { today: '2026-02-30' })).rejects.toThrow(/today must be/);
  });

  it('removes what it wrote when it fails half-way, so the database can be seeded again', async () => {
    const scratch = await createMigratedDataSource();
    try {
      let batches = 0;
      const failing = generateDemoOrganisation(scratch.dataSource, {
        employees: 150,
        today: TODAY,
        batchSize: 50,
        onProgress: (message) => {
          if (message.startsWith('Employees ') && ++batches === 2) throw new Error('disk full');
        },
      });
      await expect(failing).rejects.toThrow('disk full');
      for (const table of ['employees', 'teams', 'skills', 'credentials', 'completions', 'users', 'employee_skill_levels'])
        expect({ table, rows: await countOf(scratch.dataSource, table) }).toEqual({ table, rows: 0 });
      // The indexes dropped for the load are back.
      const schema = await scratch.dataSource.driver.createSchemaBuilder().log();
      expect(schema.upQueries.map((query) => query.query)).toEqual([]);
      const retry = await generateDemoOrganisation(scratch.dataSource, { employees: 150, today: TODAY });
      expect(retry.employees).toBe(150);
    } finally {
      await scratch.destroy();
    }
  });

  describe('determinism', () => {
    let same: Database;
    let other: Database;

    beforeAll(async () => {
      same = await createMigratedDataSource();
      other = await createMigratedDataSource();
      await generateDemoOrganisation(same.dataSource, { employees: EMPLOYEES, seed: 42, today: TODAY });
      await generateDemoOrganisation(other.dataSource, { employees: EMPLOYEES, seed: 7, today: TODAY });
    }, 180_000);

    afterAll(async () => {
      await same?.destroy();
      await other?.destroy();
    });

    it('gives the same data for the same seed (whatever the batch size) and different data for another seed', async () => {
      const reference = await fingerprint(db.dataSource);
      expect(await fingerprint(same.dataSource)).toBe(reference);
      expect(await fingerprint(other.dataSource)).not.toBe(reference);
    });
  });
});
