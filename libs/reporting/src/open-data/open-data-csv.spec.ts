import { parse } from 'csv-parse/sync';
import type { CsvCell } from '@app/core';
import { openDataCsvHeader, openDataCsvRows } from './open-data-csv';
import { OPEN_DATA_FIELD_NAMES, type OpenDataField } from './open-data.fields';

/** A record in field order, with the values given and every other field empty. */
function record(values: Partial<Record<OpenDataField, CsvCell>>): CsvCell[] {
  return OPEN_DATA_FIELD_NAMES.map((name) => values[name] ?? null);
}

const SUMMER = record({
  id: 'a1',
  title: 'Actie, met "quotes"',
  deadline: '2026-07-01',
  percentComplete: 100,
  closedAt: '2026-06-30T22:15:00.000Z',
  latestNarrativeDate: '2026-06-30',
  updatedAt: '2026-07-01T08:05:00.000Z',
});
const WINTER = record({
  id: 'a2',
  deadline: '2027-01-31',
  percentComplete: 60,
  updatedAt: '2026-11-15T13:05:00.000Z',
});

const read = (text: string, delimiter: string): Record<string, string>[] =>
  parse(text, { bom: true, columns: true, delimiter });

describe('open data CSV', () => {
  it('writes the values as the JSON does with commas: YYYY-MM-DD and ISO 8601 UTC', () => {
    const rows = read(openDataCsvHeader('comma') + openDataCsvRows([SUMMER, WINTER], 'comma'), ',');
    expect(rows[0]).toMatchObject({
      title: 'Actie, met "quotes"',
      deadline: '2026-07-01',
      closedAt: '2026-06-30T22:15:00.000Z',
      latestNarrativeDate: '2026-06-30',
      updatedAt: '2026-07-01T08:05:00.000Z',
      percentComplete: '100',
    });
  });

  it('writes dates for Excel-NL with semicolons: d-m-yyyy, instants in Dutch summer and winter time', () => {
    const text = openDataCsvHeader('semicolon') + openDataCsvRows([SUMMER, WINTER], 'semicolon');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${OPEN_DATA_FIELD_NAMES.join(';')}`);
    const [summer, winter] = read(text, ';');
    expect(summer).toMatchObject({
      id: 'a1',
      title: 'Actie, met "quotes"',
      deadline: '01-07-2026',
      // 22:15 UTC on 30 June is 00:15 on 1 July in Amsterdam (UTC+2).
      closedAt: '01-07-2026 00:15',
      latestNarrativeDate: '30-06-2026',
      updatedAt: '01-07-2026 10:05',
      percentComplete: '100',
    });
    expect(winter).toMatchObject({
      deadline: '31-01-2027',
      closedAt: '',
      latestNarrativeDate: '',
      updatedAt: '15-11-2026 14:05',
      percentComplete: '60',
    });
  });
});
