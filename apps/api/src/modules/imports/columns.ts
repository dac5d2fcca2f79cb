import { ImportFileError } from './import-errors';

/** Header names compare without case, spaces, underscores or punctuation: "Employee E-mail" = "employee_email". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export interface ColumnSpec {
  /** The canonical (template) name, e.g. `employee_email`. */
  name: string;
  /** Other headers meaning the same, e.g. the Credly `Recipient Email`. */
  aliases?: string[];
  required?: boolean;
  description: string;
}

/** One recognised header layout of an entity's file (Skillgrid's own, Credly's, Badgr's…). */
export interface Layout {
  name: string;
  columns: ColumnSpec[];
  /** Header keys whose presence identifies this layout (checked before the default one). */
  signature?: string[];
  /** Sets of columns of which at least one must be present, e.g. employee e-mail or external id. */
  oneOf?: string[][];
}

/** Where each canonical column is in the file's rows. */
export type ColumnMap = Map<string, number>;

export function detectLayout(layouts: readonly Layout[], header: readonly string[]): { layout: Layout; map: ColumnMap } {
  const keys = header.map(headerKey);
  const layout =
    layouts.find((candidate) => candidate.signature?.every((key) => keys.includes(key))) ??
    layouts.find((candidate) => !candidate.signature) ??
    layouts[0];
  const map: ColumnMap = new Map();
  for (const column of layout.columns) {
    const names = [column.name, ...(column.aliases ?? [])].map(headerKey);
    const index = keys.findIndex((key) => names.includes(key));
    if (index >= 0) map.set(column.name, index);
  }
  const missing = layout.columns.filter((column) => column.required && !map.has(column.name)).map((column) => column.name);
  for (const group of layout.oneOf ?? []) if (!group.some((name) => map.has(name))) missing.push(group.join(' or '));
  if (missing.length)
    throw new ImportFileError(
      'MISSING_COLUMN',
      `The header lacks ${missing.join(', ')} (read as the ${layout.name} layout; headers: ${header.join(', ') || 'none'})`,
      1,
      missing[0],
    );
  const seen = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key && seen.has(key))
      throw new ImportFileError('DUPLICATE_COLUMN', `The header names "${header[index]}" twice`, 1, header[index]);
    seen.set(key, index);
  });
  return { layout, map };
}

/** A row's cells by canonical column, trimmed; absent or blank cells are undefined. */
export function rowValues(map: ColumnMap, cells: readonly string[]): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [name, index] of map) {
    const value = cells[index]?.trim();
    values[name] = value === '' ? undefined : value;
  }
  return values;
}

/** A CSV template: the header of the entity's own layout, and one example row. */
export function templateCsv(layout: Layout, example: readonly string[]): string {
  const escape = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${layout.columns.map((column) => column.name).join(',')}\r\n${example.map(escape).join(',')}\r\n`;
}
