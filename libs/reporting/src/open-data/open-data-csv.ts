import { type CsvCell, csvHeader, csvLines, type CsvSeparator } from '@app/core';
import { excelNlCell } from '../progress/report-style';
import { OPEN_DATA_FIELD_NAMES, type OpenDataField } from './open-data.fields';

/** The header line, after a UTF-8 byte order mark (for Excel). */
export function openDataCsvHeader(separator: CsvSeparator): string {
  return csvHeader(OPEN_DATA_FIELD_NAMES, separator);
}

/** The fields that hold a day (YYYY-MM-DD) and an instant (ISO 8601 UTC). */
const DAY_FIELDS: readonly OpenDataField[] = ['deadline', 'latestNarrativeDate'];
const MOMENT_FIELDS: readonly OpenDataField[] = ['closedAt', 'updatedAt'];
const KINDS = OPEN_DATA_FIELD_NAMES.map((name) =>
  DAY_FIELDS.includes(name) ? 'date' : MOMENT_FIELDS.includes(name) ? 'datetime' : 'text',
);

/**
 * CSV lines for `records`, each in OPEN_DATA_FIELD_NAMES order. The `comma` dialect, for
 * machines, writes the values as the JSON does (days YYYY-MM-DD, instants ISO 8601 UTC); the
 * `semicolon` dialect is for Excel with Dutch regional settings: days `15-11-2026`, instants
 * `15-11-2026 14:05` in Dutch time and fractions with a decimal comma, which Excel-NL reads as
 * dates and numbers.
 */
export function openDataCsvRows(
  records: readonly (readonly CsvCell[])[],
  separator: CsvSeparator,
): string {
  if (separator !== 'semicolon') return csvLines(records, separator);
  return csvLines(
    records.map((record) => record.map((cell, index) => excelNlCell(cell, KINDS[index] ?? 'text'))),
    separator,
  );
}
