import { PassThrough } from 'node:stream';
import { formatCell, pdfText, writePdf } from './pdf.writer';
import type { Report } from '../report';

describe('PDF writer', () => {
  it('keeps Windows-1252 text and spells out or drops what the standard fonts lack', () => {
    expect(pdfText('Café – “Ops” · 50 €')).toBe('Café – “Ops” · 50 €');
    expect(pdfText('Holders ≥3')).toBe('Holders >=3');
    expect(pdfText('Łódź Őrs')).toBe('?ódz Ors');
    expect(pdfText('東京')).toBe('??');
    expect(pdfText('a\tb')).toBe('a b');
  });

  it('formats figures by column kind', () => {
    expect(formatCell(0.256, 'percent')).toBe('26%');
    expect(formatCell(2.25, 'decimal')).toBe('2.3');
    expect(formatCell(12345, 'integer')).toBe('12,345');
    expect(formatCell(null, 'integer')).toBe('–');
    expect(formatCell('suppressed', 'percent')).toBe('suppressed');
  });

  it('numbers every page of a long table, header repeated', async () => {
    const table: Report['csvTable'] = {
      sheet: 'Rows',
      title: 'Rows',
      columns: [
        { header: 'Name', kind: 'text', width: 20 },
        { header: 'Value', kind: 'integer', width: 10 },
      ],
      freezeFirstColumn: true,
      rows: () => Array.from({ length: 200 }, (_, i) => [`row ${i}`, i]),
    };
    const sut: Report = {
      fileName: 'x',
      title: 'Long',
      organisation: 'Org',
      asOf: '2026-01-31',
      generatedAt: new Date('2026-02-01T00:00:00Z'),
      filters: [['Team', 'All']],
      keyFigures: [['Rows', '200']],
      chart: { title: 'Bars', kind: 'number', empty: 'none', bars: [{ label: 'a', value: 3 }] },
      tables: [table],
      csvTable: table,
      notes: [],
    };
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writePdf(sut, out);
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect((pdf.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });
});
