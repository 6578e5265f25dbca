import type { Swatch } from '../progress/report-style';
import { FONT, FONT_BOLD, pdfText } from './pdf-fonts';
import type { PdfTags, StructElement } from './pdf-tags';

export interface PdfColumn {
  heading: string;
  width: number;
  align?: 'left' | 'right';
  /** Lines a cell may wrap to before it is cut off with an ellipsis (default 1). */
  maxLines?: number;
}

export interface PdfTableOptions {
  fontSize: number;
  /** The left edge (default: the page's left margin). */
  x?: number;
  /** Called after a page break, before the repeated header row (e.g. a "continued" heading). */
  onPageBreak?: () => void;
  /** Whether the table has a header row (a list of figures does not). */
  header?: boolean;
  /** Whether each row's first cell heads its row (a `TH` with scope Row). */
  rowHeaders?: boolean;
  /** Colours of header cells (status and health words on their colour), by column. */
  headerSwatch?: (column: number) => Swatch | undefined;
}

const PADDING = 3;
const LINE_GAP = 1;
const ELLIPSIS = '…';
const HEADER_FILL = '#d9d9d9';
/** Remembered word widths are dropped past this many (memory stays bounded). */
const MAX_CACHED_WIDTHS = 50_000;

/**
 * A tagged table drawn row by row straight into the PDF: `Table` → `TR` → `TH` (scope Column
 * or Row) / `TD`. After a page break the header row is drawn again as a pagination artifact,
 * so the table stays one table to a screen reader, its header cells read once. Each row's
 * elements are ended when it is drawn, so PDFKit writes them out at once; the table keeps one
 * small reference per row until it ends.
 *
 * Cells are wrapped here rather than by PDFKit's line wrapper: with word widths remembered
 * (report text repeats its words), a row is measured once and drawn as single lines, which
 * makes a 100,000-action PDF about three times faster.
 */
