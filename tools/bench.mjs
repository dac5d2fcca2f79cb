// npm run bench: seeds the demo organisation at a given size and measures the API through HTTP
// with a warm server. Prints a table; it asserts nothing (targets are read, not enforced).
//
//   npm run bench                          100,000 employees on SQLite
//   npm run bench -- --employees 2000      another size
//   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/skillgrid_bench npm run bench   also on MySQL/MariaDB
//   npm run bench -- --mysql-only --reuse  MySQL/MariaDB only, on a database seeded by an earlier run
//   npm run bench -- --analytics-only      skip the people lists and workflows (slow at 1,000,000 employees)
//   npm run bench -- --workflows-only      assignments, recommendations, effectiveness and notifications only
//   npm run bench -- --writes-only         recording a completion only
// Timings begin once the server's start-up refresh of stale month-end snapshots has ended (a warm
// server; an earlier run's backdated writes leave some stale).
// Forecast rows marked "cold" record a completion (untimed) before each request, so the
// forecast's cache cannot answer; "warm" ones repeat the same request.
//   BENCH_SQLITE_FILE=path npm run bench -- --reuse   SQLite in that file, seeded only when empty
//   BENCH_SERVER_FLAGS=--cpu-prof npm run bench -- --writes-only   node flags for the server only
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchServerFlags, ensureDependencies, integerOption, nx, root, serverArgs } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => integerOption(args, name, fallback);
const employees = option('--employees', 100_000);
const requests = option('--requests', 200);
const mysqlOnly = args.includes('--mysql-only');
const reuse = args.includes('--reuse');
const analyticsOnly = args.includes('--analytics-only');
const workflowsOnly = args.includes('--workflows-only');
const writesOnly = args.includes('--writes-only');
/** Whole-division requests take seconds at 1,000,000 employees: fewer of them there. */
const few = (count) => Math.min(requests, employees > 200_000 ? 5 : count);

ensureDependencies();
nx(['run-many', '-t', 'build', '-p', 'api', '--output-style=stream']);

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function timed(label, count, call) {
  return timedRead(label, count, () => Promise.resolve(), call);
}

/** Like timed, but `before` runs untimed ahead of each request (a write that empties the caches). */
async function timedRead(label, count, before, call) {
  const times = [];
  for (let i = 0; i < count; i++) {
    await before(i);
    const start = performance.now();
    const response = await call(i);
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, n: count, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] };
}

/**
 * Like timed, for writes on a database an earlier run may have written to: a 409 (that completion
 * is recorded already) is not timed, and the next call (a new award date) takes its place.
 */
async function timedWrites(label, count, call) {
  const times = [];
  let refused = 0;
  for (let i = 0; times.length < count; i++) {
    const start = performance.now();
    const response = await call(i);
    await response.arrayBuffer();
    if (response.status === 409 && ++refused <= count) continue;
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const note = refused ? ` (${refused} × 409)` : '';
  return { label: label + note, n: count, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] };
}

async function timedSql(label, count, call) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, n: count, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] };
}

/** The heatmap of some teams × one category straight from completions, as an SQL report view would do it. */
function naiveHeatmapSql(teamCount) {
  return (
    'SELECT g.ancestor_id, lv.skill_id, lv.lvl, COUNT(*) AS holders FROM (' +
    'SELECT c.employee_id, cs.skill_id, MAX(cs.`level`) AS lvl FROM completions c ' +
    'JOIN credential_skills cs ON cs.credential_id = c.credential_id JOIN skills s ON s.id = cs.skill_id AND s.category_id = ? ' +
    "JOIN employees e ON e.id = c.employee_id AND e.status = 'active' " +
    "WHERE c.status = 'valid' AND c.awarded_at <= ? AND (c.expires_at IS NULL OR c.expires_at > ?) GROUP BY c.employee_id, cs.skill_id) lv " +
    'JOIN employees e ON e.id = lv.employee_id JOIN team_closure g ON g.descendant_id = e.team_id ' +
    `WHERE g.ancestor_id IN (${Array.from({ length: teamCount }, () => '?').join(', ')}) GROUP BY g.ancestor_id, lv.skill_id, lv.lvl`
  );
}

