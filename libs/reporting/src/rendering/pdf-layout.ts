import type { ProgressReport } from '../progress/progress-report.model';
import type { ReportLabels } from '../progress/report-labels';
import type { PdfLabels } from './pdf-labels';
import { FONT, FONT_BOLD, pdfText } from './pdf-fonts';
import type { PdfTags, StructElement } from './pdf-tags';

export const MARGIN = 36;
export const FOOTER_HEIGHT = 18;
/** Rijkshuisstijl lintblauw: the cover's band and the headings' rule. */
export const ACCENT = '#154273';

/** What the parts of the PDF renderer share. */
export interface PdfContext {
  doc: PDFKit.PDFDocument;
  tags: PdfTags;
  report: ProgressReport;
  labels: ReportLabels;
  pdf: PdfLabels;
}

/** The width between the margins. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Space left on the page below the cursor. */
export function spaceLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

const HEADING_SIZE = { H1: 28, H2: 16, H3: 12 } as const;

/**
 * A heading (`H2`/`H3`) at the cursor, with a named destination for the table of contents'
 * links. `keepWith` is the height that must fit below it (else it starts a new page), so a
 * heading never stands alone at the foot of a page.
 */
export function heading(
  context: PdfContext,
  parent: StructElement,
  level: 'H2' | 'H3',
  text: string,
  options: { destination?: string; keepWith?: number; x?: number; width?: number } = {},
): void {
  const { doc, tags } = context;
  const size = HEADING_SIZE[level];
  const x = options.x ?? doc.page.margins.left;
  const width = options.width ?? contentWidth(doc);
  doc.font(FONT_BOLD).fontSize(size);
  const clean = pdfText(doc, text);
  const height = doc.heightOfString(clean, { width });
  if (spaceLeft(doc) < height + 8 + (options.keepWith ?? 40)) doc.addPage();
  const y = doc.y;
  if (options.destination) doc.addNamedDestination(options.destination, 'XYZ', 0, y, null);
  tags.block(parent, level, () => {
    doc
      .font(FONT_BOLD)
      .fontSize(size)
      .fillColor(level === 'H2' ? ACCENT : '#000');
    doc.text(clean, x, y, { width });
  });
  doc.fillColor('#000');
  doc.y = y + height + (level === 'H2' ? 6 : 3);
  doc.x = doc.page.margins.left;
}

/** A heading repeated after a page break ("… (vervolg)"): page furniture, not read twice. */
export function continuedHeading(context: PdfContext, text: string, x?: number): void {
  const { doc, tags, labels } = context;
  const y = doc.y;
  tags.artifact(() => {
    doc.font(FONT_BOLD).fontSize(HEADING_SIZE.H3).fillColor('#000');
    doc.text(pdfText(doc, `${text} ${labels.continued}`), x ?? doc.page.margins.left, y, {
      lineBreak: false,
    });
  }, 'Pagination');
  doc.y = y + doc.currentLineHeight(true) + 3;
}

/** A paragraph that fits on the page (the caller checks); returns its height. */
export function paragraph(
  context: PdfContext,
  parent: StructElement,
  text: string,
  options: { x: number; y: number; width: number; size: number },
): number {
  const { doc, tags } = context;
  doc.font(FONT).fontSize(options.size);
  const clean = pdfText(doc, text);
  const height = doc.heightOfString(clean, { width: options.width });
  tags.block(parent, 'P', () => {
    doc.font(FONT).fontSize(options.size).fillColor('#000');
    doc.text(clean, options.x, options.y, { width: options.width });
  });
  return height;
}
