import { stringify } from 'csv-stringify/sync';
import { OPEN_DATA_FIELD_NAMES } from './open-data.fields';

/** `comma` (RFC 4180) or `semicolon`, which Excel expects where the decimal sign is a comma. */
export const CSV_SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

const options = (separator: CsvSeparator) =>
  ({
    delimiter: CSV_SEPARATORS[separator],
    // RFC 4180 line breaks; cells with the separator, quotes or line breaks are quoted.
    record_delimiter: 'windows',
    // OWASP "CSV injection": a cell that starts with = + - @ tab or CR gets a leading
    // apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
    escape_formulas: true,
  }) as const;

/**
 * The header line, after a UTF-8 byte order mark: without it Excel reads the file as
 * Windows-1252 and garbles ë, é and the like.
 */
export function openDataCsvHeader(separator: CsvSeparator): string {
  return stringify([[...OPEN_DATA_FIELD_NAMES]], { ...options(separator), bom: true });
}

/** CSV lines for `records`, each in OPEN_DATA_FIELD_NAMES order. */
export function openDataCsvRows(
  records: readonly (readonly (string | number | null)[])[],
  separator: CsvSeparator,
): string {
  return stringify(
    records.map((record) => [...record]),
    options(separator),
  );
}
