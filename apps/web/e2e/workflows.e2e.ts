import type { Locator } from 'playwright-core';
import { chromiumSuite, screenshot, seriousA11yViolations } from './support';

/**
 * The day-to-day workflows of issue 4, as users do them: HR adds a credential to the catalogue, a
 * manager assigns a cluster to two of their people and sees its progress move when a completion is
 * recorded, and the employee finds the assignment on My skills.
 */
describe('catalogue and assignment workflows in Chromium', () => {
  const app = chromiumSuite();
  const signedIn = app.signedIn;
  const credentialName = 'Warehouse Safety Refresher';
  const clusterName = 'Safe Shift Starter';

  /** A text field by its accessible name (a required field's " *" is hidden from it). */
  const textbox = (scope: Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

  /** Opens a Mantine select in the form and picks an option (in a portal), typing first when asked. */
  async function choose(form: Locator, name: string, option: string | RegExp, typed?: string) {
    const input = form.getByRole('combobox', { name, exact: true });
    await input.click();
    if (typed !== undefined) await input.fill(typed);
    await form.page().getByRole('option', { name: option }).first().click();
  }

  it('lets HR create a credential with the skills it grants and find it in the catalogue', async () => {
    const page = await signedIn('hr@demo.skillgrid.test');
    await page.goto(`${app.url}/catalogue?tab=credentials`);
    await page.getByRole('button', { name: 'New credential' }).click();
    const form = page.getByRole('form', { name: 'New credential' });
    await form.waitFor();
    await textbox(form, 'Name').fill(credentialName);
    await textbox(form, 'Provider').fill('Northwind Academy');
    await choose(form, 'Type', 'Digital badge');
    await choose(form, 'Delivery method', 'Skill demonstration at work');
    await textbox(form, 'Typical hours').fill('6');
    await form.getByRole('textbox', { name: /^Cost/ }).fill('120');
    await textbox(form, 'Valid for (months)').fill('24');
    await form.getByRole('button', { name: 'Add a skill' }).click();
    await form.getByRole('button', { name: 'Add a skill' }).click();
    await choose(form, 'Skill 1', 'Attention to Detail', 'Attention');
    await choose(form, 'Level of skill 1', '3 · Practitioner');
    await choose(form, 'Skill 2', 'Problem Solving', 'Problem Solv');
    await screenshot(page, 'workflows-hr-new-credential');
    await form.getByRole('button', { name: 'Create credential' }).click();
    await page.getByText(`“${credentialName}” is in the catalogue.`).waitFor();

    // Found by search in the catalogue, with what it grants.
    await page.getByLabel('Search credentials').fill('Safety Refresher');
    const row = page.getByRole('row').filter({ hasText: credentialName });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Attention to Detail \(3/);
    await expect(row.innerText()).resolves.toMatch(/Problem Solving \(1/);
    await screenshot(page, 'workflows-hr-catalogue');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    // A fresh cluster for the manager's test (built through the API: the cluster form is tested in Vitest).
    const credentials = (await (await page.request.get(`${app.url}/api/credentials?q=Safety%20Refresher`)).json()).items;
    const credentialId = credentials[0].id;
    const awareness = (await (await page.request.get(`${app.url}/api/credentials?q=Cyber%20Security%20Awareness`)).json())
      .items[0];
    const cluster = await page.request.post(`${app.url}/api/clusters`, {
      data: { name: clusterName, purpose: 'cross_skilling', credentialIds: [credentialId, awareness.id] },
    });
    expect(cluster.status()).toBe(201);
  });

  it('lets a manager assign a cluster to two people and see progress after a completion is recorded', async () => {
    const page = await signedIn('manager@demo.skillgrid.test');
    const employee = (await (await page.request.get(`${app.url}/api/employees?q=employee@demo.skillgrid.test`)).json()).items[0];
    const me = await (await page.request.get(`${app.url}/api/auth/me`)).json();
    const others = (await (await page.request.get(`${app.url}/api/employees?status=active&pageSize=20`)).json()).items;
    const colleague = others.find((person: { id: number }) => person.id !== employee.id && person.id !== me.user.employeeId);

    await page.goto(`${app.url}/assignments`);
    await page.getByRole('button', { name: 'Assign…' }).click();
    const form = page.getByRole('form', { name: 'Assign' });
    await form.waitFor();
    await choose(form, 'Cluster', clusterName, 'Safe Shift');
    for (const person of [employee, colleague]) {
      const people = form.getByRole('combobox', { name: 'People', exact: true });
      await people.fill(person.name);
      await page.getByRole('option', { name: new RegExp(`^${person.name} \\(`) }).click();
    }
    // A multi-select stays open for more picks: close it, as a user would, before assigning.
    await form.getByRole('combobox', { name: 'People', exact: true }).press('Escape');
    await screenshot(page, 'workflows-manager-assign');
    await form.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('2 assignments created', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name }).filter({ hasText: clusterName });
    await expect(rowOf(employee.name).innerText()).resolves.toMatch(/0\/2[\s\S]*Assigned/);
    await expect(rowOf(colleague.name).innerText()).resolves.toMatch(/0\/2[\s\S]*Assigned/);

    // The employee completes the new credential; the manager records it on their page.
    await page.goto(`${app.url}/employees/${employee.id}`);
    await page.getByRole('button', { name: 'Record a completion' }).click();
    const record = page.getByRole('form', { name: `Record a completion for ${employee.name}` });
    await record.waitFor();
    await choose(record, 'Credential', credentialName, 'Safety Refresher');
    await record.getByRole('button', { name: 'Record completion' }).click();
    await page.getByText('Completion recorded').waitFor();
    const onProfile = page.getByRole('region', { name: 'Assignments' }).getByRole('row').filter({ hasText: clusterName });
    await expect(onProfile.innerText()).resolves.toMatch(/1\/2[\s\S]*In progress/);
    const credentialsTable = page.getByRole('table', { name: 'Credential completions' });
    await expect(credentialsTable.getByRole('row').filter({ hasText: credentialName }).count()).resolves.toBe(1);
    await screenshot(page, 'workflows-manager-profile-after-completion');

    // Back on the assignments list, without a reload: one of two done for the employee, none for the colleague.
    await page.getByRole('link', { name: 'Assignments' }).click();
    await expect(rowOf(employee.name).innerText()).resolves.toMatch(/1\/2[\s\S]*In progress/);
    await expect(rowOf(colleague.name).innerText()).resolves.toMatch(/0\/2[\s\S]*Assigned/);
    await screenshot(page, 'workflows-manager-assignments');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
  });

  it('shows the employee the assignment and its progress on My skills', async () => {
    const page = await signedIn('employee@demo.skillgrid.test');
    await page.waitForURL(/\/me$/);
    const row = page.getByRole('region', { name: 'Assignments' }).getByRole('row').filter({ hasText: clusterName });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/1\/2[\s\S]*In progress/);
    await page.getByRole('region', { name: 'Recommended next credentials' }).waitFor();
    await screenshot(page, 'workflows-employee-my-skills');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
  });
});
