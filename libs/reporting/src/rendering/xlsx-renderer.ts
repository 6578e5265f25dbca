import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ProgressReport } from '../progress/progress-report.model';
import {
  REPORT_COLUMNS,
  reportLabels,
  type ReportColumn,
  type ReportLabels,
} from '../progress/report-labels';
import { EXCEL_NL_FORMAT, datedCoverLines } from '../progress/report-style';
import { COLUMN_TYPES, actionCells, summarySections, type Cell } from '../progress/report-table';
import { amsterdamWallClock, cleanText, keepPace } from '@app/core';
import { PROGRESS_EVERY, YIELD_EVERY } from './render-output';
import { truncate } from './render-text';
import {
  BORDER,
  BOLD,
  HEADER_FILL,
  font,
  printSetup,
  rowHeight,
  swatchStyles,
  type SwatchStyle,
} from './xlsx-print';

/** Number formats of dates: the Dutch report as Excel-NL writes them, the English one ISO. */
const DATE_FORMATS = {
  nl: EXCEL_NL_FORMAT,
  en: { date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm' },
} as const;
const WRAP_TOP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
// Excel's limit for the text of one cell.
const MAX_CELL_TEXT = 32_767;

/**
 * Width (in characters) of each column, narrow enough that the printed ones fit the width of a
 * landscape A4 page readably; long texts wrap (the row grows) instead of widening the column.
 */
const COLUMN_LAYOUT: Record<ReportColumn, { width: number; wrap?: true }> = {
  title: { width: 34, wrap: true },
  track: { width: 16, wrap: true },
  commitment: { width: 22, wrap: true },
  commitmentKind: { width: 13, wrap: true },
  sourceReference: { width: 15, wrap: true },
  ownerOrganisation: { width: 8, wrap: true },
  ownerUser: { width: 12, wrap: true },
  partners: { width: 15, wrap: true },
  deadline: { width: 10.5 },
  status: { width: 12, wrap: true },
  statusParliament: { width: 11, wrap: true },
  health: { width: 11, wrap: true },
  verification: { width: 12, wrap: true },
  percentComplete: { width: 8 },
  overdue: { width: 8.5, wrap: true },
  escalationLevel: { width: 11, wrap: true },
  closedAt: { width: 15 },
  latestNarrative: { width: 44, wrap: true },
  latestNarrativeAt: { width: 15 },
  partnerPositions: { width: 16, wrap: true },
  changesSince: { width: 16, wrap: true },
  id: { width: 37 },
};

/**
 * The columns printed, in this order: what a reader of the paper needs (the PDF's columns),
 * about 160 characters wide, so a landscape A4 page prints them at a readable size (about 90 %)
 * instead of all 22 at 5 pt. The sheet holds every column: the others follow, on screen and in
 * the filter, but outside the print area.
 */
export const PRINTED_COLUMNS: readonly ReportColumn[] = [
  'title',
  'track',
  'ownerOrganisation',
  'deadline',
  'status',
  'statusParliament',
  'health',
  'percentComplete',
  'overdue',
  'latestNarrative',
];

/**
 * The actions sheet's columns: the printed ones first, with what the action is in the first
 * (a reader looks for it, and it stays in view when the sheet scrolls sideways), then the other
 * columns in REPORT_COLUMNS' order, the internal id last (to match rows with the API, not to
 * read). "Changed since" only when the report has a `since`: without one it is empty. The
 * other tabular formats keep REPORT_COLUMNS' order.
 */
export function xlsxColumns(report: Pick<ProgressReport, 'header'>): ReportColumn[] {
  return [
    ...PRINTED_COLUMNS,
    ...REPORT_COLUMNS.filter(
      (column) =>
        !PRINTED_COLUMNS.includes(column) &&
        column !== 'id' &&
        (column !== 'changesSince' || report.header.since !== null),
    ),
    'id',
  ];
}

/**
 * Writes the report as an XLSX workbook to `out` (not ended: the caller ends it): a summary
 * sheet and an actions sheet with one row per action, both ready to print (landscape A4, one
 * page wide, the heading row on every page, title and page numbers in the header and footer).
 * Rows are committed as they are written, so memory stays flat however many actions there are.
 * `onProgress` gets the number of actions written so far.
 */
export async function renderXlsx(
  report: ProgressReport,
  out: Writable,
  onProgress?: (actionsDone: number) => void,
): Promise<void> {
  const labels = reportLabels(report.header.lang);
  // The workbook writer ends the stream it writes to; the caller owns `out`.
  const zip = new PassThrough();
  const zipped = new Promise<void>((resolve, reject) => {
    zip.once('end', resolve);
    zip.once('error', reject);
  });
  zip.pipe(out, { end: false });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zip,
    useStyles: true,
    // Shared strings would hold every distinct text in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = report.header.programme.name;
  workbook.title = `${labels.title} ${report.header.programme.name}`;
  workbook.created = new Date(report.header.generatedAt);

  // The streaming writer writes sheets one after another: the summary is complete first.
  writeSummarySheet(workbook, report, labels);

  const columns = xlsxColumns(report);
  const formats = DATE_FORMATS[report.header.lang];
  const sheet = workbook.addWorksheet(labels.actions, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1, activeCell: 'B2' }],
    ...printSetup(report, labels, { printTitlesRow: '1:1' }),
  });
  sheet.columns = columns.map((column) => ({ key: column, width: COLUMN_LAYOUT[column].width }));
  // One style object per column and colour, shared by its cells: exceljs looks a style up by
  // the object, so a shared one costs a map lookup per cell instead of a serialisation.
  const styles = columns.map((column): Partial<ExcelJS.Style> => {
    const type = COLUMN_TYPES[column];
    const numFmt =
      type === 'date' ? formats.date : type === 'datetime' ? formats.dateTime : undefined;
    return {
      alignment: { vertical: 'top', wrapText: COLUMN_LAYOUT[column].wrap ?? false },
      border: BORDER,
      ...(numFmt ? { numFmt } : {}),
    };
  });
  const statusColumn = columns.indexOf('status');
  const healthColumn = columns.indexOf('health');
  const swatches = swatchStyles();
  const statusStyles = mapValues(swatches.status, (swatch) => ({
    ...styles[statusColumn],
    ...swatch,
  }));
  const healthStyles = mapValues(swatches.health, (swatch) => ({
    ...styles[healthColumn],
    ...swatch,
  }));
  const widths = columns.map((column) => COLUMN_LAYOUT[column].width);
  const wrapped = columns.map((column) => COLUMN_LAYOUT[column].wrap === true);
  const height = (values: readonly ExcelJS.CellValue[]) =>
    rowHeight(
      values.map((value, index) => (wrapped[index] && typeof value === 'string' ? value : null)),
      widths,
    );
  const headings = columns.map((column) => labels.columns[column]);
  const headerRow = sheet.addRow(headings);
  headerRow.height = rowHeight(headings, widths, 'bold') ?? 15;
  headerRow.eachCell((cell) => {
    cell.style = { font: BOLD, fill: HEADER_FILL, border: BORDER, alignment: WRAP_TOP };
  });
  headerRow.commit();

  let done = 0;
  for await (const action of report.actions) {
    const cells = actionCells(action, labels);
    const values = columns.map((column) => xlsxValue(cells[column], column));
    const row = sheet.addRow(values);
    const points = height(values);
    if (points !== undefined) row.height = points;
    styles.forEach((style, index) => (row.getCell(index + 1).style = style));
    row.getCell(statusColumn + 1).style = statusStyles[action.status];
    row.getCell(healthColumn + 1).style = healthStyles[action.health];
    row.commit();
    done++;
    if (done % YIELD_EVERY === 0) await keepPace(out);
    if (done % PROGRESS_EVERY === 0) onProgress?.(done);
  }
  // The autofilter and the print area are written when the sheet and the workbook are
  // committed, so they can cover every row. The printed columns are the first ones.
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: done + 1, column: columns.length },
  };
  // Absolute (`$A$1:$U$9`; exceljs puts the `$` before the column): LibreOffice ignores `$A1:$U9`.
  sheet.pageSetup.printArea = `A$1:${columnLetter(PRINTED_COLUMNS.length - 1)}$${done + 1}`;
  sheet.commit();
  await workbook.commit();
  await zipped;
  onProgress?.(done);
}

