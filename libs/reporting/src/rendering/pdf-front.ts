import { datedCoverLines, formatNumber } from '../progress/report-style';
import { FONT, FONT_BOLD, pdfText } from './pdf-fonts';
import { ACCENT, MARGIN, continuedHeading, type PdfContext } from './pdf-layout';
import type { StructElement } from './pdf-tags';

/** An entry of the table of contents: a named destination further on, maybe with sub-entries. */
export interface TocEntry {
  title: string;
  destination: string;
  children?: TocEntry[];
}

const LEFT_WIDTH = 430;
const TOC_X = 500;

/**
 * The cover: the title (H1), the report's particulars as a list, its key figures, and beside
 * them the table of contents with links to each section and track (the outline has them too).
 * Page numbers are not in the contents: the actions are streamed onto pages as they are read,
 * so a track's page is not known when the cover is written.
 */
export function drawCover(context: PdfContext, toc: readonly TocEntry[]): void {
  const { doc, tags, report, labels } = context;
  const root = tags.root;
  doc.addPage();
  tags.artifact(() => {
    doc.rect(0, 0, doc.page.width, 12).fill(ACCENT);
    doc.rect(MARGIN, 70, 6, 78).fill(ACCENT);
  });

  doc.font(FONT_BOLD).fontSize(30);
  const title = pdfText(doc, labels.title);
  doc.font(FONT).fontSize(20);
  const programme = pdfText(doc, report.header.programme.name);
  const programmeHeight = doc.heightOfString(programme, { width: LEFT_WIDTH - 20 });
  tags.block(root, 'H1', () => {
    doc.font(FONT_BOLD).fontSize(30).fillColor('#000');
    // The trailing space keeps the two lines two words apart for text extraction.
    doc.text(`${title} `, MARGIN + 20, 72, { lineBreak: false });
    doc.font(FONT).fontSize(20);
    doc.text(programme, MARGIN + 20, 72 + 38, { width: LEFT_WIDTH - 20 });
  });
  let y = Math.max(doc.y, 72 + 36 + programmeHeight) + 28;

  const list = tags.group(root, 'L');
  for (const line of datedCoverLines(report.header, labels)) {
    doc.font(FONT).fontSize(11);
    const value = pdfText(doc, line.value);
    const height = Math.max(14, doc.heightOfString(value, { width: LEFT_WIDTH - 130 }));
    const item = tags.group(list, 'LI');
    const top = y;
    tags.block(item, 'Lbl', () => {
      doc.font(FONT_BOLD).fontSize(11).fillColor('#000');
      doc.text(pdfText(doc, line.label), MARGIN, top, { width: 120 });
    });
    tags.block(item, 'LBody', () => {
      doc.font(FONT).fontSize(11).fillColor('#000');
      doc.text(value, MARGIN + 130, top, { width: LEFT_WIDTH - 130 });
    });
    item.end();
    y += height + 6;
  }
  list.end();

  drawKeyFigures(context, root, Math.max(y + 20, 400));
  drawContents(context, root, toc);
}

/** The four figures a reader looks for first, large. */
function drawKeyFigures(context: PdfContext, parent: StructElement, top: number): void {
  const { doc, tags, report, labels, pdf } = context;
  const { summary } = report;
  const f = labels.summaryFields;
  const figures: [string, number][] = [
    [f.total, summary.total],
    [f.open, summary.open],
    [f.closed, summary.closed],
    [f.overdue, summary.overdue],
  ];
  const box = { width: 100, height: 66, gap: 10 };
  if (top + 20 + box.height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    top = doc.page.margins.top;
  }
  doc.y = top;
  const section = tags.group(parent, 'Sect');
  tags.block(section, 'H2', () => {
    doc.font(FONT_BOLD).fontSize(13).fillColor(ACCENT);
    doc.text(pdfText(doc, pdf.keyFigures), MARGIN, top, { lineBreak: false });
  });
  const list = tags.group(section, 'L');
  figures.forEach(([label, value], i) => {
    const x = MARGIN + i * (box.width + box.gap);
    const y = top + 22;
    tags.artifact(() => {
      doc.rect(x, y, box.width, box.height).fill('#eef3f8');
      doc.rect(x, y, 4, box.height).fill(ACCENT);
    });
    const item = tags.group(list, 'LI');
    tags.block(item, 'LBody', () => {
      doc.font(FONT_BOLD).fontSize(24).fillColor('#000');
      doc.text(`${formatNumber(value, report.header.lang)} `, x + 12, y + 8, {
        width: box.width - 16,
        lineBreak: false,
      });
      doc.font(FONT).fontSize(9);
      doc.text(pdfText(doc, label), x + 12, y + 40, { width: box.width - 16, height: 24 });
    });
    item.end();
  });
  list.end();
  section.end();
  doc.fillColor('#000');
}

/** The table of contents: in the cover's right column, continued on pages of its own. */
function drawContents(context: PdfContext, parent: StructElement, entries: readonly TocEntry[]) {
  const { doc, tags, pdf } = context;
  let x = TOC_X;
  let width = doc.page.width - MARGIN - TOC_X;
  let y = 72;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const section = tags.group(parent, 'Sect');
  tags.artifact(() => {
    doc.rect(x - 16, 60, width + 16, bottom() - 60).fill('#f3f3f3');
  });
  tags.block(section, 'H2', () => {
    doc.font(FONT_BOLD).fontSize(16).fillColor(ACCENT);
    doc.text(pdfText(doc, pdf.contents), x, y, { lineBreak: false });
  });
  y += 30;

  const drawEntries = (list: StructElement, items: readonly TocEntry[], depth: number) => {
    for (const entry of items) {
      const size = depth === 0 ? 12 : 10;
      const lineHeight = size + 8;
      if (y + lineHeight > bottom()) {
        doc.addPage();
        continuedHeading(context, pdf.contents);
        x = MARGIN;
        width = doc.page.width - 2 * MARGIN;
        y = doc.y + 6;
      }
      const indent = x + depth * 14;
      const font = depth === 0 ? FONT_BOLD : FONT;
      doc.font(font).fontSize(size);
      const text = pdfText(doc, entry.title);
      const top = y;
      const item = tags.group(list, 'TOCI');
      // TOCI may hold a Reference (ISO 32000-1 table 333), which holds the Link.
      const reference = tags.group(item, 'Reference');
      const link = tags.group(reference, 'Link');
      link.add(() => {
        doc.font(font).fontSize(size).fillColor('#01689b');
        doc.text(text, indent, top, {
          width: width - depth * 14,
          lineBreak: false,
          ellipsis: true,
          underline: true,
        });
      });
      const textWidth = Math.min(doc.widthOfString(text), width - depth * 14);
      // The link's annotation belongs to the Link element (PDF/UA 7.18.5) and says where it goes.
      doc.goTo(indent, top, textWidth, size + 2, entry.destination, {
        structParent: link,
        Contents: new String(entry.title),
      } as unknown as PDFKit.Mixins.AnnotationOption);
      link.end();
      reference.end();
      y += lineHeight;
      if (entry.children && entry.children.length > 0) {
        const sub = tags.group(item, 'TOC');
        drawEntries(sub, entry.children, depth + 1);
        sub.end();
      }
      item.end();
    }
  };
  const toc = tags.group(section, 'TOC');
  drawEntries(toc, entries, 0);
  toc.end();
  section.end();
  doc.fillColor('#000');
}
