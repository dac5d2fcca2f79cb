import type { ExportCell } from '@skillgrid/shared';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a column's numbers are shown: whole counts, levels to one decimal, or shares as percentages. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent';

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
  /** Spreadsheet column width in characters. */
  width: number;
}

export type ReportRow = ExportCell[];

/**
 * One table of a report: a sheet of the XLSX, a section of the PDF, and (for the report's
 * `csv` table) the whole CSV. Rows may come from the database page by page.
 */
export interface ReportTable {
  /** Sheet name (at most 31 characters, none of : \ / ? * [ ]). */
  sheet: string;
  title: string;
  columns: ReportColumn[];
  /** The rows; `limit` says no more than that many are wanted (the PDF's), so no more need be read. */
  rows: (limit?: number) => AsyncIterable<ReportRow> | Iterable<ReportRow>;
  /** Keep the first column in view while scrolling sideways (a matrix's row labels). */
  freezeFirstColumn: boolean;
  /** The PDF prints at most this many rows and says where the rest is. */
  pdfRowLimit?: number;
  /** Left out of the PDF (too wide to print, e.g. a matrix of 150 skills). */
  pdfOmit?: boolean;
}

export interface ReportChart {
  title: string;
  /** A null value is drawn as `empty` (nothing to show), or as "suppressed" when withheld for privacy. */
  bars: Array<{ label: string; value: number | null; suppressed?: boolean }>;
  kind: 'percent' | 'number';
  empty: string;
  /** Said under the chart, e.g. what a missing bar means. */
  note?: string;
}

/** What every writer renders: the figures of one analytic view, already scoped by persona. */
export interface Report {
  /** The file name without extension. */
  fileName: string;
  title: string;
  organisation: string;
  asOf: string;
  generatedAt: Date;
  /** Filters as label → value, as chosen (and as the server applied them). */
  filters: Array<[string, string]>;
  keyFigures: Array<[string, string]>;
  chart: ReportChart | null;
  tables: ReportTable[];
  /** The table the CSV carries (CSV holds one table). */
  csvTable: ReportTable;
  notes: string[];
}
