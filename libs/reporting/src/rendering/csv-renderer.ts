import { stringify } from 'csv-stringify/sync';
import { csvOptions, type CsvSeparator } from './csv-options';
import type { ProgressReport } from '../progress/progress-report.model';
import { reportLabels } from '../progress/report-labels';
import { actionCells, cellText, COLUMN_TYPES, REPORT_COLUMNS } from '../progress/report-table';

/** Rows stringified at a time: a few hundred kB per chunk. */
const CHUNK_ROWS = 500;

/**
 * The per-action table as CSV, in chunks as the actions arrive: UTF-8 with a byte order mark
 * (so Excel reads the accents right), RFC 4180 quoting and line breaks, headings in the
 * report's language, `semicolon` between fields for Excel with Dutch regional settings.
 */
export async function* renderCsv(
  report: ProgressReport,
  separator: CsvSeparator = 'comma',
  onProgress?: (actionsDone: number) => void,
): AsyncGenerator<string> {
  const labels = reportLabels(report.header.lang);
  const options = csvOptions(separator);
  yield '\uFEFF' + stringify([REPORT_COLUMNS.map((column) => labels.columns[column])], options);
  let rows: string[][] = [];
  let done = 0;
  for await (const action of report.actions) {
    const cells = actionCells(action, labels);
    rows.push(REPORT_COLUMNS.map((column) => cellText(cells[column], COLUMN_TYPES[column])));
    if (rows.length === CHUNK_ROWS) {
      yield stringify(rows, options);
      done += rows.length;
      onProgress?.(done);
      rows = [];
    }
  }
  if (rows.length > 0) {
    yield stringify(rows, options);
    onProgress?.(done + rows.length);
  }
}
