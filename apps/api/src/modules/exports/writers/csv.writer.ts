import type { Writable } from 'node:stream';
import { CSV_BOM, csvRow } from '@skillgrid/shared';
import type { Report } from '../report';
import { drained, flushed } from './stream-end';

/** Rows are sent in batches of about this many characters (fewer, larger writes). */
const BATCH = 64 * 1024;

/** The report's CSV table: UTF-8 with BOM, a header row, one record per row, streamed with back-pressure. */
export async function writeCsv(report: Report, out: Writable): Promise<void> {
  const table = report.csvTable;
  let pending = CSV_BOM + csvRow(table.columns.map((column) => column.header));
  for await (const row of table.rows()) {
    if (out.destroyed) return;
    pending += csvRow(row);
    if (pending.length >= BATCH) {
      const ok = out.write(pending);
      pending = '';
      if (!ok) await drained(out);
    }
  }
  out.end(pending);
  await flushed(out);
}
