import { amsterdamDate } from './clock';

describe('amsterdamDate', () => {
  it('is the calendar day in Amsterdam, not in UTC', () => {
    // 23:30 UTC in winter is 00:30 the next day in Amsterdam (CET, UTC+1).
    expect(amsterdamDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(amsterdamDate(new Date('2026-11-23T22:59:59Z'))).toBe('2026-11-23');
    // Summer time (CEST, UTC+2).
    expect(amsterdamDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });

  it('answers the remembered minute only within that minute', () => {
    expect(amsterdamDate(new Date('2026-11-23T22:59:00.000Z'))).toBe('2026-11-23');
    expect(amsterdamDate(new Date('2026-11-23T22:59:59.999Z'))).toBe('2026-11-23');
    expect(amsterdamDate(new Date('2026-11-23T23:00:00.000Z'))).toBe('2026-11-24');
    expect(amsterdamDate(new Date('2026-11-23T22:59:30.000Z'))).toBe('2026-11-23');
    expect(() => amsterdamDate(new Date('not a date'))).toThrow(RangeError);
  });
});
