import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ProgressReport, ReportTrack } from '../progress/progress-report.model';
import { reportLabels, type ReportColumn } from '../progress/report-labels';
import {
  HEALTH_SWATCH,
  STATUS_SWATCH,
  formatDateOrMoment,
  formatDay,
  formatNumber,
} from '../progress/report-style';
import { actionCells } from '../progress/report-table';
import { healthChartSvg, statusByTrackChartSvg } from './charts';
import { keepPace } from '@app/core';
import { FONT, pdfText, registerFonts, trimFontCaches } from './pdf-fonts';
import { drawCover, type TocEntry } from './pdf-front';
import { pdfLabels } from './pdf-labels';
import {
  FOOTER_HEIGHT,
  MARGIN,
  continuedHeading,
  heading,
  paragraph,
  type PdfContext,
} from './pdf-layout';
import { drawCharts, drawSummary } from './pdf-summary';
import { PdfTable, type PdfColumn } from './pdf-table';
import { PdfTags } from './pdf-tags';
import { PROGRESS_EVERY, YIELD_EVERY } from './render-output';

/** The compact per-action columns of the PDF (A4 landscape: 770 pt between the margins). */
const PDF_COLUMNS: readonly (Omit<PdfColumn, 'heading'> & { column: ReportColumn })[] = [
  { column: 'title', width: 172, maxLines: 3 },
  { column: 'ownerOrganisation', width: 50 },
  { column: 'deadline', width: 70, maxLines: 2 },
  { column: 'status', width: 70, maxLines: 2 },
  { column: 'health', width: 62, maxLines: 2 },
  { column: 'percentComplete', width: 40, align: 'right' },
  { column: 'verification', width: 80, maxLines: 2 },
  { column: 'latestNarrative', width: 226, maxLines: 4 },
];

/** The size of the chunks written to the output. */
const OUTPUT_CHUNK = 64 * 1024;

/** How often PDFKit's word layouts are forgotten (see `trimFontCaches`). */
const TRIM_EVERY = 2000;

/** A track's named destination (the table of contents links to it). */
const trackDestination = (track: ReportTrack | null) => `track-${track?.id ?? 'none'}`;

/**
 * Writes the report as a tagged PDF (PDF/UA-1 in intent, A4 landscape) to `out` (not ended:
 * the caller ends it): a cover with the particulars, key figures and contents, the summary
 * tables, the two charts, then the actions per track. Text is Source Sans 3, embedded; dates
 * and numbers are written the Dutch way (`report-style.ts`). Pages are written as they are
 * finished (no page buffering), so memory stays flat for 100,000 actions; the footer therefore
 * says "Pagina N" without the total. `onProgress` gets the number of actions written so far.
 */
