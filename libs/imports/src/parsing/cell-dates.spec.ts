import { excelSerialToDate, instantToExcelSerial, parseDateText } from './cell-dates';

describe('parseDateText', () => {
  it.each([
    ['31-12-2026', '2026-12-31'],
    ['31-12-26', '2026-12-31'],
    ['1-2-2026', '2026-02-01'],
    ['31/12/2026', '2026-12-31'],
    ['31.12.2026', '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31T00:00:00', '2026-12-31'],
    ['2026-12-31T23:59:59.123+01:00', '2026-12-31'],
    ['2026-12-31 08:30', '2026-12-31'],
    ['31 december 2026', '2026-12-31'],
    ['31 dec 2026', '2026-12-31'],
    ['31 dec. 2026', '2026-12-31'],
    ['31-dec-26', '2026-12-31'],
    ['1 mrt 2026', '2026-03-01'],
    ['1 Maart 2026', '2026-03-01'],
    ['15 okt 2026', '2026-10-15'],
    ['15 October 2026', '2026-10-15'],
    ['3 mei 2026', '2026-05-03'],
    ['3 May 2026', '2026-05-03'],
    ['  31-12-2026 \u00a0', '2026-12-31'],
    ['29-02-2028', '2028-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it.each([
    '31-02-2026',
    '29-02-2027',
    '31-04-2026',
    '0-1-2026',
    '1-13-2026',
    '12/31/2026',
    '2026-02-30',
    '31 foo 2026',
    '31-12/2026',
    '31 12 2026',
    'morgen',
    '',
    '46387',
    '1-1-1899',
    '2026-12-31 onzin',
  ])('refuses %j', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('excelSerialToDate', () => {
  it('reads a serial as the calendar date Excel shows', () => {
    expect(excelSerialToDate(46387)).toBe('2026-12-31');
    expect(excelSerialToDate(45292)).toBe('2024-01-01');
  });

  it('ignores the time of day', () => {
    expect(excelSerialToDate(46387.99999)).toBe('2026-12-31');
    expect(excelSerialToDate(46387.5)).toBe('2026-12-31');
  });

  it('starts at 1900-03-01, past the leap day Excel invents in 1900', () => {
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(1)).toBeNull();
  });

  it('reads the 1904 date system', () => {
    expect(excelSerialToDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToDate(46387 - 1462, true)).toBe('2026-12-31');
    expect(excelSerialToDate(-1, true)).toBeNull();
  });

  it('refuses what is not a sane date', () => {
    expect(excelSerialToDate(2958465)).toBe('9999-12-31');
    expect(excelSerialToDate(2958466)).toBeNull();
    expect(excelSerialToDate(Number.NaN)).toBeNull();
    expect(excelSerialToDate(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('round-trips an instant through its serial', () => {
    expect(excelSerialToDate(instantToExcelSerial(new Date('2026-12-31T23:30:00Z')))).toBe(
      '2026-12-31',
    );
  });
});
