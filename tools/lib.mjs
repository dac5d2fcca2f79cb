// Helpers shared by the two README commands (npm start, npm test). Plain Node, no dependencies:
// they run before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Node flags the API server runs with (npm start, the benchmarks; docker/Dockerfile.api repeats
 * them). A major collection once the heap has grown a fifth beyond what the last one kept, rather
 * than V8's default of letting it double first: a million-row import makes hundreds of MB of
 * short-lived rows, which otherwise pile up to a gigabyte. A growth factor, not a limit: a larger
 * organisation that needs more memory gets it.
 */
const SERVER_NODE_FLAGS = ['--heap-growing-percent=20'];

/**
 * The arguments of `node` that start the built API server: its own flags, then `extraFlags`
 * (the benches' BENCH_SERVER_FLAGS, say --trace-gc, which NODE_OPTIONS refuses).
 */
export function serverArgs(extraFlags = []) {
  return [...SERVER_NODE_FLAGS, ...extraFlags, join(root, 'dist/apps/api/main.js')];
}

/** BENCH_SERVER_FLAGS, split into node's arguments. */
export const benchServerFlags = () => (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.skillgrid-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Installing dependencies (npm ci; a few minutes the first time)…');
  must('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

export function nx(args, options) {
  must(join(root, 'node_modules', '.bin', 'nx'), args, { env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...options?.env } });
}

/** A command-line option `name N` (a positive whole number), or `fallback` when absent. */
export function integerOption(args, name, fallback) {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}
