// npm test: lint, type-check, unit tests, API tests on SQLite, the same API tests on MySQL/MariaDB
// when TEST_MYSQL_URL is set, and the browser tests when Chromium is installed.
// Ends with one line "tests: N passed, N failed" summing every runner.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, must, nx, root, run } from './lib.mjs';

ensureDependencies();
const out = join(root, 'tmp/test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

console.log('\n▶ format, lint and type-check');
must(join(root, 'node_modules/.bin/prettier'), ['--check', 'apps', 'libs', 'tools', '*.json', '*.mjs', '*.cjs']);
nx(['run-many', '-t', 'lint', 'typecheck', '-p', 'shared', 'api', 'web', '--output-style=stream', '--skip-nx-cache']);

const bin = (name) => join(root, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0 };
let failures = 0;

function jest(label, config, file, env = {}, extra = []) {
  console.log(`\n▶ ${label}`);
  const json = join(out, `${file}.json`);
  const status = run(bin('jest'), ['-c', config, '--json', `--outputFile=${json}`, ...extra], { env });
  count(json, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) }));
  if (status !== 0) failures++;
}

function count(json, pick) {
  if (!existsSync(json)) return;
  const result = pick(JSON.parse(readFileSync(json, 'utf8')));
  totals.passed += result.passed;
  totals.failed += result.failed;
}

jest('unit tests: shared', 'libs/shared/jest.config.cjs', 'shared');
jest('unit and API tests on SQLite', 'apps/api/jest.config.cjs', 'api-sqlite', { TEST_DATABASE: 'sqlite' });
if (process.env.TEST_MYSQL_URL) {
  jest('unit and API tests on MySQL/MariaDB', 'apps/api/jest.config.cjs', 'api-mysql', { TEST_DATABASE: 'mysql' }, [
    '--runInBand',
  ]);
} else {
  console.log('\n(TEST_MYSQL_URL is not set: the MySQL/MariaDB run is skipped)');
}

console.log('\n▶ web unit tests');
const webJson = join(out, 'web.json');
if (
  run(bin('vitest'), [
    'run',
    '--config',
    'apps/web/vite.config.mts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${webJson}`,
  ]) !== 0
)
  failures++;
count(webJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  console.log('\n▶ browser tests in headless Chromium (building the app first)');
  nx(['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);
  jest('browser tests', 'apps/web/e2e/jest.config.cjs', 'e2e', { CHROMIUM_PATH: chromium }, ['--runInBand']);
} else {
  console.log(`\n(Chromium not found at ${chromium}: browser tests skipped; apt-get install -y chromium)`);
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures || totals.failed ? 1 : 0);
