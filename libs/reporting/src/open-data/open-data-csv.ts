import { stringify } from 'csv-stringify/sync';
import { csvOptions, type CsvSeparator } from '../rendering/csv-options';
import { OPEN_DATA_FIELD_NAMES } from './open-data.fields';

/**
 * The header line, after a UTF-8 byte order mark: without it Excel reads the file as
 * Windows-1252 and garbles ë, é and the like.
 */
export function openDataCsvHeader(separator: CsvSeparator): string {
  return stringify([[...OPEN_DATA_FIELD_NAMES]], { ...csvOptions(separator), bom: true });
}

/** CSV lines for `records`, each in OPEN_DATA_FIELD_NAMES order. */
export function openDataCsvRows(
  records: readonly (readonly (string | number | null)[])[],
  separator: CsvSeparator,
): string {
  return stringify(
    records.map((record) => [...record]),
    csvOptions(separator),
  );
}
