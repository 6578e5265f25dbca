import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ProgressReport, ReportTrack } from '../progress/progress-report.model';
import { reportLabels, type ReportColumn, type ReportLabels } from '../progress/report-labels';
import {
  COLUMN_TYPES,
  actionCells,
  cellDisplayText,
  coverLines,
  summarySections,
} from '../progress/report-table';
import { healthChartSvg, statusByTrackChartSvg, type ChartSvg } from './charts';
import { FONT, FONT_BOLD, PdfTable, type PdfColumn } from './pdf-table';
import { keepPace } from '@app/core';
import { PROGRESS_EVERY, YIELD_EVERY } from './render-output';
import { winAnsiText } from './render-text';

const MARGIN = 36;
const FOOTER_HEIGHT = 18;

/** The compact per-action columns of the PDF (A4 landscape: 770 pt between the margins). */
const PDF_COLUMNS: readonly (Omit<PdfColumn, 'heading'> & { column: ReportColumn })[] = [
  { column: 'title', width: 180, maxLines: 3 },
  { column: 'ownerOrganisation', width: 52 },
  { column: 'deadline', width: 56 },
  { column: 'status', width: 72, maxLines: 2 },
  { column: 'health', width: 62, maxLines: 2 },
  { column: 'percentComplete', width: 34, align: 'right' },
  { column: 'verification', width: 84, maxLines: 2 },
  { column: 'latestNarrative', width: 230, maxLines: 4 },
];

/**
 * Writes the report as a PDF (A4 landscape) to `out` (not ended: the caller ends it): a cover page, the summary
 * with its two charts, then the actions per track. Pages are written as they are finished
 * (no page buffering), so memory stays flat for 100,000 actions; the footer therefore says
 * "Pagina N" without the total. Text uses the built-in Helvetica: characters it cannot show
 * become '?'. `onProgress` gets the number of actions written so far.
 */
export async function renderPdf(
  report: ProgressReport,
  out: Writable,
  onProgress?: (actionsDone: number) => void,
): Promise<void> {
  const { header, summary } = report;
  const labels = reportLabels(header.lang);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    autoFirstPage: false,
    bufferPages: false,
    lang: header.lang === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    info: {
      Title: winAnsiText(`${labels.title} ${header.programme.name}`),
      Subject: winAnsiText(header.programme.name),
      CreationDate: new Date(header.generatedAt),
    },
  });
  const written = new Promise<void>((resolve, reject) => {
    doc.once('end', resolve);
    doc.once('error', reject);
  });
  doc.pipe(out, { end: false });
  let pageNumber = 0;
  doc.on('pageAdded', () => drawFooter(doc, ++pageNumber, report, labels));

  drawCover(doc, report, labels);
  drawSummary(doc, report, labels);
  drawCharts(doc, [statusByTrackChartSvg(summary, labels), healthChartSvg(summary, labels)]);

  doc.addPage();
  heading(doc, labels.actions, 16);
  const columns = PDF_COLUMNS.map((c) => ({ ...c, heading: labels.columns[c.column] }));
  let done = 0;
  let track: ReportTrack | null | undefined = undefined;
  let table: PdfTable | null = null;
  for await (const action of report.actions) {
    if (track === undefined || track?.id !== action.track?.id) {
      track = action.track;
      const name = action.track?.name ?? labels.noTrack;
      if (doc.y > doc.page.height / 2 && done > 0) doc.addPage();
      else doc.moveDown(0.5);
      heading(doc, name, 12);
      table = new PdfTable(doc, columns, {
        fontSize: 8,
        onPageBreak: () => heading(doc, `${name} ${labels.continued}`, 12),
      });
      table.start();
    }
    const cells = actionCells(action, labels);
    table!.drawRow(
      PDF_COLUMNS.map((c) => cellDisplayText(cells[c.column], COLUMN_TYPES[c.column])),
    );
    done++;
    if (done % YIELD_EVERY === 0) await keepPace(out);
    if (done % PROGRESS_EVERY === 0) onProgress?.(done);
  }
  if (done === 0) doc.font(FONT).fontSize(10).text(labels.none);
  doc.end();
  await written;
  onProgress?.(done);
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number): void {
  doc
    .font(FONT_BOLD)
    .fontSize(size)
    .fillColor('#000')
    .text(winAnsiText(text), doc.page.margins.left);
  doc.moveDown(0.3);
}

