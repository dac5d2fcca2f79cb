import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ExportCell } from '@skillgrid/shared';
import type { ColumnKind, Report, ReportChart, ReportTable } from '../report';
import { flushed } from './stream-end';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const FOOTER = 24;
const ROW_HEIGHT = 14;
const INK = '#212529';
const MUTED = '#6c757d';
const RULE = '#dee2e6';
const HEADER_FILL = '#e9ecef';
/** Viridis mid-tone: readable in print and by colour-blind readers. */
const BAR = '#31688e';

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function formatCell(value: ExportCell, kind: ColumnKind): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  switch (kind) {
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'decimal':
      return value.toFixed(1);
    case 'integer':
    case 'text':
      return Number.isInteger(value) ? NUMBER.format(value) : value.toFixed(1);
  }
}

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '≥': '>=', '≤': '<=', '×': 'x', '→': '->' };

/**
 * Text in the PDF's standard fonts, which cover Windows-1252 only: accents outside it are
 * dropped (Ő → O), symbols spelt out (≥ → >=), anything else shown as "?".
 */
export function pdfText(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) result += char;
    else if (REPLACEMENTS[char]) result += REPLACEMENTS[char];
    else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      result += code < 0x20 ? ' ' : base && [...base].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? base : '?';
    }
  }
  return result;
}

/** Cuts text to a width with an ellipsis (table cells are one line). */
function fit(doc: Doc, raw: string, width: number): string {
  const text = pdfText(raw);
  const full = doc.widthOfString(text);
  if (full <= width) return text;
  // Start from the proportional cut, then trim: a few measurements, not one per character.
  let cut = text.slice(0, Math.max(1, Math.floor((text.length * width) / full)));
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN - FOOTER;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - 2 * MARGIN;
}

/** Starts a new page when `height` more points do not fit on this one. */
function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  doc.y = MARGIN;
  return true;
}

