import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { chromiumSuite, screenshot, screenshotDir, seriousA11yViolations } from './support';

/**
 * Issues 5 and 6 as users meet them: an executive plays with the workforce outlook's attrition and
 * takes the XLSX and PDF away; HR imports completions from a CSV through the Imports page.
 */
describe('forecasts, exports and imports in Chromium', () => {
  const app = chromiumSuite();
  const signedIn = app.signedIn;

  /** Opens the Export menu (its button by name), clicks a format and saves what the browser downloads. */
  async function exportAs(page: Page, button: RegExp, format: RegExp, file: string): Promise<string> {
    // An earlier export's "ready" notification sits over the page's top-right corner: dismiss it, as a user would.
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await dismiss.click();
    await page.getByRole('button', { name: button }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: format }).click();
    const path = join(screenshotDir, file);
    mkdirSync(screenshotDir, { recursive: true });
    await (await download).saveAs(path);
    return path;
  }

  it('lets an executive change attrition, see the forecast move, and export it as XLSX and PDF', async () => {
    const page = await signedIn('exec@demo.skillgrid.test', /\/forecast$/);
    await page.getByRole('heading', { name: 'Workforce outlook', level: 1 }).waitFor();
    const chart = page.getByRole('region', { name: /^Forecast of / });
    await chart.waitFor();
    // Mantine's segmented control hides its radios behind their labels: click the label, as a user does.
    await chart.getByText('Table', { exact: true }).click();
    const monthTable = chart.getByRole('table');
    await monthTable.waitFor();
    const before = await monthTable.innerText();
    await screenshot(page, 'planning-exec-outlook');

    // Attrition up to 40% a year: the scenario's supply appears beside the baseline, and is lower.
    await page.getByRole('switch', { name: 'Override attrition for every role' }).check();
    const thumb = page.getByRole('slider', { name: 'Annual attrition' });
    await thumb.focus();
    await thumb.press('End');
    for (let step = 0; step < 20; step += 1) await thumb.press('ArrowLeft');
    await expect(thumb.getAttribute('aria-valuenow')).resolves.toBe('40');
    // The forecast recalculates shortly after the last change.
    for (let waited = 0; (await monthTable.innerText()) === before && waited < 15_000; waited += 250) {
      await page.waitForTimeout(250);
    }
    await expect(monthTable.innerText()).resolves.toMatch(/scenario/i);
    await chart.getByText('Chart', { exact: true }).click();
    await page.waitForTimeout(500);
    await screenshot(page, 'planning-exec-scenario');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    // One role's own attrition: picked from the list, it wins over the every-role rate and says so.
    await page.getByRole('combobox', { name: 'Role to override' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Add role override' }).click();
    await page.getByLabel(/^Attrition of .+, percent a year$/).waitFor();
    await page.getByText('Set for this role').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'planning-exec-role-override');

    const xlsx = await exportAs(page, /^Export forecast of /, /Excel/, 'planning-forecast.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const months = workbook.getWorksheet('Months');
    expect(months).toBeDefined();
    expect(String(months?.getRow(1).getCell(1).value)).toMatch(/month/i);
    expect(months?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // A data row carries numbers as numbers, not text.
    expect(typeof months?.getRow(2).getCell(2).value).toBe('number');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('About');

    const pdf = await exportAs(page, /^Export forecast of /, /PDF/, 'planning-forecast.pdf');
    expect(statSync(pdf).size).toBeGreaterThan(2_000);
    if (existsSync('/usr/bin/pdftoppm')) {
      const png = join(screenshotDir, 'planning-forecast-pdf-page1');
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      expect(statSync(`${png}.png`).size).toBeGreaterThan(5_000);
    }
  });

  it('lets HR import completions from a CSV: a dry run first, then the import', async () => {
    const page = await signedIn('hr@demo.skillgrid.test', /\/overview$/);
    const employee = (await (await page.request.get(`${app.url}/api/employees?q=employee@demo.skillgrid.test`)).json())
      .items[0] as { id: number; name: string };
    const credential = (await (await page.request.get(`${app.url}/api/credentials?q=Excel%20Essentials`)).json()).items[0] as {
      name: string;
    };
    const csv = [
      'Employee E-mail,Credential Name,Awarded At,Evidence URL',
      `employee@demo.skillgrid.test,${credential.name},2026-11-20,https://example.org/evidence/1`,
      `EMPLOYEE@demo.skillgrid.test,${credential.name},2026-09-02,`,
    ].join('\n');

    await page.goto(`${app.url}/imports`);
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('CSV or XLSX file').click();
    await (await chooser).setFiles({ name: 'completions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check file' }).click();
    const dryRun = page.getByRole('region', { name: 'Dry run' });
    await dryRun.waitFor();
    await expect(dryRun.getByRole('region', { name: 'To create' }).innerText()).resolves.toMatch(/2/);
    await screenshot(page, 'planning-hr-import-dry-run');

    await page.getByRole('button', { name: 'Import 2 row(s)' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.waitFor();
    await expect(result.getByRole('region', { name: 'Created' }).innerText()).resolves.toMatch(/2/);
    await screenshot(page, 'planning-hr-import-result');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    // The completions count on the employee's profile at once.
    await page.goto(`${app.url}/employees/${employee.id}`);
    const completions = page.getByRole('table', { name: 'Credential completions' });
    await completions.waitFor();
    await expect(
      completions.getByRole('row').filter({ hasText: 'CSV import' }).filter({ hasText: 'Nov 20, 2026' }).count(),
    ).resolves.toBe(1);
  });
});
