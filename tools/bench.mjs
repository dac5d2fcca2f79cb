// npm run bench: seeds the demo organisation at a given size and measures the API through HTTP
// with a warm server. Prints a table; it asserts nothing (targets are read, not enforced).
//
//   npm run bench                          100,000 employees on SQLite
//   npm run bench -- --employees 2000      another size
//   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/skillgrid_bench npm run bench   also on MySQL/MariaDB
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureDependencies, nx, root } from './lib.mjs';

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}
const employees = option('--employees', 100_000);
const requests = option('--requests', 200);

ensureDependencies();
nx(['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function timed(label, count, call) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await call(i);
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, n: count, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] };
}

async function benchDatabase(name, databaseUrl) {
  const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, WEB_DIST: '' };
  console.log(`\n▶ ${name}: seeding ${employees.toLocaleString('en')} employees…`);
  const seedStart = performance.now();
  const seed = spawnSync('node', [join(root, 'dist/apps/api/cli.js'), 'seed', '--employees', String(employees)], {
    env,
    stdio: 'inherit',
  });
  if (seed.status !== 0) throw new Error('seed failed');
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const port = 3900 + Math.floor(Math.random() * 50);
  const server = spawn('node', [join(root, 'dist/apps/api/main.js')], {
    env: { ...env, PORT: String(port), LOGIN_RATE_LIMIT: '10000' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/api`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        if (i > 150) throw new Error('server did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const login = async (email) => {
      const response = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'skillgrid-demo' }),
      });
      return response.headers.get('set-cookie').split(';')[0];
    };
    const hr = await login('hr@demo.skillgrid.test');
    const manager = await login('manager@demo.skillgrid.test');
    const get = (cookie, path) => fetch(`${url}${path}`, { headers: { cookie } });
    const teams = (await (await get(hr, '/teams?pageSize=500')).json()).items;
    const ids = (await (await get(hr, '/employees?pageSize=500&status=active')).json()).items.map((e) => e.id);
    // Warm up.
    for (let i = 0; i < 20; i++) await get(hr, `/employees/${ids[i % ids.length]}/profile`);

    const rows = [
      await timed('sign in (argon2 verify)', Math.min(requests, 50), () =>
        fetch(`${url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'exec@demo.skillgrid.test', password: 'skillgrid-demo' }),
        }),
      ),
      await timed('employees list, page 1 (HR)', requests, () => get(hr, '/employees?pageSize=50')),
      await timed('employees list, deep page (HR)', requests, (i) => get(hr, `/employees?pageSize=50&page=${100 + (i % 50)}`)),
      await timed('employees by team sub-tree', requests, (i) => get(hr, `/employees?teamId=${teams[i % teams.length].id}`)),
      await timed('employees search q=', requests, (i) => get(hr, `/employees?q=${['smith', 'ana', 'lee', 'ward'][i % 4]}`)),
      await timed("manager's people (scoped)", requests, () => get(manager, '/employees')),
      await timed('employee profile', requests, (i) => get(hr, `/employees/${ids[i % ids.length]}/profile`)),
      await timed('team tree with headcounts', requests, () => get(hr, '/teams?pageSize=500')),
      await timed('credential catalogue', requests, () => get(hr, '/credentials?pageSize=100')),
    ];
    const size = databaseUrl.startsWith('sqlite:') ? ` (${(statSync(databaseUrl.slice(7)).size / 1e6).toFixed(0)} MB file)` : '';
    console.log(`\n${name}, ${employees.toLocaleString('en')} employees: seeded in ${seedSeconds.toFixed(1)} s${size}`);
    console.log(
      `${'request'.padEnd(34)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    );
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
  await benchDatabase('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`);
  if (process.env.BENCH_MYSQL_URL) {
    const { createConnection } = await import('mysql2/promise');
    const target = new URL(process.env.BENCH_MYSQL_URL);
    const database = target.pathname.slice(1) || 'skillgrid_bench';
    const server = new URL(target);
    server.pathname = '/';
    const connection = await createConnection(server.toString());
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    await benchDatabase('MySQL/MariaDB', target.toString());
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
