import { type CsvCell, csvHeader, csvLines, type CsvSeparator } from '@app/core';
import type { ProgressReport } from '../progress/progress-report.model';
import { reportLabels } from '../progress/report-labels';
import { excelNlCell } from '../progress/report-style';
import { actionCells, COLUMN_TYPES, REPORT_COLUMNS } from '../progress/report-table';

/** Rows written at a time: a few hundred kB per chunk. */
const CHUNK_ROWS = 500;

/**
 * The per-action table as CSV, in chunks as the actions arrive: UTF-8 with a byte order mark
 * (so Excel reads the accents right), RFC 4180 quoting and line breaks, headings in the
 * report's language. Two dialects:
 * - `comma` (the default, for machines): days as YYYY-MM-DD, instants ISO 8601 UTC;
 * - `semicolon`, for Excel with Dutch regional settings: semicolons between fields, days as
 *   `15-11-2026` and instants as `15-11-2026 14:05` in Dutch time, fractions with a decimal
 *   comma, all of which Excel-NL reads as dates and numbers.
 */
export async function* renderCsv(
  report: ProgressReport,
  separator: CsvSeparator = 'comma',
  onProgress?: (actionsDone: number) => void,
): AsyncGenerator<string> {
  const labels = reportLabels(report.header.lang);
  const forExcelNl = separator === 'semicolon';
  yield csvHeader(
    REPORT_COLUMNS.map((column) => labels.columns[column]),
    separator,
  );
  let rows: CsvCell[][] = [];
  let done = 0;
  for await (const action of report.actions) {
    const cells = actionCells(action, labels);
    rows.push(
      REPORT_COLUMNS.map((column) =>
        forExcelNl ? excelNlCell(cells[column], COLUMN_TYPES[column]) : cells[column],
      ),
    );
    if (rows.length === CHUNK_ROWS) {
      yield csvLines(rows, separator);
      done += rows.length;
      onProgress?.(done);
      rows = [];
    }
  }
  if (rows.length > 0) {
    yield csvLines(rows, separator);
    onProgress?.(done + rows.length);
  }
}
