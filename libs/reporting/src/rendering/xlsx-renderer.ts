import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ProgressReport } from '../progress/progress-report.model';
import { REPORT_COLUMNS, reportLabels, type ReportColumn } from '../progress/report-labels';
import {
  COLUMN_TYPES,
  actionCells,
  coverLines,
  summarySections,
  wallClock,
  type Cell,
} from '../progress/report-table';
import { keepPace } from '@app/core';
import { PROGRESS_EVERY, YIELD_EVERY } from './render-output';
import { cleanText, truncate } from './render-text';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
// Excel's limit for the text of one cell.
const MAX_CELL_TEXT = 32_767;

const COLUMN_WIDTHS: Partial<Record<ReportColumn, number>> = {
  id: 38,
  track: 30,
  title: 50,
  commitment: 40,
  commitmentKind: 22,
  sourceReference: 24,
  ownerOrganisation: 10,
  ownerUser: 20,
  partners: 30,
  deadline: 12,
  closedAt: 17,
  latestNarrative: 60,
  latestNarrativeAt: 17,
  partnerPositions: 30,
  changesSince: 30,
};
const DEFAULT_WIDTH = 15;

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9D9D9' },
};

/**
 * Writes the report as an XLSX workbook to `out` (not ended: the caller ends it): a summary sheet and an actions
 * sheet with one row per action. Rows are committed as they are written, so memory stays flat
 * however many actions there are. `onProgress` gets the number of actions written so far.
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

  const columns = REPORT_COLUMNS;
  const sheet = workbook.addWorksheet(labels.actions, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
  });
  sheet.columns = columns.map((column) => ({
    key: column,
    width: COLUMN_WIDTHS[column] ?? DEFAULT_WIDTH,
  }));
  const headerRow = sheet.addRow(columns.map((column) => labels.columns[column]));
  headerRow.font = BOLD;
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  headerRow.commit();

  let done = 0;
  for await (const action of report.actions) {
    const cells = actionCells(action, labels);
    const row = sheet.addRow(columns.map((column) => xlsxValue(cells[column], column)));
    columns.forEach((column, index) => {
      const type = COLUMN_TYPES[column];
      if (type === 'date') row.getCell(index + 1).numFmt = DATE_FORMAT;
      else if (type === 'datetime') row.getCell(index + 1).numFmt = DATETIME_FORMAT;
    });
    row.commit();
    done++;
    if (done % YIELD_EVERY === 0) await keepPace(out);
    if (done % PROGRESS_EVERY === 0) onProgress?.(done);
  }
  // The autofilter is written when the sheet is committed, so it can cover every row.
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: done + 1, column: columns.length },
  };
  sheet.commit();
  await workbook.commit();
  await zipped;
  onProgress?.(done);
}

function xlsxValue(cell: Cell, column: ReportColumn): ExcelJS.CellValue {
  if (cell === null) return null;
  const type = COLUMN_TYPES[column];
  if (type === 'date') return new Date(`${String(cell)}T00:00:00Z`);
  if (type === 'datetime') return wallClock(new Date(cell));
  if (typeof cell === 'string') return truncate(cleanText(cell), MAX_CELL_TEXT);
  return cell;
}

function writeSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: ProgressReport,
  labels: ReturnType<typeof reportLabels>,
): void {
  const sheet = workbook.addWorksheet(labels.summary);
  sheet.columns = [{ width: 48 }, ...Array.from({ length: 8 }, () => ({ width: 16 }))];
  const title = sheet.addRow([labels.title]);
  title.font = { bold: true, size: 16 };
  for (const line of coverLines(report.header, labels)) {
    sheet.addRow([line.label, cleanText(String(line.value))]).getCell(1).font = BOLD;
  }
  for (const section of summarySections(report.summary, labels)) {
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    if (section.headings) {
      const headings = sheet.addRow(section.headings.map(cleanText));
      headings.font = BOLD;
      headings.eachCell((cell) => {
        cell.fill = HEADER_FILL;
        cell.border = { bottom: { style: 'thin' } };
      });
    }
    for (const values of section.rows) {
      sheet.addRow(values.map((v) => (typeof v === 'string' ? cleanText(v) : v)));
    }
  }
  sheet.commit();
}
