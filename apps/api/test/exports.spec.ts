import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { todayInTimeZone, type ForecastDto } from '@skillgrid/shared';
import { createTestApp, signInPersonas, type Agent, type TestApp } from './support/test-app';
import { seedFixture, type Fixture } from './support/fixture';
import { testDialect } from './support/test-database';

const OUTPUT = join(__dirname, '../../../test-output/exports');
const EVIL_SKILL = '=HYPERLINK("http://evil.example/s","skill")';
const EVIL_TEAM = '@SUM(1+1) crew';
/** A control character XML forbids, hiding a formula behind it. */
const HIDDEN_FORMULA = '\u0001=1+1';
const PEOPLE = ['Mia', 'Wes', 'Ada', 'Ann', 'Ned', 'Fay', 'Finn', 'Ivy'];

interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The raw bytes of a download (BOM included), whatever its type. */
async function download(agent: Agent, path: string): Promise<Download> {
  const response = await agent
    .get(path)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return { status: response.status, headers: response.headers as Record<string, string>, body: response.body as Buffer };
}

function csvRecords(body: Buffer): string[][] {
  return parse(body.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ExcelJS.Buffer);
  return book;
}

/** Every text value of a workbook, for "no one is named" checks. */
function allText(book: ExcelJS.Workbook): string {
  const parts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.value)))));
  return parts.join('\n');
}

/** Pages of a PDF, counted from its page objects (pdfkit does not compress those). */
function pdfPages(body: Buffer): number {
  return (body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** The PDF's text (pdftotext of poppler-utils), or null where it is not installed. */
function pdfText(body: Buffer, name: string): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mkdirSync(OUTPUT, { recursive: true });
  const pdf = join(OUTPUT, `${name}.pdf`);
  writeFileSync(pdf, body);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

function renderFirstPage(body: Buffer, name: string): string | null {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mkdirSync(OUTPUT, { recursive: true });
  const pdf = join(OUTPUT, `${name}.pdf`);
  writeFileSync(pdf, body);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT, name)]);
  return join(OUTPUT, `${name}.png`);
}

/**
 * The fixture organisation (see support/fixture.ts) plus, through the API, a team and a skill
 * whose names are formula injections, and Ivy in that team:
 *
 *   Operations      Mia (manager role)         ├── Warehouse    Wes, Ada, Ann (operatives)
 *   │                                          │   └── Night shift  Ned
 *   └── "@SUM(1+1) crew"  Ivy (operative)      Finance          Fay, Finn (2: suppressed for executives)
 *
 * Operatives need Forklift 3 (weight 3) and Teamwork 2 (weight 1); Wes holds Forklift 3, Ada
 * Teamwork 2; Wes and Ivy hold the "=HYPERLINK" skill at 2.
 */