export class PdfTable {
  private readonly lineHeight: number;
  private readonly widths = new Map<string, number>();
  private readonly spaceWidth: number;
  private table: StructElement | undefined;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly tags: PdfTags,
    private readonly parent: StructElement,
    private readonly columns: readonly PdfColumn[],
    private readonly options: PdfTableOptions,
  ) {
    doc.font(FONT).fontSize(options.fontSize);
    this.lineHeight = doc.currentLineHeight(true) + LINE_GAP;
    this.spaceWidth = doc.widthOfString(' ');
  }

  /** Space left on the page below the cursor. */
  spaceLeft(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.doc.y;
  }

  /** Starts the table: the header row, on a new page if not even one row fits below it. */
  start(): void {
    if (this.spaceLeft() < this.lineHeight * 3 + PADDING * 4) this.doc.addPage();
    this.table = this.tags.group(this.parent, 'Table');
    if (this.options.header !== false) this.drawHeader(true);
  }

  /** A row of text cells; `swatches` colours cells (their words stay: colour is never alone). */
  drawRow(values: readonly string[], swatches?: readonly (Swatch | undefined)[]): void {
    this.doc.font(FONT).fontSize(this.options.fontSize);
    const lines = values.map((value, i) => {
      const maxLines = this.columns[i].maxLines ?? 1;
      // Blank lines would waste a compact table's few lines; one line has no breaks at all.
      const text = pdfText(this.doc, value).replace(/[ ]*\n\s*/g, maxLines > 1 ? '\n' : ' ');
      return this.wrap(text, this.columns[i].width - PADDING * 2, maxLines);
    });
    this.drawLines(lines, 'body', swatches ?? []);
  }

  /** Ends the table's element: call after its last row. */
  end(): void {
    this.table?.end();
  }

  private drawHeader(tagged: boolean): void {
    const { doc } = this;
    doc.font(FONT_BOLD).fontSize(this.options.fontSize);
    // Bold widths differ from the body's: measure without the cache.
    const boldWidth = (text: string): number => doc.widthOfString(text);
    const lines = this.columns.map((c) =>
      this.wrap(pdfText(doc, c.heading), c.width - PADDING * 2, 3, boldWidth),
    );
    const swatches = this.columns.map((_, i) => this.options.headerSwatch?.(i));
    this.drawLines(lines, tagged ? 'header' : 'repeatedHeader', swatches, boldWidth);
    doc.font(FONT).fontSize(this.options.fontSize);
  }

  private pageBreak(): void {
    this.doc.addPage();
    this.options.onPageBreak?.();
    this.doc.font(FONT).fontSize(this.options.fontSize);
    if (this.options.header !== false) this.drawHeader(false);
  }

  private drawLines(
    cells: readonly string[][],
    kind: 'header' | 'repeatedHeader' | 'body',
    swatches: readonly (Swatch | undefined)[],
    widthOf: (text: string) => number = (t) => this.widthOf(t),
  ): void {
    const { doc, tags } = this;
    const rowHeight = Math.max(1, ...cells.map((c) => c.length)) * this.lineHeight + PADDING * 2;
    if (this.spaceLeft() < rowHeight) this.pageBreak();
    const left = this.left();
    const top = doc.y;
    const header = kind !== 'body';
    tags.artifact(
      () => {
        if (header) doc.rect(left, top, this.width(), rowHeight).fill(HEADER_FILL);
        let x = left;
        this.columns.forEach((column, i) => {
          const swatch = swatches[i];
          if (swatch && header) doc.rect(x, top, column.width, rowHeight).fill(swatch.fill);
          else if (swatch && cells[i].length > 0) {
            // A badge around the words: their colour, the words still there to read.
            const textWidth = Math.max(...cells[i].map((line) => this.lineWidth(line, widthOf)));
            const badgeWidth = Math.min(column.width - 2, textWidth + PADDING + 1);
            const badgeX = column.align === 'right' ? x + column.width - 1 - badgeWidth : x + 1;
            doc
              .roundedRect(badgeX, top + 1.5, badgeWidth, cells[i].length * this.lineHeight + 2, 2)
              .fill(swatch.fill);
          }
          x += column.width;
        });
        doc
          .moveTo(left, top + rowHeight)
          .lineTo(left + this.width(), top + rowHeight)
          .lineWidth(header ? 1 : 0.3)
          .strokeColor(header ? '#000' : '#808080')
          .stroke();
      },
      kind === 'repeatedHeader' ? 'Pagination' : 'Layout',
    );

    const drawCell = (i: number, x: number): void => {
      const column = this.columns[i];
      doc.fillColor(swatches[i]?.text ?? '#000');
      cells[i].forEach((line, n) => {
        const textWidth = this.lineWidth(line, widthOf);
        const offset = column.align === 'right' ? column.width - PADDING * 2 - textWidth : 0;
        // `textWidth` spares PDFKit measuring the line again (it is what its own wrapper passes).
        const options: PDFKit.Mixins.TextOptions & { textWidth: number } = {
          lineBreak: false,
          textWidth,
        };
        // The trailing space (invisible) makes the last word the one PDFKit has already shaped.
        doc.text(`${line} `, x + PADDING + offset, top + PADDING + n * this.lineHeight, options);
      });
    };

    if (kind === 'repeatedHeader') {
      tags.artifact(() => {
        let x = left;
        this.columns.forEach((column, i) => {
          drawCell(i, x);
          x += column.width;
        });
      }, 'Pagination');
    } else {
      const row = tags.group(this.table!, 'TR');
      let x = left;
      this.columns.forEach((column, i) => {
        const headsRow = !header && i === 0 && this.options.rowHeaders === true;
        const cell = tags.group(row, header || headsRow ? 'TH' : 'TD', {
          ...(header ? { scope: 'Column' as const } : headsRow ? { scope: 'Row' as const } : {}),
        });
        const cellX = x;
        if (cells[i].length > 0) cell.add(() => drawCell(i, cellX));
        cell.end();
        x += column.width;
      });
      row.end();
    }
    doc.fillColor('#000');
    doc.x = left;
    doc.y = top + rowHeight;
  }

  /** Breaks text into at most `maxLines` lines of `width`, the last cut with an ellipsis. */
  private wrap(
    text: string,
    width: number,
    maxLines: number,
    widthOf: (text: string) => number = (t) => this.widthOf(t),
  ): string[] {
    if (text === '') return [];
    const space = widthOf(' ');
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    const parts = text.split(/([ \n])/);
    for (let i = 0; i < parts.length; i += 2) {
      let word = parts[i];
      const forcedBreak = parts[i - 1] === '\n';
      let wordWidth = widthOf(word);
      if (line !== '' && (forcedBreak || lineWidth + space + wordWidth > width)) {
        lines.push(line);
        line = '';
        lineWidth = 0;
        if (lines.length === maxLines) break;
      }
      // A word wider than the cell (a long URL) is cut into pieces that fit.
      while (wordWidth > width && word.length > 1) {
        let fits = 1;
        while (fits < word.length && widthOf(word.slice(0, fits + 1)) <= width) fits++;
        lines.push(word.slice(0, fits));
        word = word.slice(fits);
        wordWidth = widthOf(word);
        if (lines.length === maxLines) break;
      }
      if (lines.length === maxLines) break;
      if (word === '') continue;
      line = line === '' ? word : `${line} ${word}`;
      lineWidth = line === word ? wordWidth : lineWidth + space + wordWidth;
    }
    const complete = lines.length < maxLines;
    if (complete) {
      if (line !== '') lines.push(line);
      return lines;
    }
    const room = width - widthOf(ELLIPSIS);
    const kept = lines[maxLines - 1].split(' ');
    while (kept.length > 1 && this.lineWidth(kept.join(' '), widthOf) > room) kept.pop();
    let last = kept.join(' ');
    // One word too wide for the room: cut it (rare, so measured without the cache).
    while (last.length > 0 && this.doc.widthOfString(last) > room) last = last.slice(0, -1);
    lines[maxLines - 1] = `${last.trimEnd()}${ELLIPSIS}`;
    return lines;
  }

  /** The width of a line from its words' widths (kerning around spaces is negligible here). */
  private lineWidth(
    line: string,
    widthOf: (text: string) => number = (t) => this.widthOf(t),
  ): number {
    const words = line.split(' ');
    return words.reduce((sum, word) => sum + widthOf(word), 0) + (words.length - 1) * widthOf(' ');
  }

  /** The width of a word in the body font, remembered: most cells repeat their words. */
  private widthOf(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      if (this.widths.size >= MAX_CACHED_WIDTHS) this.widths.clear();
      // Measured with the space after it: PDFKit shapes and remembers text word by word, each
      // word with its trailing space, and the lines are drawn with one too (see `drawLines`),
      // so every word is shaped once (OpenType shaping is most of an embedded font's cost).
      width = this.doc.widthOfString(`${text} `) - this.spaceWidth;
      this.widths.set(text, width);
    }
    return width;
  }

  private left(): number {
    return this.options.x ?? this.doc.page.margins.left;
  }

  /** The table's width. */
  width(): number {
    return this.columns.reduce((sum, c) => sum + c.width, 0);
  }
}
