// npm run bench:imports: the bulk completions import at enterprise size, through HTTP. Seeds the
// demo organisation into a fresh database, writes a completions CSV of valid rows (each a new
// employee + credential + award date, so none is a duplicate or already stored), uploads it as an
// async job (a dry run, then the real run), polls the job until it ends and prints a table with
// the server's peak memory. It asserts nothing (the targets of the imports issue are read, not
// enforced: 1,000,000 rows in ≤ 60 s on SQLite, ≤ 90 s on MariaDB, under 500 MB).
//
//   npm run bench:imports                           1,000,000 rows, 100,000 employees, SQLite
//   npm run bench:imports -- --rows 200000          another file size
//   npm run bench:imports -- --employees 20000      another organisation size
//   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/skillgrid_bench_imports npm run bench:imports   also on MySQL/MariaDB
//   npm run bench:imports -- --mysql-only           MySQL/MariaDB only
//   BENCH_SERVER_FLAGS=--trace-gc npm run bench:imports   node flags for the server
//
// (npm run bench measures the request paths; this is its --imports counterpart, kept apart
// because one run writes a million rows.)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { benchServerFlags, ensureDependencies, integerOption, nx, root, serverArgs } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => integerOption(args, name, fallback);
const rowCount = option('--rows', 1_000_000);
const employeeCount = option('--employees', 100_000);
const mysqlOnly = args.includes('--mysql-only');

ensureDependencies();
nx(['run-many', '-t', 'build', '-p', 'api', '--output-style=stream']);

/** A direct connection to read the seeded employees, credentials and completions. */
async function openDatabase(databaseUrl) {
  if (databaseUrl.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(databaseUrl.slice(7), { readonly: true });
    return { query: async (text, parameters = []) => db.prepare(text).all(...parameters), close: async () => db.close() };
  }
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection({ uri: databaseUrl, dateStrings: true });
  return {
    query: async (text, parameters = []) => (await connection.query(text, parameters))[0],
    close: () => connection.end(),
  };
}

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const csvCell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Row i names employee i mod E and the credential (i div E) mod C of a rotation that differs per
 * employee, so an employee's rows name different credentials (C must exceed rows / E); the award
 * date is 30–2,000 days back, moved a day when the seed already recorded that completion.
 */
