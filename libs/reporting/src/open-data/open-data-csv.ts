import { CSV_BOM, type CsvCell, csvLines, type CsvSeparator } from '@app/core';
import { OPEN_DATA_FIELD_NAMES } from './open-data.fields';

/** The header line, after a UTF-8 byte order mark (for Excel). */
export function openDataCsvHeader(separator: CsvSeparator): string {
  return CSV_BOM + csvLines([OPEN_DATA_FIELD_NAMES], separator);
}

/** CSV lines for `records`, each in OPEN_DATA_FIELD_NAMES order. */
export function openDataCsvRows(
  records: readonly (readonly CsvCell[])[],
  separator: CsvSeparator,
): string {
  return csvLines(records, separator);
}
