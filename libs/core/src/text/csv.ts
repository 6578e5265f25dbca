import { Readable } from 'node:stream';
import Papa from 'papaparse';

/** `comma` (RFC 4180) or `semicolon`, which Excel expects where the decimal sign is a comma. */
export const CSV_SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

/** A cell of a CSV line: null is an empty cell. */
export type CsvCell = string | number | null;

/**
 * A UTF-8 byte order mark, for the start of a file: without it Excel reads the file as
 * Windows-1252 and garbles ë, é and the like.
 */
export const CSV_BOM = '\uFEFF';

/**
 * OWASP "CSV injection": a cell that starts with = + - @ (or their full-width forms, which
 * csv-stringify, used here before, neutralised too), a tab or CR gets a leading apostrophe, so
 * a spreadsheet shows it as text instead of running it as a formula (also when the cell runs
 * over several lines, which Papa Parse's own pattern would let through).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Records as CSV lines, each ended by CRLF (RFC 4180); a cell with the separator, a quote, a
 * line break or a leading or trailing space is quoted, and so is a neutralised one. Every CSV
 * the product writes goes through here.
 */
export function csvLines(
  records: readonly (readonly CsvCell[])[],
  separator: CsvSeparator = 'comma',
): string {
  if (records.length === 0) return '';
  return (
    Papa.unparse(records as CsvCell[][], {
      delimiter: CSV_SEPARATORS[separator],
      newline: '\r\n',
      escapeFormulae: FORMULA_START,
    }) + '\r\n'
  );
}

/**
 * The opening of a CSV file that people open in a spreadsheet: the byte order mark, then the
 * header line.
 */
export function csvHeader(names: readonly string[], separator: CsvSeparator = 'comma'): string {
  return CSV_BOM + csvLines([names], separator);
}

/** A CSV download: its file name and its content, read (from the database) as it is sent. */
export interface CsvDownload {
  filename: string;
  stream: Readable;
}

/**
 * A CSV download named `<stem>-<UTC second>.csv` (`audit-events-20261206T140500Z.csv`), its
 * lines read as the client takes them (the stream's back-pressure), so memory stays flat
 * whatever the size. Destroying the stream (the client went away) ends the generator, and
 * with it the reading.
 */
export function openCsvDownload(
  stem: string,
  now: Date,
  lines: AsyncIterable<string> | Iterable<string>,
): CsvDownload {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return { filename: `${stem}-${stamp}.csv`, stream: Readable.from(lines, { objectMode: false }) };
}