async function writeCsv(path, sql, today) {
  const employees = (await sql.query('SELECT id, email FROM employees ORDER BY id')).map((e) => ({
    id: Number(e.id),
    email: e.email,
  }));
  const credentials = (await sql.query('SELECT id, name FROM credentials ORDER BY id')).map((c) => ({
    id: Number(c.id),
    name: c.name,
  }));
  const perEmployee = Math.ceil(rowCount / employees.length);
  if (credentials.length < perEmployee)
    throw new Error(
      `${rowCount} rows over ${employees.length} employees need ${perEmployee} credentials; the seed has ${credentials.length}`,
    );
  const stored = new Set();
  for (const c of await sql.query('SELECT employee_id, credential_id, awarded_at FROM completions'))
    stored.add(`${Number(c.employee_id)}|${Number(c.credential_id)}|${String(c.awarded_at).slice(0, 10)}`);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const out = createWriteStream(path);
  out.write('employee_email,credential_name,awarded_at,evidence_url,score\n');
  let chunk = '';
  for (let i = 0; i < rowCount; i++) {
    const employee = employees[i % employees.length];
    const round = Math.floor(i / employees.length);
    const credential = credentials[(employee.id * 7 + round) % credentials.length];
    let back = 30 + ((i * 7919) % 1970);
    while (stored.has(`${employee.id}|${credential.id}|${isoDay(todayMs - back * DAY)}`)) back++;
    const evidence = i % 3 === 0 ? `https://lms.example.com/evidence/${i}` : '';
    const score = i % 2 === 0 ? String(50 + (i % 50)) : '';
    chunk += `${csvCell(employee.email)},${csvCell(credential.name)},${isoDay(todayMs - back * DAY)},${evidence},${score}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The server's resident memory every 200 ms (VmRSS), its peak kept. */
function sampleRss(pid) {
  const sampler = { peak: 0, stop: () => clearInterval(timer) };
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      sampler.peak = Math.max(sampler.peak, kb * 1024);
    } catch {
      // The server has ended.
    }
  };
  const timer = setInterval(read, 200);
  read();
  return sampler;
}

async function benchDatabase(name, databaseUrl, dir) {
  const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, WEB_DIST: '' };
  console.log(`\n▶ ${name}: seeding ${employeeCount.toLocaleString('en')} employees…`);
  const seed = spawnSync('node', [join(root, 'dist/apps/api/cli.js'), 'seed', '--employees', String(employeeCount)], {
    env,
    stdio: 'inherit',
  });
  if (seed.status !== 0) throw new Error('seed failed');

  const port = (databaseUrl.startsWith('sqlite:') ? 4000 : 4050) + Math.floor(Math.random() * 40);
  const csv = join(dir, `completions-${port}.csv`);
  const server = spawn('node', serverArgs(benchServerFlags()), {
    env: { ...env, PORT: String(port), LOGIN_RATE_LIMIT: '10000', IMPORT_MAX_BYTES: String(2 * 1024 ** 3), LOG_LEVEL: 'info' },
    // The server's log says how long each step of a large import took.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/api`;
  let rss = null;
  try {
    for (let i = 0; ; i++) {
      try {
        const health = await fetch(`${url}/health`);
        if (health.ok && (await health.json()).database === (databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'mysql')) break;
        throw new Error('not this run’s server yet');
      } catch {
        if (i > 150) throw new Error('server did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'hr@demo.skillgrid.test', password: 'skillgrid-demo' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`sign-in as HR answered ${login.status}: ${await login.text()}`);
    const today = (await (await fetch(`${url}/organisation`, { headers: { cookie } })).json()).today;

    console.log(`▶ ${name}: writing ${rowCount.toLocaleString('en')} completion rows…`);
    const sql = await openDatabase(databaseUrl);
    try {
      await writeCsv(csv, sql, today);
    } finally {
      await sql.close();
    }
    const bytes = statSync(csv).size;
    const idleRss = sampleRss(server.pid);
    await new Promise((r) => setTimeout(r, 500));
    idleRss.stop();

    rss = sampleRss(server.pid);
    const run = async (dryRun) => {
      const form = new FormData();
      form.append('file', await openAsBlob(csv, { type: 'text/csv' }), 'completions.csv');
      const start = performance.now();
      const response = await fetch(`${url}/imports/completions?async=true&dryRun=${dryRun}`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      if (response.status !== 202)
        throw new Error(`upload answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
      const uploaded = performance.now();
      let job = await response.json();
      let lastPhase = '';
      let failedPolls = 0;
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((r) => setTimeout(r, 500));
        // An SQLite server answers nothing while a long statement runs: a poll may meet a socket it closed meanwhile.
        try {
          job = await (await fetch(`${url}/imports/jobs/${job.id}`, { headers: { cookie } })).json();
        } catch (error) {
          if (++failedPolls > 20) throw error;
          continue;
        }
        if (job.phase !== lastPhase) {
          const at = ((performance.now() - start) / 1000).toFixed(1);
          console.log(
            `  ${dryRun ? 'dry run' : 'import '} ${at.padStart(6)} s  ${job.phase} (read ${job.rowsRead}, done ${job.rowsDone})`,
          );
          lastPhase = job.phase;
        }
      }
      const seconds = (performance.now() - start) / 1000;
      const report = job.report;
      if (job.status !== 'succeeded')
        throw new Error(`${dryRun ? 'dry run' : 'import'} ${job.status}: ${JSON.stringify(report?.errors?.slice(0, 5))}`);
      // The job's own time, created to finished, on the server's clock (whole seconds on MySQL):
      // unlike the polls, it does not wait for a busy SQLite server's next answer.
      const jobSeconds = (Date.parse(job.finishedAt) - Date.parse(job.createdAt)) / 1000;
      return { seconds, jobSeconds, uploadSeconds: (uploaded - start) / 1000, report };
    };
    const dry = await run(true);
    const dryPeak = rss.peak;
    const real = await run(false);
    rss.stop();
    const count = await fetch(`${url}/completions?pageSize=1`, { headers: { cookie } }).then((r) => (r.ok ? r.json() : null));

    const mb = (n) => `${(n / 1024 ** 2).toFixed(0)} MB`;
    console.log(
      `\n${name}: ${rowCount.toLocaleString('en')} rows (${mb(bytes)} CSV), ${employeeCount.toLocaleString('en')} employees; ` +
        `server RSS ${mb(idleRss.peak)} before the uploads`,
    );
    console.log(
      `${'run'.padEnd(9)} ${'rows'.padStart(10)} ${'created'.padStart(10)} ${'upload s'.padStart(9)} ${'total s'.padStart(8)} ${'job s'.padStart(7)} ${'rows/s'.padStart(9)} ${'peak RSS'.padStart(9)}`,
    );
    for (const [label, result, peak] of [
      ['dry run', dry, dryPeak],
      ['import', real, rss.peak],
    ])
      console.log(
        `${label.padEnd(9)} ${String(result.report.rows).padStart(10)} ${String(result.report.created).padStart(10)} ` +
          `${result.uploadSeconds.toFixed(1).padStart(9)} ${result.seconds.toFixed(1).padStart(8)} ${result.jobSeconds.toFixed(1).padStart(7)} ` +
          `${Math.round(result.report.rows / result.seconds)
            .toString()
            .padStart(9)} ${mb(peak).padStart(9)}`,
      );
    if (count?.total !== undefined) console.log(`completions stored afterwards: ${count.total.toLocaleString('en')}`);
    return { name, bytes, dry, real, peak: rss.peak };
  } finally {
    rss?.stop();
    server.kill('SIGTERM');
    rmSync(csv, { force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'skillgrid-bench-imports-'));
try {
  if (!mysqlOnly) await benchDatabase('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`, dir);
  if (process.env.BENCH_MYSQL_URL) {
    const { createConnection } = await import('mysql2/promise');
    const target = new URL(process.env.BENCH_MYSQL_URL);
    const database = target.pathname.slice(1) || 'skillgrid_bench_imports';
    const server = new URL(target);
    server.pathname = '/';
    const connection = await createConnection(server.toString());
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    target.pathname = `/${database}`;
    await benchDatabase('MySQL/MariaDB', target.toString(), dir);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
