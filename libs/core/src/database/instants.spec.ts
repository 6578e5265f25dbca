import { types } from 'pg';
import { INSTANTS_AS_TEXT, isoInstant } from './instants';

const driverDate = types.getTypeParser(1184, 'text') as (text: string) => Date;

describe('isoInstant', () => {
  it("answers PostgreSQL's column text of an instant as the driver's Date would", () => {
    const texts = [
      '2026-12-07 19:19:32.416867+00',
      '2026-12-07 19:19:32.416999+00',
      '2026-01-01 00:00:00+00',
      '2026-01-01 00:00:00.5+00',
      '2026-01-01 00:00:00.05+00',
      '2026-01-01 00:00:00.123+00',
      '2026-01-01 00:00:00.1234+00',
      '2026-01-01 00:00:00.98765+00',
      '1969-12-31 23:59:59.999999+00',
      '0099-01-01 00:00:00+00',
      '0044-03-15 12:00:00+00 BC',
      '2026-07-15 15:04:22.123456+02',
      '2026-07-15 15:04:22.123456-05:30',
      '20000-01-01 00:00:00+00',
    ];
    for (const text of texts) expect(isoInstant(text)).toBe(driverDate(text).toISOString());
  });

  it("answers PostgreSQL's JSON text of an instant as Date would", () => {
    const texts = [
      '2026-12-07T19:19:32.416867+00:00',
      '2026-01-01T00:00:00+00:00',
      '2026-01-01T00:00:00.5+00:00',
      '2026-07-15T15:04:22.123456+02:00',
      '2026-07-15T15:04:22.123456-05:30',
    ];
    for (const text of texts) expect(isoInstant(text)).toBe(new Date(text).toISOString());
  });

  it('answers a Date in ISO form', () => {
    expect(isoInstant(new Date('2026-07-15T13:04:22.123Z'))).toBe('2026-07-15T13:04:22.123Z');
  });
});

describe('INSTANTS_AS_TEXT', () => {
  it('keeps instants as their text and reads every other type as the driver does', () => {
    const parse = (oid: number) =>
      INSTANTS_AS_TEXT.getTypeParser(oid, 'text') as (t: string) => unknown;
    expect(parse(1184)('2026-12-07 19:19:32.416867+00')).toBe('2026-12-07 19:19:32.416867+00');
    expect(parse(23)('42')).toBe(42);
    expect(parse(1082)('2026-12-07')).toEqual(types.getTypeParser(1082, 'text')('2026-12-07'));
    expect(parse(1009)('{a,b}')).toEqual(['a', 'b']);
  });
});
