import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { ImportFileError } from './import-errors';

/** One record of the file: line 1 is the header; cells as text, never evaluated. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** More columns than any import has is a malformed (or hostile) file, not data. */
export const MAX_COLUMNS = 500;
/** One CSV record larger than this is not a row of any import. */
const MAX_RECORD_BYTES = 1024 * 1024;
/** An XLSX that unpacks to more rows than this is refused (zip bombs). */
export const MAX_ROWS = 2_000_000;

export type TableFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Looks at the first bytes only: XLSX is a zip; CSV must be UTF-8 text without NUL bytes. */
export async function sniff(path: string): Promise<{ format: TableFormat; delimiter: string }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytesRead === 0) throw new ImportFileError('EMPTY_FILE', 'The file is empty');
    if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return { format: 'xlsx', delimiter: ',' };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) throw wrongEncoding('it is UTF-16 (little-endian)');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) throw wrongEncoding('it is UTF-16 (big-endian)');
    if (bytes.includes(0))
      throw new ImportFileError('NOT_A_TABLE', 'The file is binary, not CSV or XLSX text (it contains NUL bytes)');
    const text = bytes.subarray(bytes.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0).toString('utf8');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    // Spreadsheets in many locales save with semicolons; tabs come from copy and paste.
    const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
    const [delimiter] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
    return { format: 'csv', delimiter };
  } finally {
    await handle.close();
  }
}

function wrongEncoding(why: string): ImportFileError {
  return new ImportFileError('WRONG_ENCODING', `The file must be UTF-8 text, but ${why}: save it as "CSV UTF-8"`);
}

/**
 * Passes bytes through while checking they are UTF-8 (a fatal streaming decoder), so a Latin-1
 * or UTF-16 file is refused rather than imported with mangled names.
 */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(wrongEncoding(`a byte near offset ${this.offset} is not valid UTF-8`));
      return;
    }
    this.offset += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
      callback();
    } catch {
      callback(wrongEncoding('it ends in the middle of a character'));
    }
  }
}

async function* csvRows(path: string, delimiter: string): AsyncGenerator<TableRow> {
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    // Formula-looking text (=, +, -, @) stays text: csv-parse never evaluates or casts.
    cast: false,
  });
  const source = createReadStream(path).pipe(new Utf8Check());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (record.length > MAX_COLUMNS) throw tooManyColumns(record.length, line);
      yield { line, cells: record };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const parseError = error as { code?: string; message?: string; lines?: number };
    if (parseError.code?.startsWith('CSV_'))
      throw new ImportFileError('MALFORMED_CSV', `The CSV cannot be read: ${parseError.message ?? parseError.code}`);
    throw error;
  } finally {
    source.destroy();
  }
}

function tooManyColumns(count: number, line: number): ImportFileError {
  return new ImportFileError('TOO_MANY_COLUMNS', `Line ${line} has ${count} columns; at most ${MAX_COLUMNS} are read`);
}

/** A cell's value as text. Real formulas are refused: the file should carry values. */
function cellText(value: ExcelJS.CellValue, line: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value)
      throw new ImportFileError(
        'FORMULA_CELL',
        `Line ${line} has a formula; formulas are not evaluated: paste the values instead`,
      );
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** What an XLSX may unpack to in all; a file claiming more is refused unread (a zip bomb). */
export const MAX_XLSX_UNPACKED_BYTES = 1024 * 1024 * 1024;
/** Compression ratios beyond this are not spreadsheets. */
const MAX_XLSX_RATIO = 200;

/**
 * Reads the zip's central directory (at its end) and refuses the file when its entries would
 * unpack to more than MAX_XLSX_UNPACKED_BYTES, or compress implausibly well, before any is inflated.
 */
async function checkZip(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new ImportFileError('MALFORMED_XLSX', 'The XLSX file cannot be read: it is not a complete zip file');
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size || directorySize > 64 * 1024 * 1024)
      throw new ImportFileError('MALFORMED_XLSX', 'The XLSX file cannot be read: its zip directory is damaged');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let unpacked = 0;
    let packed = 0;
    for (let at = 0, n = 0; n < entries && at + 46 <= directory.length; n++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) break;
      const compressed = directory.readUInt32LE(at + 20);
      const uncompressed = directory.readUInt32LE(at + 24);
      // 0xFFFFFFFF means a ZIP64 size: more than 4 GB, far beyond any import.
      if (uncompressed === 0xffffffff) unpacked = Infinity;
      unpacked += uncompressed;
      packed += compressed;
      at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    if (unpacked > MAX_XLSX_UNPACKED_BYTES || (unpacked > 10 * 1024 * 1024 && unpacked > packed * MAX_XLSX_RATIO))
      throw new ImportFileError(
        'XLSX_TOO_LARGE',
        `The XLSX file would unpack to ${Number.isFinite(unpacked) ? `${Math.round(unpacked / 1024 / 1024)} MB` : 'more than 4 GB'}; it is refused unread`,
      );
  } finally {
    await handle.close();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  await checkZip(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Needed to tell dates from numbers (a date is a number with a date format).
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    // The first worksheet only; a header row and then data, as in CSV.
    for await (const worksheet of reader) {
      let line = 0;
      for await (const row of worksheet) {
        line++;
        if (line > MAX_ROWS) throw new ImportFileError('TOO_MANY_ROWS', `The worksheet has more than ${MAX_ROWS} rows`);
        const values = row.values as ExcelJS.CellValue[];
        if (values.length - 1 > MAX_COLUMNS) throw tooManyColumns(values.length - 1, line);
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column], line));
        // Spreadsheet row numbers are the line numbers people see; keep them even past blank rows.
        if (cells.some((cell) => cell.trim() !== '')) yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('MALFORMED_XLSX', `The XLSX file cannot be read: ${(error as Error).message}`);
  }
}

/** The file's records, streamed: CSV (UTF-8, BOM stripped) or the first worksheet of an XLSX. */
export async function* readTable(path: string): AsyncGenerator<TableRow> {
  const { format, delimiter } = await sniff(path);
  yield* format === 'xlsx' ? xlsxRows(path) : csvRows(path, delimiter);
}
