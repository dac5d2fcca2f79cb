import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = resolve(__dirname, '../../..');
export const screenshotDir = join(root, 'test-output/e2e');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Seeds a fresh SQLite database with the demo organisation (a small one, for speed) through the
 * built CLI, then starts the built server on a free port: the app exactly as `npm start` runs it.
 */
export async function startApp(employees = 600): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'skillgrid-e2e-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
    WEB_DIST: join(root, 'dist/apps/web'),
  };
  const seed = spawnSync('node', [join(root, 'dist/apps/api/cli.js'), 'seed', '--employees', String(employees)], {
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr || seed.stdout}`);
  const port = await freePort();
  const server: ChildProcess = spawn('node', [join(root, 'dist/apps/api/main.js')], {
    env: { ...env, PORT: String(port) },
    stdio: 'pipe',
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || server.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export const DEMO_PASSWORD = 'skillgrid-demo';

export async function signInThroughForm(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
}

/** axe-core on the page as it is: the serious and critical violations, one line each (UI.md). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

/** A fresh browser context and page that records the page's JavaScript errors and console errors. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

/** What a Chromium suite gets from chromiumSuite: the running app's URL and signed-in pages. */
export interface ChromiumSuite {
  /** The app's address (known once the suite's beforeAll has run). */
  readonly url: string;
  /**
   * A fresh page signed in through the form, once it has left the sign-in page (or reached
   * `home`). Its JavaScript and console errors fail the test that opened it.
   */
  signedIn(email: string, home?: RegExp): Promise<Page>;
}

/**
 * The set-up every page-driving suite shares, registered in the calling describe: the built app
 * and one Chromium for the file, closed after it, and every page opened checked for errors
 * after each test.
 */
export function chromiumSuite(employees?: number): ChromiumSuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const opened: Array<{ errors: string[] }> = [];
  beforeAll(async () => {
    app = await startApp(employees);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  afterEach(() => {
    // Every page opened in a test must have run without JavaScript or console errors.
    expect(opened.splice(0).flatMap((page) => page.errors)).toEqual([]);
  });
  return {
    get url() {
      if (!app) throw new Error('the app is not started yet: use the suite inside a test');
      return app.url;
    },
    async signedIn(email, home) {
      if (!browser || !app) throw new Error('the browser is not started yet: use the suite inside a test');
      const page = await openPage(browser);
      opened.push(page);
      await signInThroughForm(page.page, app.url, email);
      await page.page.waitForURL(home ?? ((url) => !url.pathname.startsWith('/sign-in')));
      return page.page;
    },
  };
}
