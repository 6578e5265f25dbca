import { FileProblem, type RawRow, type ReadLimits } from '../sheet/raw-cells';
import { readCsv } from './csv-reader';

export type SpreadsheetFormat = 'xlsx' | 'ole2' | 'csv';

/** OLE2 compound file: a password-protected XLSX is stored in one, and so is an old .xls. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the bytes are, whatever the file is called. */
export function sniffFormat(file: Buffer): SpreadsheetFormat {
  if (file.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'xlsx';
  // An empty archive starts with its end record; it is no workbook, and the XLSX reader says so.
  if (file.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'))) return 'xlsx';
  if (file.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) return 'ole2';
  return 'csv';
}

/**
 * The rows of an uploaded spreadsheet, XLSX or CSV by its content. A FileProblem ends the read
 * when the file as a whole cannot be used.
 */
export async function* readSpreadsheet(file: Buffer, limits: ReadLimits): AsyncGenerator<RawRow> {
  switch (sniffFormat(file)) {
    case 'xlsx': {
      // The XLSX reader and exceljs are loaded on the first workbook read: they take a few
      // hundred milliseconds to load, which every process would otherwise pay at start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
      const { readXlsx } = require('./xlsx-reader') as typeof import('./xlsx-reader');
      yield* readXlsx(file, limits);
      return;
    }
    case 'ole2':
      throw new FileProblem(
        'ENCRYPTED_FILE',
        {},
        'A password-protected workbook or an old .xls file: save it as an unprotected .xlsx.',
      );
    case 'csv':
      yield* readCsv(file, limits);
      return;
  }
}
