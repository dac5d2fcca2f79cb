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

describe('the app in Chromium', () => {
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

  const errorsOf = new WeakMap<Page, string[]>();
  async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    const { page, errors } = await openPage(browser, viewport);
    errorsOf.set(page, errors);
    return page;
  }
  const jsErrors = (page: Page) => errorsOf.get(page) ?? [];

  it('shows HR the employees list and an employee’s skills page', async () => {
    const page = await newPage();
    await signInThroughForm(page, app.url, 'hr@demo.skillgrid.test');
    // HR lands on the overview; the employees list is one click away.
    await page.waitForURL(/\/overview$/);
    await page.goto(`${app.url}/employees`);
    await page.getByRole('heading', { name: 'Employees' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    await expect(
      page
        .getByText(/of 600|600 (people|employees)/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'hr-employees');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    const firstName = (await rows.first().locator('td').first().innerText()).trim();
    await rows.first().click();
    await page.waitForURL(/\/employees\/\d+$/);
    await page.getByRole('heading', { name: firstName }).waitFor();
    await page
      .getByText(/readiness/i)
      .first()
      .waitFor();
    await screenshot(page, 'hr-employee-profile');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/employees`);
    await rows.first().waitFor();
    await screenshot(page, 'hr-employees-phone');
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    expect(jsErrors(page)).toEqual([]);
  });

  it('shows an employee only My skills, and refuses the employees page', async () => {
    const page = await newPage();
    await signInThroughForm(page, app.url, 'employee@demo.skillgrid.test');
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { name: 'My skills' }).waitFor();
    await page
      .getByText(/readiness/i)
      .first()
      .waitFor();
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'My skills' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: /employees|my people/i }).count()).resolves.toBe(0);
    await page.mouse.move(0, 0);
    await screenshot(page, 'employee-my-skills');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    // Nothing overflows the viewport sideways (tables scroll inside their own container).
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);

    await page.goto(`${app.url}/employees`);
    await page
      .getByText(/not available/i)
      .first()
      .waitFor();
    await screenshot(page, 'employee-employees-refused');
    const apiStatus = await page.evaluate(async () => (await fetch('/api/employees')).status);
    expect(apiStatus).toBe(403);
    expect(jsErrors(page).filter((e) => !/403|Forbidden/.test(e))).toEqual([]);
  });

  it('shows a manager only their own people', async () => {
    const page = await newPage();
    await signInThroughForm(page, app.url, 'manager@demo.skillgrid.test');
    await page.waitForURL(/\/overview$/);
    await page.goto(`${app.url}/employees`);
    await page.getByRole('heading', { name: 'My people' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const total = await page.evaluate(async () => (await (await fetch('/api/employees?pageSize=1')).json()).total as number);
    expect(total).toBeGreaterThanOrEqual(20);
    expect(total).toBeLessThan(600);
    await screenshot(page, 'manager-my-people');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
  });

  it('shows an executive the organisation without names', async () => {
    const page = await newPage();
    await signInThroughForm(page, app.url, 'exec@demo.skillgrid.test');
    await page.waitForURL(/\/forecast$/);
    await page.goto(`${app.url}/organisation`);
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'exec-organisation');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    const teams = await page.evaluate(
      async () => (await (await fetch('/api/teams?pageSize=500')).json()).items as Array<{ managerName: string | null }>,
    );
    expect(teams.length).toBeGreaterThan(5);
    expect(teams.every((team) => team.managerName === null)).toBe(true);
    await expect(page.getByRole('columnheader', { name: 'People in team' }).count()).resolves.toBe(0);
    await expect(page.getByRole('columnheader', { name: 'Including sub-teams' }).count()).resolves.toBe(1);
    expect(await page.evaluate(async () => (await fetch('/api/employees')).status)).toBe(403);
  });
});