function heading(doc: Doc, text: string, size = 13): void {
  ensureSpace(doc, size + ROW_HEIGHT * 3);
  doc
    .font('Helvetica-Bold')
    .fontSize(size)
    .fillColor(INK)
    .text(pdfText(text), MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

function titleBlock(doc: Doc, report: Report): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor(INK)
    .text(pdfText(report.title), MARGIN, MARGIN, { width: contentWidth(doc) });
  doc.moveDown(0.2);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(
      pdfText(
        `${report.organisation} · as of ${report.asOf} · generated ${report.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      ),
    );
  doc.moveDown(0.3);
  doc.text(pdfText(`Filters: ${report.filters.map(([label, value]) => `${label}: ${value}`).join(' · ')}`), {
    width: contentWidth(doc),
  });
  doc.moveDown(0.8);
}

function keyFigures(doc: Doc, figures: Report['keyFigures']): void {
  if (!figures.length) return;
  const perRow = Math.min(figures.length, 6);
  const gap = 8;
  const width = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
  const height = 44;
  for (let start = 0; start < figures.length; start += perRow) {
    ensureSpace(doc, height + gap);
    const y = doc.y;
    figures.slice(start, start + perRow).forEach(([label, value], index) => {
      const x = MARGIN + index * (width + gap);
      doc.roundedRect(x, y, width, height, 4).lineWidth(0.5).strokeColor(RULE).stroke();
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(MUTED)
        .text(fit(doc, label, width - 12), x + 6, y + 7, { lineBreak: false });
      doc
        .font('Helvetica-Bold')
        .fontSize(15)
        .fillColor(INK)
        .text(fit(doc, value, width - 12), x + 6, y + 20, { lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = y + height + gap;
  }
  doc.moveDown(0.6);
}

/** A horizontal bar chart in vector primitives: one bar per label, gridlines, values at the bar ends. */
function barChart(doc: Doc, chart: ReportChart): void {
  const bars = chart.bars;
  if (!bars.length) return;
  heading(doc, chart.title, 12);
  const labelWidth = 170;
  const valueWidth = 60;
  const plotWidth = contentWidth(doc) - labelWidth - valueWidth;
  const barHeight = 10;
  const step = 15;
  const known = bars.map((bar) => bar.value ?? 0);
  const max = chart.kind === 'percent' ? 1 : Math.max(1, ...known);
  const plotX = MARGIN + labelWidth;
  const drawGrid = (top: number, rows: number) => {
    const height = rows * step;
    for (let i = 0; i <= 4; i++) {
      const x = plotX + (plotWidth * i) / 4;
      doc
        .moveTo(x, top)
        .lineTo(x, top + height)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      const tick = chart.kind === 'percent' ? `${25 * i}%` : NUMBER.format((max * i) / 4);
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor(MUTED)
        .text(tick, x - 20, top + height + 2, { width: 40, align: 'center', lineBreak: false });
    }
  };
  let index = 0;
  while (index < bars.length) {
    ensureSpace(doc, step * 2 + 12);
    const top = doc.y;
    const rows = Math.min(bars.length - index, Math.floor((bottom(doc) - top - 12) / step));
    drawGrid(top, rows);
    for (let row = 0; row < rows; row++, index++) {
      const bar = bars[index];
      const y = top + row * step;
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(INK)
        .text(fit(doc, bar.label, labelWidth - 8), MARGIN, y + 1, { width: labelWidth - 8, lineBreak: false });
      if (bar.suppressed) {
        doc.rect(plotX, y, plotWidth, barHeight).fillColor('#f1f3f5').fill();
        doc
          .font('Helvetica-Oblique')
          .fontSize(7)
          .fillColor(MUTED)
          .text('suppressed', plotX + 4, y + 2, { lineBreak: false });
        continue;
      }
      if (bar.value === null) {
        doc
          .font('Helvetica-Oblique')
          .fontSize(7)
          .fillColor(MUTED)
          .text(chart.empty, plotX + 4, y + 2, { lineBreak: false });
        continue;
      }
      const width = Math.max(0, Math.min(1, bar.value / max)) * plotWidth;
      if (width > 0) doc.rect(plotX, y, width, barHeight).fillColor(BAR).fill();
      const label = chart.kind === 'percent' ? `${Math.round(bar.value * 100)}%` : ONE_DECIMAL.format(bar.value);
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(INK)
        .text(label, plotX + plotWidth + 6, y + 1, { width: valueWidth - 6, lineBreak: false });
    }
    doc.x = MARGIN;
    doc.y = top + rows * step + 16;
  }
  if (chart.note)
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor(MUTED)
      .text(pdfText(chart.note), MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(1);
}

/**
 * Widths in proportion to the columns' spreadsheet widths, but wide enough for each header's
 * longest word (a header breaks between words, never inside one); the room comes from the
 * columns with some to spare.
 */
function columnWidths(doc: Doc, report: ReportTable): number[] {
  const total = report.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = report.columns.map((column) => (column.width / total) * contentWidth(doc));
  doc.font('Helvetica-Bold').fontSize(7.5);
  const needs = report.columns.map(
    (column) =>
      Math.max(
        ...pdfText(column.header)
          .split(/\s+/)
          .map((word) => doc.widthOfString(word)),
      ) + 8,
  );
  const deficit = widths.reduce((sum, width, i) => sum + Math.max(0, needs[i] - width), 0);
  const spare = widths.reduce((sum, width, i) => sum + Math.max(0, width - needs[i]), 0);
  if (deficit === 0 || spare <= deficit) return widths;
  return widths.map((width, i) => (width < needs[i] ? needs[i] : width - ((width - needs[i]) / spare) * deficit));
}

/** A table over as many pages as it takes, its header row repeated on each. */
async function table(doc: Doc, report: ReportTable): Promise<void> {
  heading(doc, report.title);
  const widths = columnWidths(doc, report);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const alignOf = (kind: ColumnKind) => (kind === 'text' ? 'left' : 'right');
  // Headers wrap onto up to three lines rather than being cut.
  doc.font('Helvetica-Bold').fontSize(7.5);
  const headerHeight =
    Math.min(
      3 * doc.currentLineHeight(),
      Math.max(...report.columns.map((column, i) => doc.heightOfString(pdfText(column.header), { width: widths[i] - 6 }))),
    ) + 8;
  const header = () => {
    if (doc.y + headerHeight + ROW_HEIGHT > bottom(doc)) {
      doc.addPage();
      doc.y = MARGIN;
    }
    const y = doc.y;
    doc.rect(MARGIN, y, contentWidth(doc), headerHeight).fillColor(HEADER_FILL).fill();
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK);
    report.columns.forEach((column, i) => {
      doc.text(pdfText(column.header), xs[i] + 3, y + 4, {
        width: widths[i] - 6,
        height: headerHeight - 6,
        align: alignOf(column.kind),
        ellipsis: true,
      });
    });
    doc.x = MARGIN;
    doc.y = y + headerHeight;
  };
  header();
  let printed = 0;
  let more = false;
  // One row more than printed tells whether to say there are more.
  for await (const values of report.rows(report.pdfRowLimit === undefined ? undefined : report.pdfRowLimit + 1)) {
    if (report.pdfRowLimit !== undefined && printed >= report.pdfRowLimit) {
      more = true;
      break;
    }
    if (ensureSpace(doc, ROW_HEIGHT)) header();
    const y = doc.y;
    if (printed % 2 === 1) doc.rect(MARGIN, y, contentWidth(doc), ROW_HEIGHT).fillColor('#f8f9fa').fill();
    doc.font('Helvetica').fontSize(7.5).fillColor(INK);
    report.columns.forEach((column, i) => {
      const text = formatCell(values[i], column.kind);
      doc.text(fit(doc, text, widths[i] - 6), xs[i] + 3, y + 3.5, {
        width: widths[i] - 6,
        align: alignOf(column.kind),
        lineBreak: false,
      });
    });
    doc.y = y + ROW_HEIGHT;
    printed++;
  }
  doc.x = MARGIN;
  if (printed === 0)
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor(MUTED)
      .text('No rows.', MARGIN, doc.y + 4);
  if (more)
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`The first ${NUMBER.format(printed)} rows; the CSV and XLSX exports hold every row.`, MARGIN, doc.y + 4, {
        width: contentWidth(doc),
      });
  doc.moveDown(1.2);
}

/** "Page n of m" and the report title on every page, once the page count is known. */
function footers(doc: Doc, report: Report): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 4;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(fit(doc, `Skillgrid · ${report.title} · ${report.organisation}`, contentWidth(doc) / 2), MARGIN, y, {
      width: contentWidth(doc) / 2,
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN + contentWidth(doc) / 2, y, {
      width: contentWidth(doc) / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
}

/**
 * A landscape A4 report: title, organisation, as-of date and filters, key figures, a bar
 * chart, then the tables (paginated, header repeated) and page numbers. Pages are buffered
 * only to number them "n of m"; the document streams out when it ends.
 */
export async function writePdf(report: Report, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: report.title, Author: 'Skillgrid', Subject: report.organisation, CreationDate: report.generatedAt },
  });
  doc.pipe(out);
  titleBlock(doc, report);
  keyFigures(doc, report.keyFigures);
  if (report.notes.length) {
    doc.font('Helvetica').fontSize(9).fillColor(INK);
    for (const note of report.notes) doc.text(pdfText(note), MARGIN, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.8);
  }
  if (report.chart) barChart(doc, report.chart);
  for (const each of report.tables) if (!each.pdfOmit) await table(doc, each);
  footers(doc, report);
  doc.end();
  await flushed(out);
}
