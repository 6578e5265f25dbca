import type ExcelJS from 'exceljs';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionHealth,
  type ActionStatus,
} from '@app/tracking';
import type { ProgressReport, ReportLanguage } from '../progress/progress-report.model';
import type { ReportLabels } from '../progress/report-labels';
import {
  HEALTH_SWATCH,
  STATUS_SWATCH,
  formatDateOrMoment,
  type Swatch,
} from '../progress/report-style';
import { truncate } from './render-text';

/** How the workbook's sheets print and look: page setup, header and footer, cell styles. */

/** The workbook's font (exceljs's default); named on every font, else readers pick a serif one. */
const FONT = { name: 'Calibri', size: 11 } as const;
export const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
export const font = (extra: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> => ({
  ...FONT,
  ...extra,
});
export const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9D9D9' },
};
const LINE: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
/** Thin grey lines around a table's cells: the streaming writer cannot print gridlines. */
export const BORDER: Partial<ExcelJS.Borders> = {
  top: LINE,
  left: LINE,
  bottom: LINE,
  right: LINE,
};

/** `Pagina &P van &N`: Excel fills in the page and the number of pages when it prints. */
const PAGE_OF: Record<ReportLanguage, string> = {
  nl: 'Pagina &P van &N',
  en: 'Page &P of &N',
};
/** A header or footer section holds at most 255 characters, codes included. */
const MAX_PROGRAMME_NAME = 100;

/** Text in a header or footer: `&` starts a code there, `&&` is an ampersand. */
const literal = (text: string) => text.replace(/&/g, '&&');

/**
 * Landscape A4, one page wide and as many pages long as needed, narrow side margins (inches),
 * the report's title and moment in the header, when it was made and the page number in the
 * footer. `printTitlesRow` repeats those rows at the top of every printed page.
 */
export function printSetup(
  report: Pick<ProgressReport, 'header'>,
  labels: ReportLabels,
  extra: Partial<Pick<ExcelJS.PageSetup, 'printTitlesRow' | 'printArea'>> = {},
): Pick<ExcelJS.AddWorksheetOptions, 'pageSetup' | 'headerFooter'> {
  const { header } = report;
  const title = `${labels.title} ${truncate(header.programme.name, MAX_PROGRAMME_NAME)}`;
  const asOf = `${labels.asOf}: ${formatDateOrMoment(header.asOf, header.lang)}`;
  const made = `${labels.generatedAt}: ${formatDateOrMoment(header.generatedAt, header.lang)}`;
  return {
    pageSetup: {
      orientation: 'landscape',
      // A4 (ExcelJS.PaperSize.A4: a const enum, which isolated modules cannot read).
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...extra,
    },
    headerFooter: {
      oddHeader: `&L&B${literal(title)}&B&R${literal(asOf)}`,
      oddFooter: `&L${literal(made)}&R${PAGE_OF[header.lang]}`,
    },
  };
}

export interface SwatchStyle {
  fill: ExcelJS.Fill;
  font: Partial<ExcelJS.Font>;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function swatchStyle(swatch: Swatch): SwatchStyle {
  return {
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(swatch.fill) } },
    font: font({ color: { argb: argb(swatch.text) } }),
  };
}

/**
 * The colours of status and health cells, from the report style (contrast ≥ 4.5:1 there); the
 * cells hold the words too, so colour never carries the meaning alone. `byLabel` finds them by
 * the words the labels give, for the summary's tables.
 */
export function swatchStyles(labels?: ReportLabels): {
  status: Record<ActionStatus, SwatchStyle>;
  health: Record<ActionHealth, SwatchStyle>;
  byLabel: Map<string, SwatchStyle>;
} {
  const status = Object.fromEntries(
    ACTION_STATUSES.map((s) => [s, swatchStyle(STATUS_SWATCH[s])]),
  ) as Record<ActionStatus, SwatchStyle>;
  const health = Object.fromEntries(
    ACTION_HEALTHS.map((h) => [h, swatchStyle(HEALTH_SWATCH[h])]),
  ) as Record<ActionHealth, SwatchStyle>;
  const byLabel = new Map<string, SwatchStyle>();
  if (labels) {
    for (const s of ACTION_STATUSES) byLabel.set(labels.status[s], status[s]);
    for (const h of ACTION_HEALTHS) byLabel.set(labels.health[h], health[h]);
  }
  return { status, health, byLabel };
}

/** Points per line of 11-point Calibri, and Excel's highest row (409 points). */
const LINE_HEIGHT = 15;
const MAX_LINES = 27;
/**
 * Characters of Dutch text per unit of column width (the width of a digit), on average: fewer
 * in bold (headings).
 */
const CHARS_PER_WIDTH = { regular: 1.2, bold: 1.0 } as const;
export type Weight = keyof typeof CHARS_PER_WIDTH;

/**
 * The number of lines a text takes in a column `width` characters wide, wrapped at spaces as
 * a spreadsheet does (a word longer than a line is broken).
 */
export function wrappedLines(text: string, width: number, weight: Weight = 'regular'): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH[weight]));
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length > perLine) {
        lines++;
        used = word.length;
      } else {
        used += (used > 0 ? 1 : 0) + word.length;
      }
      for (; used > perLine; used -= perLine) lines++;
    }
  }
  return lines;
}

/**
 * The height (points) of a row whose wrapped cells hold `texts` in columns of `widths`, or
 * undefined for one line. Set on the row rather than left to the reader: LibreOffice (7.4)
 * leaves a row without a height at one line and cuts the rest of a wrapped text off, on the
 * screen and on paper. Capped at Excel's highest row; a longer text is cut off there.
 */
export function rowHeight(
  texts: readonly (string | null)[],
  widths: readonly number[],
  weight: Weight = 'regular',
): number | undefined {
  let lines = 1;
  texts.forEach((text, index) => {
    if (text) lines = Math.max(lines, wrappedLines(text, widths[index], weight));
  });
  return lines > 1 ? Math.min(lines, MAX_LINES) * LINE_HEIGHT : undefined;
}