function drawFooter(
  doc: PDFKit.PDFDocument,
  pageNumber: number,
  report: ProgressReport,
  labels: ReportLabels,
): void {
  const { margins } = doc.page;
  const bottom = margins.bottom;
  // Writing below the bottom margin would start a new page: lift it while the footer is drawn.
  margins.bottom = 0;
  const y = doc.page.height - MARGIN - 4;
  const width = doc.page.width - margins.left - margins.right;
  doc.font(FONT).fontSize(8).fillColor('#000');
  doc.text(
    winAnsiText(`${labels.title} — ${report.header.programme.name} — ${report.header.reportDate}`),
    margins.left,
    y,
    { width: width - 80, lineBreak: false, ellipsis: true },
  );
  doc.text(winAnsiText(labels.page(pageNumber)), margins.left + width - 80, y, {
    width: 80,
    align: 'right',
    lineBreak: false,
  });
  margins.bottom = bottom;
  doc.x = margins.left;
  doc.y = margins.top;
}

function drawCover(doc: PDFKit.PDFDocument, report: ProgressReport, labels: ReportLabels): void {
  doc.addPage();
  doc.moveDown(4);
  doc.font(FONT_BOLD).fontSize(30).text(winAnsiText(labels.title));
  doc.moveDown(0.3);
  doc.font(FONT).fontSize(18).text(winAnsiText(report.header.programme.name));
  doc.moveDown(1.5);
  for (const line of coverLines(report.header, labels)) {
    const y = doc.y;
    doc.font(FONT_BOLD).fontSize(12).text(winAnsiText(line.label), MARGIN, y, { width: 160 });
    const labelBottom = doc.y;
    doc.font(FONT).text(winAnsiText(String(line.value)), MARGIN + 170, y, { width: 550 });
    doc.y = Math.max(doc.y, labelBottom) + 4;
  }
}

function drawSummary(doc: PDFKit.PDFDocument, report: ProgressReport, labels: ReportLabels): void {
  doc.addPage();
  heading(doc, labels.summary, 16);
  for (const section of summarySections(report.summary, labels)) {
    const width = section.headings ? Math.min(240, 770 - (section.headings.length - 1) * 64) : 300;
    const columns: PdfColumn[] = (section.headings ?? ['', '']).map((text, i) => ({
      heading: text,
      width: i === 0 ? width : section.headings ? 64 : 120,
      align: i === 0 ? 'left' : 'right',
      maxLines: i === 0 ? 2 : 1,
    }));
    // A small table is kept on one page: estimated at 18 pt a row, 30 for the header and title.
    const needed = 60 + section.rows.length * 18;
    const usable = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
    const left = doc.page.height - doc.page.margins.bottom - doc.y;
    if (left < Math.min(needed, usable) || left < 80) doc.addPage();
    else doc.moveDown(0.6);
    if (section.title !== labels.summary) heading(doc, section.title, 11);
    const table = new PdfTable(doc, columns, {
      fontSize: 9,
      header: section.headings !== undefined,
      onPageBreak: () => heading(doc, `${section.title} ${labels.continued}`, 11),
    });
    table.start();
    for (const row of section.rows) table.drawRow(row.map(String));
  }
}

function drawCharts(doc: PDFKit.PDFDocument, charts: readonly ChartSvg[]): void {
  doc.addPage();
  const pageWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // Small enough for both charts to share a page when there are not too many tracks.
  const maxWidth = 560;
  for (const chart of charts) {
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(chart.svg) ?? [];
    const maxHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 80;
    const scale = Math.min(1, maxWidth / Number(w), maxHeight / Number(h));
    const width = Number(w) * scale;
    const height = Number(h) * scale;
    if (doc.y + height + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    heading(doc, chart.title, 12);
    // svg-to-pdfkit takes the size from the root element; the viewBox scales the drawing to it.
    const svg = chart.svg.replace(
      /^(<svg[^>]*?) width="\d+" height="\d+"/,
      `$1 width="${width}" height="${height}"`,
    );
    SVGtoPDF(doc, winAnsiText(svg), doc.page.margins.left, doc.y, {
      width,
      height,
      assumePt: true,
    });
    doc.y += height + 4;
    // The figures in words as well: the chart's text alternative, readable in any print.
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#000')
      .text(winAnsiText(chart.description), doc.page.margins.left, doc.y, { width: pageWidth });
    doc.moveDown(1);
  }
}