function mapValues<K extends string, V, W>(
  record: Record<K, V>,
  map: (value: V) => W,
): Record<K, W> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, map(value as V)]),
  ) as Record<K, W>;
}

function paint(cell: ExcelJS.Cell, style: SwatchStyle): void {
  cell.fill = style.fill;
  cell.font = style.font;
}

/** `A` for 0, `Z` for 25, `AA` for 26. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function xlsxValue(cell: Cell, column: ReportColumn): ExcelJS.CellValue {
  if (cell === null) return null;
  const type = COLUMN_TYPES[column];
  if (type === 'date') return new Date(`${String(cell)}T00:00:00Z`);
  if (type === 'datetime') return amsterdamWallClock(new Date(cell));
  if (typeof cell === 'string') return truncate(cleanText(cell), MAX_CELL_TEXT);
  return cell;
}

function writeSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: ProgressReport,
  labels: ReportLabels,
): void {
  const sheet = workbook.addWorksheet(labels.summary, printSetup(report, labels));
  const widths = [46, ...Array.from({ length: 8 }, () => 14)];
  sheet.columns = widths.map((width) => ({ width }));
  const swatches = swatchStyles(labels);
  const title = sheet.addRow([labels.title]);
  title.font = font({ bold: true, size: 16 });
  for (const line of datedCoverLines(report.header, labels)) {
    sheet.addRow([line.label, cleanText(String(line.value))]).getCell(1).font = BOLD;
  }
  for (const section of summarySections(report.summary, labels)) {
    sheet.addRow([]);
    sheet.addRow([section.title]).font = font({ bold: true, size: 12 });
    if (section.headings) {
      const headings = section.headings.map(cleanText);
      const headingRow = sheet.addRow(headings);
      headingRow.height = rowHeight(headings, widths, 'bold') ?? 15;
      headings.forEach((heading, index) => {
        const cell = headingRow.getCell(index + 1);
        cell.style = { font: BOLD, fill: HEADER_FILL, border: BORDER, alignment: WRAP_TOP };
        const swatch = swatches.byLabel.get(heading);
        if (swatch) paint(cell, { fill: swatch.fill, font: { ...swatch.font, bold: true } });
      });
    }
    for (const values of section.rows) {
      const cells = values.map((v) => (typeof v === 'string' ? cleanText(v) : v));
      const row = sheet.addRow(cells);
      if (!section.headings) continue;
      row.eachCell((cell) => (cell.border = BORDER));
      const swatch = typeof cells[0] === 'string' ? swatches.byLabel.get(cells[0]) : undefined;
      if (swatch) paint(row.getCell(1), swatch);
    }
  }
  sheet.commit();
}
