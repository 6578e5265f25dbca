import {
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportAction, ReportLanguage } from '../progress/progress-report.model';
import type { ReportLabels } from '../progress/report-labels';
import {
  HEALTH_SWATCH,
  STATUS_SWATCH,
  formatDay,
  formatMoment,
  formatNumber,
  type Swatch,
} from '../progress/report-style';
import { cleanText } from '@app/core';

/**
 * The annex of the draft letter: one table row per action. Word repeats the heading row on
 * every page (`tableHeader`) and keeps a row on one page (`cantSplit`), so a printed annex
 * never shows a row without its headings.
 */

/** The annex columns and their widths in twips (A4 landscape, 2 cm margins: 14,570 twips). */
const ANNEX_COLUMNS = [
  { key: 'track', width: 1700 },
  { key: 'title', width: 2700 },
  { key: 'ownerOrganisation', width: 1050 },
  { key: 'deadline', width: 1300 },
  { key: 'status', width: 1500 },
  { key: 'health', width: 1350 },
  { key: 'percentComplete', width: 950 },
  { key: 'latestNarrative', width: 4020 },
] as const;

const ANNEX_WIDTH = ANNEX_COLUMNS.reduce((sum, column) => sum + column.width, 0);

/** A4 in twips (1/20 pt); the annex turns it to landscape. */
export const A4 = { width: 11_906, height: 16_838 };
/** 2 cm margins all round. */
export const MARGIN = 1134;
/** The width between the margins of a portrait page (the letter). */
export const PORTRAIT_TEXT_WIDTH = A4.width - 2 * MARGIN;

export const HEADER_FILL = 'D9D9D9';
/**
 * The paragraph style of table text (9 pt, no space after, defined in the document's styles),
 * so the eight annex columns fit a landscape page; one style reference per paragraph costs
 * less than run properties on every run of a long annex.
 */
export const TABLE_TEXT_STYLE = 'TableText';

export function annexHeaderRow(labels: ReportLabels): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ANNEX_COLUMNS.map(
      (column) =>
        new TableCell({
          width: { size: column.width, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
          children: [
            new Paragraph({
              style: TABLE_TEXT_STYLE,
              children: [new TextRun({ text: labels.columns[column.key], bold: true })],
            }),
          ],
        }),
    ),
  });
}

/** One action as an annex row: status with its parliamentary term, colours with their words. */
export function annexRow(
  action: ReportAction,
  labels: ReportLabels,
  lang: ReportLanguage,
): TableRow {
  const narrative = action.latestNarrative;
  const texts: Record<(typeof ANNEX_COLUMNS)[number]['key'], string[]> = {
    track: [action.track?.name ?? labels.noTrack],
    title: [action.title],
    ownerOrganisation: [action.ownerOrganisation.code],
    deadline: [formatDay(action.deadline, lang)],
    status: [labels.status[action.status], `(${labels.statusParliament[action.status]})`],
    health: [labels.health[action.health]],
    percentComplete: [`${formatNumber(action.percentComplete, lang)}%`],
    latestNarrative: narrative
      ? [formatMoment(narrative.at, lang), ...lines(narrative.text)]
      : [labels.none],
  };
  return new TableRow({
    cantSplit: true,
    children: ANNEX_COLUMNS.map((column) => {
      const swatch: Swatch | undefined =
        column.key === 'status'
          ? STATUS_SWATCH[action.status]
          : column.key === 'health'
            ? HEALTH_SWATCH[action.health]
            : undefined;
      const color = swatch?.text.slice(1);
      // No width per cell: the table's grid (fixed layout) sets it, and a long annex is
      // lighter without.
      return new TableCell({
        ...(swatch
          ? { shading: { type: ShadingType.CLEAR, fill: swatch.fill.slice(1), color: 'auto' } }
          : {}),
        children: texts[column.key].map(
          (text, index) =>
            new Paragraph({
              style: TABLE_TEXT_STYLE,
              children: [
                new TextRun({
                  text: cleanText(text),
                  ...(color ? { color } : {}),
                  // The narrative's date, above its text.
                  ...(column.key === 'latestNarrative' && narrative && index === 0
                    ? { italics: true }
                    : {}),
                }),
              ],
            }),
        ),
      });
    }),
  });
}

export function annexTable(rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: ANNEX_WIDTH, type: WidthType.DXA },
    columnWidths: ANNEX_COLUMNS.map((column) => column.width),
    layout: TableLayoutType.FIXED,
  });
}

/** User text (a narrative: at most 10,000 characters) as XML-safe lines, one paragraph each. */
export function lines(text: string): string[] {
  return cleanText(text).split('\n');
}