/** A direct connection for the naive query, outside the API. */
async function openDatabase(databaseUrl) {
  if (databaseUrl.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(databaseUrl.slice(7), { readonly: true });
    return { query: async (text, parameters) => db.prepare(text).all(...parameters), close: async () => db.close() };
  }
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection(databaseUrl);
  return { query: async (text, parameters) => (await connection.query(text, parameters))[0], close: () => connection.end() };
}

async function benchDatabase(name, databaseUrl) {
  const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, WEB_DIST: '' };
  console.log(`\n▶ ${name}: seeding ${employees.toLocaleString('en')} employees…`);
  const seedStart = performance.now();
  const seed = spawnSync(
    'node',
    [join(root, 'dist/apps/api/cli.js'), 'seed', '--employees', String(employees), ...(reuse ? ['--if-empty'] : [])],
    { env, stdio: 'inherit' },
  );
  if (seed.status !== 0) throw new Error('seed failed');
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const sql = await openDatabase(databaseUrl);

  const port = (databaseUrl.startsWith('sqlite:') ? 3900 : 3950) + Math.floor(Math.random() * 40);
  const server = spawn('node', serverArgs(benchServerFlags()), {
    env: { ...env, PORT: String(port), LOGIN_RATE_LIMIT: '10000' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/api`;
  try {
    for (let i = 0; ; i++) {
      try {
        const health = await fetch(`${url}/health`);
        // The server of this run, not one still stopping on the same port.
        if (health.ok && (await health.json()).database === (databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'mysql')) break;
        throw new Error('not this run’s server yet');
      } catch {
        if (i > 150) throw new Error('server did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // Warm: the server's start-up refresh of the month-end snapshots (made stale by an earlier
    // run's backdated writes; seconds of work at 100,000 employees) has ended before any timing.
    const refreshStart = performance.now();
    while (Number((await sql.query('SELECT COUNT(*) AS n FROM trend_snapshot_invalidations', []))[0].n) > 0) {
      if (performance.now() - refreshStart > 600_000) throw new Error('the snapshot refresh did not end in 10 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    const refreshSeconds = (performance.now() - refreshStart) / 1000;
    const login = async (email) => {
      const response = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'skillgrid-demo' }),
      });
      const cookie = response.headers.get('set-cookie');
      if (!cookie) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
      return cookie.split(';')[0];
    };
    const hr = await login('hr@demo.skillgrid.test');
    const manager = await login('manager@demo.skillgrid.test');
    const exec = await login('exec@demo.skillgrid.test');
    const get = (cookie, path) => fetch(`${url}${path}`, { headers: { cookie } });
    const teams = (await (await get(hr, '/teams?pageSize=500')).json()).items;
    const ids = (await (await get(hr, '/employees?pageSize=500&status=active')).json()).items.map((e) => e.id);
    // Warm up.
    for (let i = 0; i < 20; i++) await get(hr, `/employees/${ids[i % ids.length]}/profile`);

    const today = (await (await get(hr, '/organisation')).json()).today;
    const allTeams = [];
    for (let page = 1; ; page++) {
      const body = await (await get(hr, `/teams?pageSize=500&page=${page}`)).json();
      allTeams.push(...body.items);
      if (allTeams.length >= body.total || !body.items.length) break;
    }
    const children = new Map();
    for (const team of allTeams) if (team.parentId !== null) children.set(team.parentId, (children.get(team.parentId) ?? 0) + 1);
    // The team level closest to 50 groups (the heatmap a planner opens most), at least 50 where
    // there is one (the 1,000,000-employee tree has no level between 3 and 417 teams).
    const [wideTeamId, groups] = [...children].sort(
      (a, b) => Number(a[1] < 50) - Number(b[1] < 50) || Math.abs(a[1] - 50) - Math.abs(b[1] - 50),
    )[0];
    const leaves = allTeams.filter((team) => !children.has(team.id));
    const categories = (await (await get(hr, '/skill-categories?pageSize=100')).json()).items.map((c) => c.id);
    const credentials = (await (await get(hr, '/credentials?pageSize=200')).json()).items.map((c) => c.id);
    const childIds = allTeams.filter((team) => team.parentId === wideTeamId).map((team) => team.id);
    const topTeams = allTeams.filter((team) => team.parentId === null).map((team) => team.id);
    const trendSkills = (await (await get(hr, '/skills?pageSize=100')).json()).items.map((skill) => skill.id);
    // Award dates in the last 60 days (a completion recorded soon after it was earned), from a
    // point that differs per run: a run on a reused database records new completions instead of
    // answering 409 for the last run's.
    let recorded = Math.floor(Math.random() * 60);
    const shift = Math.floor(Math.random() * 500);
    /** Records a completion of ids[employee] and credentials[credential] (wrapped), on the next award date. */
    const postCompletion = (employee, credential) =>
      fetch(`${url}/completions`, {
        method: 'POST',
        headers: { cookie: hr, 'content-type': 'application/json' },
        body: JSON.stringify({
          employeeId: ids[employee % ids.length],
          credentialId: credentials[credential % credentials.length],
          awardedAt: new Date(Date.parse(today) - (recorded++ % 60) * 86_400_000).toISOString().slice(0, 10),
        }),
      });
    const recordCompletions = () =>
      timedWrites('record a completion (+ rollups)', requests, (i) => postCompletion(i * 7 + shift, i * 13));
    const rows = [
      await timed('sign in (argon2 verify)', Math.min(requests, 50), () =>
        fetch(`${url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'exec@demo.skillgrid.test', password: 'skillgrid-demo' }),
        }),
      ),
      ...(analyticsOnly || workflowsOnly || writesOnly
        ? []
        : [
            await timed('employees list, page 1 (HR)', requests, () => get(hr, '/employees?pageSize=50')),
            await timed('employees list, deep page (HR)', requests, (i) =>
              get(hr, `/employees?pageSize=50&page=${100 + (i % 50)}`),
            ),
            await timed('employees by team sub-tree', requests, (i) =>
              get(hr, `/employees?teamId=${teams[i % teams.length].id}`),
            ),
            await timed('employees search q=', requests, (i) =>
              get(hr, `/employees?q=${['smith', 'ana', 'lee', 'ward'][i % 4]}`),
            ),
            await timed("manager's people (scoped)", requests, () => get(manager, '/employees')),
            await timed('team tree with headcounts', requests, () => get(hr, '/teams?pageSize=500')),
            await timed('credential catalogue', requests, () => get(hr, '/credentials?pageSize=100')),
          ]),
    ];
    if (writesOnly) rows.push(await recordCompletions());
    else if (!workflowsOnly) {
      rows.push(
        await timed('employee profile', requests, (i) => get(hr, `/employees/${ids[i % ids.length]}/profile`)),
        await timed(`heatmap: ${groups} teams × 1 category`, requests, (i) =>
          get(hr, `/analytics/heatmap?groupBy=team&teamId=${wideTeamId}&category=${categories[i % categories.length]}`),
        ),
        await timed('heatmap by role × 1 category', requests, (i) =>
          get(hr, `/analytics/heatmap?groupBy=role&category=${categories[i % categories.length]}`),
        ),
        await timed('heatmap top level, all skills (exec)', requests, () => get(exec, '/analytics/heatmap?groupBy=team')),
        await timed('heatmap, past as-of (from history)', few(20), (i) =>
          get(
            hr,
            `/analytics/heatmap?groupBy=team&teamId=${leaves[i % leaves.length].parentId}&asOf=${today.slice(0, 4) - 1}-06-30`,
          ),
        ),
        await timed('people × skills matrix (one team)', requests, (i) =>
          get(hr, `/analytics/matrix?teamId=${leaves[i % leaves.length].id}`),
        ),
        await timed('gap report (one team)', requests, (i) => get(hr, `/analytics/gaps?teamId=${leaves[i % leaves.length].id}`)),
        await timed(`gap report (${groups}-team department)`, few(50), () => get(hr, `/analytics/gaps?teamId=${wideTeamId}`)),
        await timed('single points of failure', requests, (i) =>
          get(hr, `/analytics/single-points-of-failure?teamId=${i % 2 ? wideTeamId : leaves[i % leaves.length].id}`),
        ),
        await timed('overview (org, HR)', few(50), () => get(hr, '/analytics/overview')),
        await timed('coverage trend, org × 1 skill, 24 months', requests, (i) =>
          get(hr, `/analytics/trend?skillId=${trendSkills[i % trendSkills.length]}&months=24`),
        ),
        await timed('coverage trend, top-level team, 24 months', requests, (i) =>
          get(hr, `/analytics/trend?teamId=${topTeams[i % topTeams.length]}&months=24`),
        ),
        await recordCompletions(),
      );
    }
    if (!workflowsOnly && !writesOnly) {
      // Forecasts, cold: a completion is recorded (untimed) before each request, so no cached
      // answer can be used; warm: the same request again.
      const writeOne = async () => {
        // A database reused across many runs may hold that completion already (409): the next
        // award date then. Any other refusal would leave the forecast's cache warm, and the
        // "cold" row would lie.
        for (let attempt = 1; ; attempt++) {
          const response = await postCompletion(recorded * 11 + shift, recorded * 17);
          await response.arrayBuffer();
          if (response.ok) return;
          if (response.status !== 409 || attempt === 20)
            throw new Error(`recording a completion before a cold forecast: HTTP ${response.status}`);
        }
      };
      const summary = await (await get(hr, '/forecast/summary')).json();
      const skillIds = summary.skills.map((s) => s.skillId);
      rows.push(
        await timedRead('forecast, all skills (cold)', few(20), writeOne, () => get(exec, '/forecast/summary')),
        await timed('forecast, all skills (warm)', requests, () => get(exec, '/forecast/summary')),
        await timedRead('forecast, one skill (cold)', few(100), writeOne, (i) =>
          get(hr, `/forecast?skillId=${skillIds[i % skillIds.length]}`),
        ),
        await timedRead('forecast, one skill × team (cold)', few(100), writeOne, (i) =>
          get(hr, `/forecast?skillId=${skillIds[i % skillIds.length]}&teamId=${leaves[i % leaves.length].parentId}`),
        ),
        await timed('forecast, one skill (warm)', requests, () => get(hr, `/forecast?skillId=${skillIds[0]}`)),
        await timedRead('backtest, one skill (cold)', few(5), writeOne, (i) =>
          get(hr, `/forecast/backtest?skillId=${skillIds[i % skillIds.length]}`),
        ),
        await timed('export heatmap XLSX, org by team', few(5), () => get(exec, '/exports/heatmap.xlsx?groupBy=team')),
        await timed('export gap report XLSX, org', few(5), () => get(hr, '/exports/gaps.xlsx')),
        await timed('export forecast PDF, one skill', few(5), () => get(exec, `/exports/forecast.pdf?skillId=${skillIds[0]}`)),
      );
    }
    if (!analyticsOnly && !writesOnly) {
      // A team of about 500 people (sub-tree), a different one and a different cluster per request.
      const clusterIds = (await (await get(hr, '/clusters?pageSize=100&status=active')).json()).items.map((c) => c.id);
      const near500 = [...allTeams]
        .filter((team) => team.subtreeHeadcount !== null)
        .sort((a, b) => Math.abs(a.subtreeHeadcount - 500) - Math.abs(b.subtreeHeadcount - 500))
        .slice(0, 20);
      const dueDate = new Date(Date.parse(today) + 60 * 86_400_000).toISOString().slice(0, 10);
      let assigned = 0;
      const bulk = await timed(`assign a cluster to ~500 people`, Math.min(requests, near500.length), async (i) => {
        const response = await fetch(`${url}/assignments`, {
          method: 'POST',
          headers: { cookie: hr, 'content-type': 'application/json' },
          body: JSON.stringify({ teamId: near500[i].id, clusterId: clusterIds[i % clusterIds.length], dueDate }),
        });
        if (response.ok) assigned += (await response.clone().json()).total;
        return response;
      });
      bulk.label = `assign a cluster to ~${Math.round(assigned / bulk.n)} people`;
      rows.push(
        bulk,
        await timed('recommendations (one employee)', requests, (i) =>
          get(hr, `/employees/${ids[i % ids.length]}/recommendations`),
        ),
        await timed('cluster ranking (one team)', requests, (i) =>
          get(hr, `/teams/${leaves[i % leaves.length].id}/cluster-recommendations`),
        ),
        await timed(`cluster ranking (${groups}-team department)`, few(20), () =>
          get(hr, `/teams/${wideTeamId}/cluster-recommendations`),
        ),
        await timed("assignments, overdue (manager's)", requests, () => get(manager, '/assignments?status=overdue')),
        await timed('notifications (manager)', requests, () => get(manager, '/me/notifications')),
        await timed('effectiveness, all credentials, 12 mo', few(10), () => get(hr, '/effectiveness?pageSize=500')),
        await timed('effectiveness, all clusters, 12 mo', few(10), () => get(hr, '/effectiveness?kind=cluster')),
      );
    }
    // After the HTTP timings: a long pause would outlive the server's keep-alive and break the pooled sockets.
    const naive =
      workflowsOnly || writesOnly
        ? null
        : await timedSql(`naive heatmap: GROUP BY over completions`, few(20), (i) =>
            sql.query(naiveHeatmapSql(childIds.length), [categories[i % categories.length], today, today, ...childIds]),
          );
    // The MySQL figures depend on whether the tables fit the buffer pool (Debian's default is 128 MB).
    const memory = databaseUrl.startsWith('sqlite:')
      ? null
      : (
          await sql.query(
            'SELECT @@innodb_buffer_pool_size AS pool, SUM(data_length + index_length) AS used ' +
              'FROM information_schema.tables WHERE table_schema = DATABASE()',
            [],
          )
        )[0];
    await sql.close();
    if (naive) rows.splice(rows.findIndex((row) => row.label.startsWith('heatmap: ')) + 1, 0, naive);
    // The server's peak resident memory over the whole run (the exports stream; this shows it).
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    const size = databaseUrl.startsWith('sqlite:') ? ` (${(statSync(databaseUrl.slice(7)).size / 1e6).toFixed(0)} MB file)` : '';
    console.log(`\n${name}, ${employees.toLocaleString('en')} employees: seeded in ${seedSeconds.toFixed(1)} s${size}`);
    if (peak) console.log(`API server peak memory (VmHWM): ${(Number(peak) / 1024).toFixed(0)} MB`);
    if (refreshSeconds >= 1) console.log(`Timings began after the start-up snapshot refresh: ${refreshSeconds.toFixed(1)} s`);
    if (memory) {
      const gb = (bytes) => (Number(bytes) / 2 ** 30).toFixed(1);
      const small = Number(memory.pool) < Number(memory.used) ? ': smaller than the tables, so reads wait for the disk' : '';
      console.log(`InnoDB buffer pool ${gb(memory.pool)} GB, tables ${gb(memory.used)} GB${small}`);
    }
    console.log(
      `${'request'.padEnd(34)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    );
    const heat = rows.find((row) => row.label.startsWith('heatmap: '));
    if (naive) console.log(`(naive heatmap p50 / rollup heatmap p50 = ${(naive.p50 / heat.p50).toFixed(0)}×)`);
    for (const row of rows) {
      console.log(
        `${row.label.padEnd(34)} ${String(row.n).padStart(5)} ${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)} ${row.max.toFixed(1).padStart(8)}`,
      );
    }
  } finally {
    server.kill('SIGTERM');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'skillgrid-bench-'));
try {
  const sqliteFile = process.env.BENCH_SQLITE_FILE ?? join(dir, 'bench.sqlite');
  if (!mysqlOnly) await benchDatabase('SQLite', `sqlite:${sqliteFile}`);
  if (process.env.BENCH_MYSQL_URL) {
    const { createConnection } = await import('mysql2/promise');
    const target = new URL(process.env.BENCH_MYSQL_URL);
    const database = target.pathname.slice(1) || 'skillgrid_bench';
    const server = new URL(target);
    server.pathname = '/';
    const connection = await createConnection(server.toString());
    if (!reuse) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    await benchDatabase('MySQL/MariaDB', target.toString());
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
