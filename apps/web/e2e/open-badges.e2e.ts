import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumSuite, screenshot, seriousA11yViolations } from './support';

/** The reference badges of ../shared/data (beside the repository); never copied into it. */
const DATA = resolve(__dirname, '../../..', '../shared/data/open-badges');
const badge = (file: string): unknown => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

interface Person {
  id: number;
  name: string;
}

/**
 * Issue 6: HR maps an imported Open Badge that verified but matches no catalogue credential. Two
 * reference badges are imported through the API (the upload itself is tested in Vitest); HR maps
 * one on the Imports page and sees it leave the list, the other still waiting.
 */
describe('mapping imported Open Badges in Chromium', () => {
  const app = chromiumSuite();

  it('lets HR map a pending badge to a credential, and the badge leaves the list', async () => {
    const page = await app.signedIn('hr@demo.skillgrid.test');

    const employee = (await (await page.request.get(`${app.url}/api/employees?q=employee@demo.skillgrid.test`)).json())
      .items[0] as Person;
    const others = (await (await page.request.get(`${app.url}/api/employees?status=active&pageSize=5`)).json()).items as Person[];
    const colleague = others.find((person) => person.id !== employee.id) as Person;
    const imported = async (file: string, person: Person) => {
      const response = await page.request.post(`${app.url}/api/imports/open-badges?employeeId=${person.id}`, {
        data: badge(file),
      });
      expect(response.status()).toBe(201);
      const body = await response.json();
      expect(body.import).toMatchObject({ status: 'pending', credentialId: null, verified: true });
    };
    await imported('ob3_1edtech-validator_simple_VALID.json', employee);
    await imported('ob3_dcc_eddsa-rdfc-2022_alignments_VALID.json', colleague);

    await page.goto(`${app.url}/imports`);
    await page.getByRole('tab', { name: /^Badges to map/ }).click();
    await page.waitForURL(/\/imports\?tab=badges$/);
    const table = page.getByRole('table', { name: 'Open Badges waiting for a mapping to a catalogue credential' });
    const rowOf = (person: Person) => table.getByRole('row').filter({ hasText: person.name });
    await rowOf(employee).waitFor();
    await expect(rowOf(employee).innerText()).resolves.toMatch(/Teamwork[\s\S]*Example Corp[\s\S]*Verified/);
    await expect(rowOf(colleague).innerText()).resolves.toMatch(/Text analysis[\s\S]*Example University[\s\S]*Verified/);

    // The keyboard way: type into the credential select, pick the option, then press Map.
    const select = page.getByRole('combobox', { name: `Credential for Teamwork (${employee.name})`, exact: true });
    await select.click();
    await select.fill('Working in');
    await page.getByRole('option', { name: 'Working in Teams' }).click();
    await screenshot(page, 'open-badges-hr-badges-to-map');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: `Map Teamwork (${employee.name})`, exact: true }).click();

    await page.getByText(`“Teamwork” for ${employee.name} now counts as Working in Teams.`).waitFor();
    await rowOf(employee).waitFor({ state: 'detached' });
    await expect(rowOf(colleague).count()).resolves.toBe(1);
    await expect(page.getByRole('tab', { name: /^Badges to map/ }).innerText()).resolves.toMatch(/1/);

    // The completion is on the employee's record, from Open Badges, and counts.
    const completions = (
      await (await page.request.get(`${app.url}/api/completions?employeeId=${employee.id}&pageSize=500`)).json()
    ).items as Array<{ credentialName: string; source: string; status: string; awardedAt: string }>;
    expect(completions.filter((c) => c.credentialName === 'Working in Teams' && c.awardedAt === '2010-01-01')).toEqual([
      expect.objectContaining({ source: 'open_badges', status: 'valid' }),
    ]);
    await screenshot(page, 'open-badges-hr-after-mapping');

    // On a phone the table scrolls inside its container; the page itself does not overflow.
    await page.setViewportSize({ width: 390, height: 844 });
    // (after the layout settles at the new width: the app shell collapses its navigation)
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 5_000 });
    await screenshot(page, 'open-badges-hr-badges-to-map-phone');
  });
});
