import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInThroughForm,
  startApp,
  type RunningApp,
} from './support';

describe('analytics in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openPage(browser);
    await signInThroughForm(page, app.url, email);
    // Executives land on the workforce outlook, everyone else here on the overview.
    await page.waitForURL(email.startsWith('exec@') ? /\/forecast$/ : /\/overview$/);
    await page.goto(`${app.url}/overview`);
    return { page, errors };
  }

  const gridCells = (page: Page) => page.locator('[role="grid"] [role="gridcell"]');

  it('gives HR the overview, a heatmap to drill down to a team’s people × skills, and the gap report', async () => {
    const { page, errors } = await signedIn('hr@demo.skillgrid.test');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page
      .getByText(/coverage/i)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'analytics-hr-overview');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    await page.goto(`${app.url}/heatmap`);
    await page.getByRole('heading', { name: 'Skills heatmap' }).waitFor();
    await gridCells(page).first().waitFor();
    expect(await gridCells(page).count()).toBeGreaterThan(20);
    // Each cell says what it holds to a screen reader, with a percentage for coverage.
    const label = await gridCells(page).first().getAttribute('aria-label');
    expect(label).toMatch(/\w/);
    await screenshot(page, 'analytics-hr-heatmap-coverage');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    await page.getByText('Average level', { exact: true }).click();
    await page.waitForURL(/metric=avgLevel/);
    await screenshot(page, 'analytics-hr-heatmap-average-level');

    // Down the tree: division → department → a team's people × skills.
    for (let depth = 0; depth < 4 && !/\/matrix/.test(page.url()); depth++) {
      const drill = page.locator('button.heatmap-drill').first();
      await drill.waitFor();
      await drill.click();
      await page.waitForURL((url) => /teamId=\d+/.test(url.search) || /\/matrix/.test(url.pathname));
      if (!/\/matrix/.test(page.url())) await gridCells(page).first().waitFor();
    }
    if (!/\/matrix/.test(page.url())) {
      const people = page.getByRole('button', { name: /^Show people × skills of/ }).first();
      await people.click();
    }
    await page.waitForURL(/\/heatmap\/teams\/\d+\/matrix/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'analytics-hr-matrix');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    await page.goto(`${app.url}/gaps`);
    await page.getByRole('heading', { name: /gap report/i, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'analytics-hr-gaps');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    for (const [path, name] of [
      ['/single-points-of-failure', 'analytics-hr-single-points'],
      ['/expiring', 'analytics-hr-expiring'],
      ['/experts', 'analytics-hr-experts'],
    ]) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, name);
      await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  it('shows an executive aggregates only, with small groups withheld', async () => {
    const { page, errors } = await signedIn('exec@demo.skillgrid.test');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'analytics-exec-overview');

    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/analytics/')) apiCalls.push(request.url());
    });
    await page.goto(`${app.url}/heatmap`);
    await gridCells(page).first().waitFor();
    await page.waitForLoadState('networkidle');
    // Executives ask for month ends only.
    expect(
      apiCalls.filter((url) => url.includes('/heatmap')).every((url) => /asOf=\d{4}-\d{2}-\d{2}/.test(url) || !/asOf=/.test(url)),
    ).toBe(true);
    await screenshot(page, 'analytics-exec-heatmap');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    // No people pages for executives.
    await page.goto(`${app.url}/experts`);
    await page
      .getByText(/not available/i)
      .first()
      .waitFor();
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
  });

  it('gives a manager the overview and heatmap of their own teams', async () => {
    const { page, errors } = await signedIn('manager@demo.skillgrid.test');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'analytics-manager-overview');
    await page.goto(`${app.url}/heatmap`);
    await gridCells(page).first().waitFor();
    await expect(page.getByText('My teams').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'analytics-manager-heatmap');
    expect(errors).toEqual([]);
  });
});
