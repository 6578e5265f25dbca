import type { Writable } from 'node:stream';
import type { WorkbookContent } from './workbook-content';

export type { SheetValues, WorkbookContent } from './workbook-content';

export const IMPORT_WORKBOOK_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes the import workbook (template or filled) into `out`. The writer and exceljs are loaded
 * on first use: they take a few hundred milliseconds to load, which every API and worker process
 * (and every test file that starts one) would otherwise pay at start.
 */
export function writeImportWorkbook(content: WorkbookContent, out: Writable): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  const writer = require('./import-workbook.writer') as typeof import('./import-workbook.writer');
  return writer.writeImportWorkbook(content, out);
}