export async function renderPdf(
  report: ProgressReport,
  out: Writable,
  onProgress?: (actionsDone: number) => void,
): Promise<void> {
  const { header, summary } = report;
  const lang = header.lang;
  const labels = reportLabels(lang);
  const pdf = pdfLabels(lang);
  const title = `${labels.title} ${header.programme.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    autoFirstPage: false,
    bufferPages: false,
    pdfVersion: '1.7',
    tagged: true,
    // PDFKit writes the PDF/UA identification (pdfuaid:part 1) into the XMP metadata.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    lang: pdf.lang,
    displayTitle: true,
    info: {
      Title: title,
      Author: header.programme.name,
      Subject: `${title}, ${labels.asOf.toLowerCase()} ${formatDateOrMoment(header.asOf, lang)}`,
      Keywords: `${labels.title}, ${header.programme.name}`,
      Creator: pdf.creator,
      CreationDate: new Date(header.generatedAt),
    },
  });
  registerFonts(doc);
  doc.font(FONT);
  // PDFKit emits every line of every object as a chunk of its own: tens of chunks an action.
  // Collected into larger chunks and written straight to `out`, nothing waits unseen inside
  // PDFKit's stream, so `keepPace(out)` holds the renderer back when the reader is slow.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pendingBytes === 0) return;
    out.write(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  doc.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= OUTPUT_CHUNK) flush();
  });
  const written = new Promise<void>((resolve, reject) => {
    doc.once('end', () => {
      flush();
      resolve();
    });
    doc.once('error', reject);
  });
  const tags = new PdfTags(doc);
  const context: PdfContext = { doc, tags, report, labels, pdf };
  let pageNumber = 0;
  doc.on('pageAdded', () => drawFooter(context, ++pageNumber));

  const tracks: TocEntry[] = summary.byTrack
    .filter((t) => t.total > 0)
    .map((t) => ({
      title: t.track?.name ?? labels.noTrack,
      destination: trackDestination(t.track),
    }));
  drawCover(context, [
    { title: labels.summary, destination: 'summary' },
    { title: pdf.charts, destination: 'charts' },
    { title: labels.actions, destination: 'actions', children: tracks },
  ]);
  drawSummary(context, tags.root);
  drawCharts(context, tags.root, [
    statusByTrackChartSvg(summary, labels),
    healthChartSvg(summary, labels),
  ]);

  doc.addPage();
  const actions = tags.group(tags.root, 'Sect');
  heading(context, actions, 'H2', labels.actions, { destination: 'actions' });
  const outline = (doc.outline as unknown as OutlineItem).addItem(labels.actions, {
    expanded: true,
  });
  const columns = PDF_COLUMNS.map((c) => ({ ...c, heading: labels.columns[c.column] }));
  let done = 0;
  let track: ReportTrack | null | undefined = undefined;
  let trackSection: PDFKit.PDFStructureElement | null = null;
  let table: PdfTable | null = null;
  for await (const action of report.actions) {
    if (track === undefined || track?.id !== action.track?.id) {
      table?.end();
      trackSection?.end();
      track = action.track;
      const name = action.track?.name ?? labels.noTrack;
      if (doc.y > doc.page.height / 2 && done > 0) doc.addPage();
      else doc.moveDown(0.5);
      trackSection = tags.group(actions, 'Sect');
      heading(context, trackSection, 'H3', name, {
        destination: trackDestination(action.track),
        keepWith: 60,
      });
      outline.addItem(name);
      table = new PdfTable(doc, tags, trackSection, columns, {
        fontSize: 8,
        onPageBreak: () => continuedHeading(context, name),
      });
      table.start();
    }
    const cells = actionCells(action, labels);
    table!.drawRow(
      PDF_COLUMNS.map(({ column }) => {
        const cell = cells[column];
        if (cell === null) return '';
        if (typeof cell === 'number') return formatNumber(cell, lang);
        return column === 'deadline' ? formatDay(cell, lang) : formatDateOrMoment(cell, lang);
      }),
      PDF_COLUMNS.map(({ column }) =>
        column === 'status'
          ? STATUS_SWATCH[action.status]
          : column === 'health'
            ? HEALTH_SWATCH[action.health]
            : undefined,
      ),
    );
    done++;
    if (done % YIELD_EVERY === 0) await keepPace(out);
    if (done % TRIM_EVERY === 0) trimFontCaches(doc);
    if (done % PROGRESS_EVERY === 0) onProgress?.(done);
  }
  table?.end();
  trackSection?.end();
  if (done === 0) {
    paragraph(context, actions, labels.none, {
      x: MARGIN,
      y: doc.y,
      width: 300,
      size: 10,
    });
  }
  actions.end();
  tags.root.end();
  doc.end();
  await written;
  onProgress?.(done);
}

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
}

/** The footer: title, programme, report day and page number, as pagination artifacts. */
function drawFooter(context: PdfContext, pageNumber: number): void {
  const { doc, tags, report, labels } = context;
  const { margins } = doc.page;
  const bottom = margins.bottom;
  // Writing below the bottom margin would start a new page: lift it while the footer is drawn.
  margins.bottom = 0;
  const y = doc.page.height - MARGIN - 4;
  const width = doc.page.width - margins.left - margins.right;
  const day = formatDay(report.header.reportDate, report.header.lang);
  tags.artifact(() => {
    doc.font(FONT).fontSize(8).fillColor('#000');
    doc.text(
      pdfText(doc, `${labels.title} — ${report.header.programme.name} — ${day}`),
      margins.left,
      y,
      { width: width - 80, lineBreak: false, ellipsis: true },
    );
    doc.text(labels.page(pageNumber), margins.left + width - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
  }, 'Pagination');
  margins.bottom = bottom;
  doc.x = margins.left;
  doc.y = margins.top;
}