describe(`exports (${testDialect()})`, () => {
  let sut: TestApp;
  let fixture: Fixture;
  let hr: Agent;
  let manager: Agent;
  let employee: Agent;
  let exec: Agent;
  const ids = {} as Record<string, number>;

  const post = async (path: string, body: object) => {
    const response = await hr.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id as number;
  };

  beforeAll(async () => {
    sut = await createTestApp();
    fixture = await seedFixture(sut.dataSource);
    ({ hr, manager, employee, exec } = await signInPersonas(sut.http));
    ids.evilCategory = await post('/api/skill-categories', { name: HIDDEN_FORMULA });
    ids.evilSkill = await post('/api/skills', { name: EVIL_SKILL, categoryId: ids.evilCategory, kind: 'hard' });
    ids.evilTeam = await post('/api/teams', { name: EVIL_TEAM, parentId: fixture.teams.operations.id });
    ids.ivy = await post('/api/employees', {
      name: 'Ivy',
      email: 'ivy@test.example',
      teamId: ids.evilTeam,
      roleId: fixture.roles.operative.id,
      hireDate: '2021-03-01',
    });
    ids.badge = await post('/api/credentials', {
      name: 'Spreadsheet Safety',
      provider: 'Test Academy',
      type: 'badge',
      deliveryMethod: 'online_course',
      hours: 2,
      cost: 10,
      validityMonths: null,
      skills: [{ skillId: ids.evilSkill, level: 2 }],
    });
    const today = todayInTimeZone('UTC');
    for (const person of [fixture.people.wes.id, ids.ivy])
      await post('/api/completions', { employeeId: person, credentialId: ids.badge, awardedAt: today });
  });
  afterAll(() => sut?.close());

  describe('heatmap', () => {
    it('CSV: UTF-8 with BOM, a header row, one record per cell with the §3 figures, names neutralised', async () => {
      const file = await download(hr, '/api/exports/heatmap.csv');
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(file.headers['content-disposition']).toMatch(
        /^attachment; filename="skillgrid-heatmap-by-team-organisation-\d{4}-\d\d-\d\d\.csv"/,
      );
      expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = csvRecords(file.body);
      expect(header).toEqual([
        'Team',
        'Skill',
        'Category',
        'Kind',
        'Headcount',
        'Holders ≥1',
        'Holders ≥2',
        'Holders ≥3',
        'Holders ≥4',
        'Holders ≥5',
        'Avg level',
        'Required',
        'Met',
        'Coverage',
        'Gap points',
        'Suppressed',
      ]);
      // Operations: Mia, Wes, Ada, Ann, Ned, Ivy; five operatives need Forklift 3, Wes holds it.
      expect(rows).toContainEqual([
        'Operations',
        'Forklift',
        'Operations',
        'hard',
        '6',
        '1',
        '1',
        '1',
        '0',
        '0',
        '0.5',
        '5',
        '1',
        '0.2',
        '12',
        'no',
      ]);
      expect(rows).toContainEqual([
        'Operations',
        `'${EVIL_SKILL}`,
        // The category's hidden control character is dropped and the formula under it neutralised.
        "'=1+1",
        'hard',
        '6',
        '2',
        '2',
        '0',
        '0',
        '0',
        '0.6667',
        '0',
        '0',
        '',
        '0',
        'no',
      ]);
      // Numbers go out unquoted; the neutralised name is quoted (it holds commas and quotes).
      const text = file.body.toString('utf8');
      expect(text).toContain('Operations,Forklift,Operations,hard,6,1,1,1,0,0,0.5,5,1,0.2,12,no\r\n');
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/s"",""skill"")"`);
      expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    });

    it('CSV of one team: its child teams, the team name neutralised', async () => {
      const file = await download(hr, `/api/exports/heatmap.csv?teamId=${fixture.teams.operations.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toContain('skillgrid-heatmap-by-team-operations-');
      const groups = new Set(
        csvRecords(file.body)
          .slice(1)
          .map((row) => row[0]),
      );
      expect(groups).toEqual(new Set(['Warehouse', `'${EVIL_TEAM}`]));
      expect(file.body.toString('utf8')).not.toMatch(/(^|,)@SUM/m);
    });

    it('XLSX: sheets per view, bold frozen header, number formats, real numbers, neutralised text', async () => {
      const file = await download(hr, `/api/exports/heatmap.xlsx?teamId=${fixture.teams.operations.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.headers['content-disposition']).toMatch(/filename="skillgrid-heatmap-by-team-operations-[\d-]+\.xlsx"/);
      const book = await workbook(file.body);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Coverage', 'Cells', 'Teams', 'About']);

      const cells = book.getWorksheet('Cells') as ExcelJS.Worksheet;
      expect(cells.getRow(1).getCell(1).value).toBe('Team');
      expect(cells.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(cells.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      const warehouseForklift = (() => {
        for (let r = 2; r <= cells.rowCount; r++) {
          const row = cells.getRow(r);
          if (row.getCell(1).value === 'Warehouse' && row.getCell(2).value === 'Forklift') return row;
        }
        throw new Error('no Warehouse × Forklift row');
      })();
      // Warehouse with Night shift: Wes, Ada, Ann, Ned; all four need Forklift 3; Wes holds it.
      expect(warehouseForklift.getCell(5).value).toBe(4);
      expect(warehouseForklift.getCell(5).type).toBe(ExcelJS.ValueType.Number);
      expect(warehouseForklift.getCell(11).value).toBe(0.75);
      expect(warehouseForklift.getCell(11).numFmt).toBe('0.0');
      expect(warehouseForklift.getCell(14).value).toBe(0.25);
      expect(warehouseForklift.getCell(14).numFmt).toBe('0%');
      expect(warehouseForklift.getCell(15).value).toBe(9);

      const coverage = book.getWorksheet('Coverage') as ExcelJS.Worksheet;
      expect(coverage.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      const headers = (coverage.getRow(1).values as unknown[]).slice(1);
      expect(headers).toContain(`'${EVIL_SKILL}`);
      expect(headers).not.toContain(EVIL_SKILL);
      const labels = coverage.getColumn(1).values.slice(2);
      expect(labels).toContain(`'${EVIL_TEAM}`);
      expect(coverage.getColumn(1).width).toBe(30);

      const about = book.getWorksheet('About') as ExcelJS.Worksheet;
      expect(about.getCell('A1').value).toBe('Report');
      expect(about.getCell('B1').value).toBe('Skills heatmap: Operations');
      expect(about.getCell('B2').value).toBe('Test Org');
      // Nothing anywhere begins with a formula trigger.
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          }),
        ),
      );
    });

    it('PDF: a document of numbered pages, its first page rendered to test-output/', async () => {
      const file = await download(hr, '/api/exports/heatmap.pdf?groupBy=role');
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/filename="skillgrid-heatmap-by-role-organisation-[\d-]+\.pdf"/);
      expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(file.body.subarray(-6).toString('latin1')).toContain('%%EOF');
      const pages = pdfPages(file.body);
      expect(pages).toBeGreaterThanOrEqual(2);
      const text = pdfText(file.body, `heatmap-${testDialect()}`);
      if (text !== null) {
        expect(text).toContain('Skills heatmap: Organisation');
        expect(text).toContain('Test Org');
        expect(text).toContain('Group by: role');
        expect(text).toContain('Coverage of required skills by role');
        expect(text).toContain(`Page 1 of ${pages}`);
        expect(text).toContain(`Page ${pages} of ${pages}`);
        expect(text).toMatch(/Holders\s+Holders/);
        expect(text).toContain('>=5');
      }
      const png = renderFirstPage(file.body, `heatmap-${testDialect()}`);
      if (png) expect(existsSync(png)).toBe(true);
    });

    it('answers the same 400 as the JSON endpoint for bad filters, and 404 for an unknown format', async () => {
      const json = await hr.get('/api/analytics/heatmap?groupBy=desk').expect(400);
      const file = await hr.get('/api/exports/heatmap.csv?groupBy=desk').expect(400);
      expect(file.body.message).toBe(json.body.message);
      await hr.get('/api/exports/heatmap.csv?unknown=1').expect(400);
      const format = await hr.get('/api/exports/heatmap.docx').expect(404);
      expect(format.body.code).toBe('EXPORT_FORMAT_NOT_FOUND');
    });
  });

  describe('gaps', () => {
    it('CSV: by skill, critical first, with weighted gap points', async () => {
      const file = await download(hr, `/api/exports/gaps.csv?teamId=${fixture.teams.operations.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/filename="skillgrid-gaps-operations-[\d-]+\.csv"/);
      const [header, ...rows] = csvRecords(file.body);
      expect(header).toEqual([
        'Skill',
        'Category',
        'Kind',
        'Critical',
        'Required level',
        'Weight',
        'People required',
        'Met',
        'Coverage',
        'Gap points',
        'Weighted gap points',
      ]);
      // Five operatives: Forklift 3 met by Wes only (12 points short), Teamwork 2 by Ada only (8).
      expect(rows).toEqual([
        ['Forklift', 'Operations', 'hard', 'yes', '3', '3', '5', '1', '0.2', '12', '36'],
        ['Teamwork', 'Operations', 'soft', 'no', '2', '1', '5', '1', '0.2', '8', '8'],
      ]);
    });

    it('XLSX for HR: by skill and every person short, named', async () => {
      const file = await download(hr, `/api/exports/gaps.xlsx?teamId=${fixture.teams.operations.id}&pageSize=1`);
      expect(file.status).toBe(200);
      const book = await workbook(file.body);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['By skill', 'People short', 'About']);
      const people = book.getWorksheet('People short') as ExcelJS.Worksheet;
      expect(people.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      // Every page of people, not the one asked for by pageSize: Wes (teamwork), Ada (forklift), Ann, Ned, Ivy.
      const names = people.getColumn(1).values.slice(2);
      expect(new Set(names)).toEqual(new Set(['Wes', 'Ada', 'Ann', 'Ned', 'Ivy']));
      const ann = people.getRow(names.indexOf('Ann') + 2);
      expect(ann.getCell(2).value).toBe('Warehouse');
      expect(ann.getCell(4).value).toBe(0);
      expect(ann.getCell(4).numFmt).toBe('0%');
      expect(ann.getCell(5).value).toBe(5);
      expect(ann.getCell(6).value).toBe(11);
      expect(ann.getCell(7).value).toBe('Forklift 0/3; Teamwork 0/2');
      const ivy = people.getRow(names.indexOf('Ivy') + 2);
      expect(ivy.getCell(2).value).toBe(`'${EVIL_TEAM}`);
    });

    it('PDF for HR: numbered pages', async () => {
      const file = await download(hr, `/api/exports/gaps.pdf?teamId=${fixture.teams.operations.id}`);
      expect(file.status).toBe(200);
      expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPages(file.body)).toBeGreaterThanOrEqual(1);
      const text = pdfText(file.body, `gaps-${testDialect()}`);
      if (text !== null) {
        expect(text).toContain('Gap report: Operations');
        expect(text).toMatch(/Ann\s+Warehouse\s+Warehouse Operative\s+0%\s+5\s+11\s+Forklift 0\/3; Teamwork 0\/2/);
      }
      renderFirstPage(file.body, `gaps-${testDialect()}`);
    });

    it('one employee: their own requirements', async () => {
      const file = await download(hr, `/api/exports/gaps.csv?employeeId=${fixture.people.ann.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toContain('skillgrid-gaps-ann-');
      expect(
        csvRecords(file.body)
          .slice(1)
          .map((row) => [row[0], row[9]]),
      ).toEqual([
        ['Forklift', '3'],
        ['Teamwork', '2'],
      ]);
    });
  });

  describe('forecast', () => {
    const SCENARIO = '+Attrition 50%';
    let scenarioId: number;
    beforeAll(async () => {
      const response = await hr.post('/api/forecast/scenarios').send({ name: SCENARIO, attritionRate: 0.5 });
      if (response.status !== 201) throw new Error(`scenario: ${response.status} ${JSON.stringify(response.body)}`);
      scenarioId = response.body.id as number;
    });

    it('CSV: the months of GET /forecast, baseline and scenario side by side', async () => {
      const query = `skillId=${fixture.skills.forklift.id}&scenarioId=${scenarioId}&horizon=6`;
      const json = (await hr.get(`/api/forecast?${query}`).expect(200)).body as ForecastDto;
      const file = await download(hr, `/api/exports/forecast.csv?${query}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/filename="skillgrid-forecast-forklift-organisation-[\d-]+\.csv"/);
      const [header, ...rows] = csvRecords(file.body);
      expect(header).toEqual([
        'Month',
        'Baseline demand',
        'Baseline supply',
        'Baseline shortfall',
        'Baseline hours',
        'Baseline cost (EUR)',
        'Baseline expiry cliff',
        'Scenario demand',
        'Scenario supply',
        'Scenario shortfall',
        'Scenario hours',
        'Scenario cost (EUR)',
        'Scenario expiry cliff',
      ]);
      expect(rows).toHaveLength(6);
      const scenario = json.scenario as NonNullable<ForecastDto['scenario']>;
      rows.forEach((row, i) => {
        const base = json.months[i];
        const what = scenario.months[i];
        expect(row[0]).toBe(base.month);
        expect(row.slice(1).map(Number)).toEqual(
          [
            base.demand,
            base.supply,
            base.shortfall,
            base.hours,
            base.cost,
            base.expiryCliff,
            what.demand,
            what.supply,
            what.shortfall,
            what.hours,
            what.cost,
            what.expiryCliff,
          ].map((value) => Math.round((value as number) * 10_000) / 10_000),
        );
      });
      // Half a year of 50 % attrition leaves fewer qualified people than the baseline.
      expect(Number(rows[5][8])).toBeLessThan(Number(rows[5][2]));
    });

    it('XLSX: months with one-decimal figures, assumptions, and the scenario name neutralised', async () => {
      const file = await download(
        hr,
        `/api/exports/forecast.xlsx?skillId=${fixture.skills.forklift.id}&scenarioId=${scenarioId}`,
      );
      expect(file.status).toBe(200);
      const book = await workbook(file.body);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Months', 'Assumptions', 'About']);
      const months = book.getWorksheet('Months') as ExcelJS.Worksheet;
      expect(months.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      expect(months.rowCount).toBe(13);
      expect(months.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
      expect(months.getCell('B2').value).toBe(5);
      expect(months.getCell('B2').numFmt).toBe('0.0');
      const assumptions = book.getWorksheet('Assumptions') as ExcelJS.Worksheet;
      expect(assumptions.getCell('A2').value).toBe('Warehouse Operative');
      expect(assumptions.getCell('C2').value).toBe(5);
      expect(allText(book)).toContain(`'${SCENARIO}`);
      const pdf = await download(hr, `/api/exports/forecast.pdf?skillId=${fixture.skills.forklift.id}&scenarioId=${scenarioId}`);
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf.body, `forecast-${testDialect()}`);
      if (text !== null) expect(text).toContain('Workforce forecast: Forklift, Organisation');
      renderFirstPage(pdf.body, `forecast-${testDialect()}`);
    });

    it('the same refusals as GET /forecast: bad input 400, outside the tree 404, employees 403, small scopes suppressed', async () => {
      const bad = await hr.get(`/api/forecast?skillId=${fixture.skills.forklift.id}&horizon=37`).expect(400);
      const badExport = await hr.get(`/api/exports/forecast.csv?skillId=${fixture.skills.forklift.id}&horizon=37`).expect(400);
      expect(badExport.body.message).toBe(bad.body.message);
      await hr.get('/api/exports/forecast.xlsx').expect(400);
      await manager
        .get(`/api/exports/forecast.csv?skillId=${fixture.skills.sql.id}&teamId=${fixture.teams.finance.id}`)
        .expect(404);
      await employee.get(`/api/exports/forecast.pdf?skillId=${fixture.skills.forklift.id}`).expect(403);
      const other = await exec.get(`/api/forecast?skillId=${fixture.skills.forklift.id}&scenarioId=${scenarioId}`);
      const otherExport = await exec.get(
        `/api/exports/forecast.csv?skillId=${fixture.skills.forklift.id}&scenarioId=${scenarioId}`,
      );
      expect(otherExport.status).toBe(other.status);
      const small = csvRecords(
        (await download(exec, `/api/exports/forecast.csv?skillId=${fixture.skills.sql.id}&teamId=${fixture.teams.finance.id}`))
          .body,
      );
      expect(small.slice(1).every((row) => row[1] === 'suppressed' && row.slice(2).every((cell) => cell === ''))).toBe(true);
    });
  });

  describe('privacy', () => {
    it('executives: aggregates only, small groups suppressed, nobody named, in every format', async () => {
      const csv = await download(exec, '/api/exports/heatmap.csv');
      expect(csv.status).toBe(200);
      const rows = csvRecords(csv.body).slice(1);
      const finance = rows.filter((row) => row[0] === 'Finance');
      expect(finance.length).toBeGreaterThan(0);
      for (const row of finance) expect(row.slice(4)).toEqual(['', '', '', '', '', '', '', '', '', '', '', 'suppressed']);
      expect(rows.find((row) => row[0] === 'Operations' && row[1] === 'Forklift')?.[4]).toBe('6');

      const xlsx = await download(exec, '/api/exports/heatmap.xlsx');
      const book = await workbook(xlsx.body);
      const coverage = book.getWorksheet('Coverage') as ExcelJS.Worksheet;
      const financeRow = coverage.getRow((coverage.getColumn(1).values as unknown[]).indexOf('Finance'));
      expect((financeRow.values as unknown[]).slice(2).every((value) => value === 'suppressed')).toBe(true);
      const teams = book.getWorksheet('Teams') as ExcelJS.Worksheet;
      const financeTeam = teams.getRow((teams.getColumn(1).values as unknown[]).indexOf('Finance'));
      expect(financeTeam.getCell(2).value).toBe('suppressed');
      const gaps = await workbook((await download(exec, '/api/exports/gaps.xlsx')).body);
      expect(gaps.worksheets.map((sheet) => sheet.name)).toEqual(['By skill', 'About']);
      const pdf = await download(exec, '/api/exports/gaps.pdf');
      expect(pdf.status).toBe(200);
      renderFirstPage(pdf.body, `gaps-exec-${testDialect()}`);
      const texts = [
        pdfText(pdf.body, `gaps-exec-${testDialect()}`) ?? '',
        pdfText((await download(exec, '/api/exports/heatmap.pdf')).body, `heatmap-exec-${testDialect()}`) ?? '',
        csv.body.toString('utf8'),
        allText(book),
        allText(gaps),
        (await download(exec, '/api/exports/gaps.csv')).body.toString('utf8'),
      ];
      for (const content of texts) for (const name of PEOPLE) expect(content).not.toMatch(new RegExp(`\\b${name}\\b`));
    });

    it('executives: a small group is withheld whole, month-ends only, no individual', async () => {
      const finance = csvRecords((await download(exec, `/api/exports/gaps.csv?teamId=${fixture.teams.finance.id}`)).body);
      expect(finance).toHaveLength(1);
      await exec.get(`/api/exports/gaps.csv?employeeId=${fixture.people.ann.id}`).expect(403);
      await exec.get('/api/exports/heatmap.csv?asOf=2025-06-15').expect(400);
      await exec.get('/api/exports/heatmap.csv?includeSubteams=false').expect(400);
    });

    it('managers: their own tree only; outside it 404', async () => {
      const rows = csvRecords((await download(manager, '/api/exports/heatmap.csv')).body).slice(1);
      expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['Operations']));
      await manager.get(`/api/exports/heatmap.xlsx?teamId=${fixture.teams.finance.id}`).expect(404);
      await manager.get(`/api/exports/gaps.pdf?teamId=${fixture.teams.finance.id}`).expect(404);
      await manager.get(`/api/exports/gaps.csv?employeeId=${fixture.people.finn.id}`).expect(404);
      const people = await workbook((await download(manager, '/api/exports/gaps.xlsx')).body);
      const names = (people.getWorksheet('People short') as ExcelJS.Worksheet).getColumn(1).values.slice(2);
      expect(names).not.toContain('Fay');
      expect(names).not.toContain('Finn');
    });

    it('employees: 403 for every export; signed out: 401', async () => {
      for (const path of ['heatmap.csv', 'heatmap.xlsx', 'heatmap.pdf', 'gaps.csv', 'gaps.xlsx', 'gaps.pdf'])
        await employee.get(`/api/exports/${path}`).expect(403);
      const { default: request } = await import('supertest');
      await request(sut.http).get('/api/exports/heatmap.csv').expect(401);
    });
  });
});
