import SVGtoPDF from 'svg-to-pdfkit';
import { ACTION_HEALTHS, ACTION_STATUSES } from '@app/tracking';
import { HEALTH_SWATCH, STATUS_SWATCH, formatNumber, type Swatch } from '../progress/report-style';
import { summarySections, type SummarySection } from '../progress/report-table';
import type { ReportLanguage } from '../progress/progress-report.model';
import type { ChartSvg } from './charts';
import { FONT, pdfText, svgFont } from './pdf-fonts';
import {
  contentWidth,
  continuedHeading,
  heading,
  paragraph,
  spaceLeft,
  type PdfContext,
} from './pdf-layout';
import { PdfTable, type PdfColumn } from './pdf-table';
import type { StructElement } from './pdf-tags';

const FIRST_COLUMN = 190;
const FIGURE_COLUMN = 54;
const GAP = 16;
const ROW_ESTIMATE = 15;

/** A summary cell as people read it: `12.345`, and `1.234 / 2.000 (62%)`. */
function summaryCell(value: string | number, lang: ReportLanguage): string {
  if (typeof value === 'number') return formatNumber(value, lang);
  return /^\d+ \/ \d+( \(\d+%\))?$/.test(value)
    ? value.replace(/\d+/g, (n) => formatNumber(Number(n), lang))
    : value;
}

/**
 * Status and health in colour beside their words: the rows of "status and health" and the
 * columns of the per-track table (the words are in the cells, colour is never alone).
 */
function sectionColours(section: SummarySection, context: PdfContext) {
  const f = context.labels.summaryFields;
  const none = (): Swatch | undefined => undefined;
  if (section.title === f.byStatusAndHealth) {
    return {
      header: (i: number) => (i >= 1 && i <= 4 ? HEALTH_SWATCH[ACTION_HEALTHS[i - 1]] : undefined),
      row: (r: number) => [STATUS_SWATCH[ACTION_STATUSES[r]]],
    };
  }
  if (section.title === f.byTrack) {
    return {
      header: (i: number) => (i >= 4 ? STATUS_SWATCH[ACTION_STATUSES[i - 4]] : undefined),
      row: () => [],
    };
  }
  return { header: none, row: () => [] };
}

/**
 * The summary (H2) and its tables (each under an H3), flowed like words: a table goes beside
 * the one before when it fits, else starts a new row below the tallest of the row. So the
 * pages fill, and the reading order (the tables' order) runs left to right, top to bottom.
 */
export function drawSummary(context: PdfContext, parent: StructElement): void {
  const { doc, labels, report } = context;
  const lang = report.header.lang;
  doc.addPage();
  const section = context.tags.group(parent, 'Sect');
  heading(context, section, 'H2', labels.summary, { destination: 'summary' });
  (doc.outline as unknown as { addItem(title: string): unknown }).addItem(labels.summary);
  const left = doc.page.margins.left;
  const right = left + contentWidth(doc);
  let x = left;
  let rowTop = doc.y;
  let rowBottom = doc.y;
  for (const part of summarySections(report.summary, labels)) {
    const count = part.headings?.length ?? 2;
    const width = FIRST_COLUMN + (count - 1) * FIGURE_COLUMN;
    const needed = 60 + Math.min(part.rows.length, 10) * ROW_ESTIMATE;
    if (x > left && (x + width > right || rowTop + needed > pageBottom(doc))) {
      x = left;
      rowTop = rowBottom + 10;
    }
    doc.y = rowTop;
    if (spaceLeft(doc) < needed) {
      doc.addPage();
      x = left;
      rowTop = rowBottom = doc.y;
    }
    const page = doc.page;
    const sub = context.tags.group(section, 'Sect');
    if (part.title !== labels.summary) heading(context, sub, 'H3', part.title, { x, width });
    const columns: PdfColumn[] = (part.headings ?? ['', '']).map((text, i) => ({
      heading: text,
      width: i === 0 ? FIRST_COLUMN : FIGURE_COLUMN,
      align: i === 0 ? 'left' : 'right',
      maxLines: 2,
    }));
    const colours = sectionColours(part, context);
    const table = new PdfTable(doc, context.tags, sub, columns, {
      fontSize: 9,
      x,
      header: part.headings !== undefined,
      rowHeaders: true,
      headerSwatch: colours.header,
      onPageBreak: () => continuedHeading(context, part.title, x),
    });
    table.start();
    part.rows.forEach((row, r) =>
      table.drawRow(
        row.map((value) => summaryCell(value, lang)),
        colours.row(r),
      ),
    );
    table.end();
    sub.end();
    if (doc.page !== page) {
      // The table ran over a page: the next one starts below it.
      x = right;
      rowTop = rowBottom = doc.y;
    } else {
      x += width + GAP;
      rowBottom = Math.max(rowBottom, doc.y);
    }
  }
  doc.x = left;
  doc.y = rowBottom + 12;
  section.end();
}

function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

const CHART_WIDTH = 500;

/**
 * The charts (H2 "Grafieken", an H3 each): the chart as a `Figure` whose alternative text states
 * its figures (the HTML report's text alternative), and the same words printed beside it.
 */
export function drawCharts(
  context: PdfContext,
  parent: StructElement,
  charts: readonly ChartSvg[],
): void {
  const { doc, tags, pdf } = context;
  const section = tags.group(parent, 'Sect');
  heading(context, section, 'H2', pdf.charts, { destination: 'charts', keepWith: 200 });
  (doc.outline as unknown as { addItem(title: string): unknown }).addItem(pdf.charts);
  const left = doc.page.margins.left;
  const textX = left + CHART_WIDTH + 20;
  const textWidth = contentWidth(doc) - CHART_WIDTH - 20;
  for (const chart of charts) {
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(chart.svg) ?? [];
    const usable = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 40;
    const scale = Math.min(1, CHART_WIDTH / Number(w), usable / Number(h));
    const width = Number(w) * scale;
    const height = Number(h) * scale;
    const sub = tags.group(section, 'Sect');
    heading(context, sub, 'H3', chart.title, { keepWith: height + 8 });
    const top = doc.y;
    // svg-to-pdfkit takes the size from the root element; the viewBox scales the drawing to it.
    doc.font(FONT);
    const svg = pdfText(doc, chart.svg).replace(
      /^(<svg[^>]*?) width="\d+" height="\d+"/,
      `$1 width="${width}" height="${height}"`,
    );
    tags.block(
      sub,
      'Figure',
      () =>
        SVGtoPDF(doc, svg, left, top, {
          width,
          height,
          assumePt: true,
          fontCallback: (family, bold) => svgFont(family, bold),
        }),
      { alt: chart.description, bbox: [left, top, left + width, top + height], placement: 'Block' },
    );
    const textHeight = paragraph(context, sub, chart.description, {
      x: textX,
      y: top + 4,
      width: textWidth,
      size: 10,
    });
    sub.end();
    doc.y = top + Math.max(height, textHeight) + 14;
    doc.x = left;
  }
  section.end();
}
