/**
 * Cells of exported files (DESIGN §4 "Exports"). A spreadsheet treats a text cell that begins
 * with `=`, `+`, `-` or `@` as a formula (and tab or CR can smuggle one past a check of the
 * first visible character), so such text is neutralised with a leading apostrophe, the
 * OWASP "CSV injection" advice. Numbers are never touched: they stay numbers.
 */

/** A value of an exported cell: text, a number, or nothing (an empty cell). */
export type ExportCell = string | number | null | undefined;

/** Excel and LibreOffice read UTF-8 CSV reliably only with this byte order mark in front. */
export const CSV_BOM = '\uFEFF';

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** C0 control characters but tab, LF and CR: invisible, and not allowed in XLSX's XML at all. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text that a spreadsheet would not run as a formula. Control characters go first, so that
 * one cannot hide a formula from the check ("\u0001=1+1").
 */
export function neutraliseText(text: string): string {
  const clean = text.replace(CONTROL, '');
  return FORMULA_TRIGGER.test(clean) ? `'${clean}` : clean;
}

/** A finite number as the shortest plain decimal (no exponent for ordinary figures); NaN and ±∞ are empty. */
function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Figures such as 2/3 keep 4 decimals: more precision than any export reader needs.
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10_000) / 10_000;
  return String(rounded);
}

/**
 * One CSV field (RFC 4180): numbers unquoted, text neutralised and quoted when it holds a
 * comma, a double quote, a line break or leading/trailing space; null and undefined empty.
 */
export function csvField(value: ExportCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value);
  const text = neutraliseText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line end. */
export function csvRow(values: readonly ExportCell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A value for a spreadsheet cell: numbers as numbers, text neutralised, nothing as null. */
export function sheetCell(value: ExportCell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return neutraliseText(value);
}

/** A file-name-safe slug of free text ("Night shift / Leeds" → "night-shift-leeds"), at most 60 characters. */
export function fileNameSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'export';
}
