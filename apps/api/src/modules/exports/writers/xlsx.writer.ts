import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sheetCell } from '@skillgrid/shared';
import type { ColumnKind, Report, ReportTable } from '../report';

/** Excel number formats: counts whole, levels to one decimal, shares as whole percentages (UI.md). */
const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '0.0',
  percent: '0%',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

async function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable): Promise<void> {
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', xSplit: table.freezeFirstColumn ? 1 : 0, ySplit: 1 }],
  });
  // A column's format reaches each cell as it is created: far cheaper than styling cell by cell.
  sheet.columns = table.columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.autoFilter = `A1:${columnLetter(table.columns.length)}1`;
  const header = sheet.addRow(table.columns.map((column) => sheetCell(column.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.commit();
  for await (const values of table.rows()) sheet.addRow(values.map(sheetCell)).commit();
  sheet.commit();
}

function writeAbout(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: Report): void {
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [{ width: 28 }, { width: 90 }];
  const line = (label: string, value: string | null, bold = false) => {
    const row = sheet.addRow([sheetCell(label), sheetCell(value)]);
    row.getCell(1).font = { bold: true };
    if (bold) row.getCell(2).font = { bold: true, size: 14 };
    row.commit();
  };
  line('Report', report.title, true);
  line('Organisation', report.organisation);
  line('As of', report.asOf);
  line('Generated', report.generatedAt.toISOString());
  sheet.addRow([]).commit();
  line('Filters', null);
  for (const [label, value] of report.filters) line(label, value);
  sheet.addRow([]).commit();
  line('Key figures', null);
  for (const [label, value] of report.keyFigures) line(label, value);
  if (report.notes.length) {
    sheet.addRow([]).commit();
    line('Notes', null);
    for (const note of report.notes) line('', note);
  }
  sheet.addRow([]).commit();
  line('Sheets', report.tables.map((table) => `${table.sheet}: ${table.title}`).join('; '));
  sheet.commit();
}

/**
 * One sheet per table (bold header, frozen header row and label column, number formats,
 * widths, an auto-filter) and an About sheet, streamed: each row is written out as it is
 * added, and no shared-strings table is kept, so memory stays bounded by a row.
 */
export async function writeXlsx(report: Report, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Skillgrid';
  workbook.title = report.title;
  workbook.company = report.organisation;
  workbook.created = report.generatedAt;
  for (const table of report.tables) await writeTable(workbook, table);
  writeAbout(workbook, report);
  await workbook.commit();
}
