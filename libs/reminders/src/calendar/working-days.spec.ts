import { amsterdamDate } from '@app/core';
import {
  addDays,
  localDate,
  amsterdamInstant,
  dutchHolidays,
  effectiveDeadline,
  isSendingDay,
  nextSendingDay,
  sendingMoment,
  sendingMomentOn,
} from './working-days';

const quiet = { skipWeekends: true, skipHolidays: true, sendHour: 9 };
const always = { skipWeekends: false, skipHolidays: false, sendHour: 9 };

describe('dutchHolidays', () => {
  it('are the days of the Algemene termijnenwet, Goede Vrijdag and 5 mei included', () => {
    expect([...dutchHolidays(2026).keys()].sort()).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-03', // Goede Vrijdag (a `school` day in date-holidays)
      '2026-04-05', // Pasen
      '2026-04-06', // Tweede paasdag
      '2026-04-27', // Koningsdag
      '2026-05-05', // Bevrijdingsdag (a `school` day in date-holidays)
      '2026-05-14', // Hemelvaartsdag
      '2026-05-24', // Pinksteren
      '2026-05-25', // Tweede pinksterdag
      '2026-12-25', // Eerste kerstdag
      '2026-12-26', // Tweede kerstdag
    ]);
  });

  it('moves Koningsdag to Saturday when 27 April is a Sunday', () => {
    expect(dutchHolidays(2025).has('2025-04-26')).toBe(true);
    expect(dutchHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('leaves out observances such as Sinterklaas and Oudejaarsdag', () => {
    expect(dutchHolidays(2026).has('2026-12-05')).toBe(false);
    expect(dutchHolidays(2026).has('2026-12-31')).toBe(false);
  });
});

describe('sending days', () => {
  it('skips weekends and holidays only when the rules say so', () => {
    expect(isSendingDay('2026-12-05', quiet)).toBe(false); // Saturday
    expect(isSendingDay('2026-12-25', quiet)).toBe(false); // Christmas
    expect(isSendingDay('2026-12-07', quiet)).toBe(true);
    expect(isSendingDay('2026-12-05', always)).toBe(true);
    expect(isSendingDay('2026-12-25', { ...quiet, skipHolidays: false })).toBe(true);
  });

  it('moves past Christmas and the weekend after it', () => {
    // Friday 25 and Saturday 26 December 2026, then Sunday: Monday 28.
    expect(nextSendingDay('2026-12-25', quiet)).toBe('2026-12-28');
  });

  it("moves past King's Day", () => {
    // Monday 27 April 2026 is Koningsdag: Tuesday 28.
    expect(nextSendingDay('2026-04-25', quiet)).toBe('2026-04-28');
  });

  it('moves past Easter, Goede Vrijdag included', () => {
    expect(nextSendingDay('2026-04-03', quiet)).toBe('2026-04-07');
  });
});

describe('amsterdamInstant', () => {
  it('is local time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(amsterdamInstant('2026-12-07', 9).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(amsterdamInstant('2026-07-01', 9).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(amsterdamInstant('2026-03-29', 9).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(amsterdamInstant('2026-10-25', 9).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // 02:00 does not exist on 29 March 2026: the instant is 03:00 summer time.
    expect(amsterdamInstant('2026-03-29', 2).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

describe('sendingMoment', () => {
  it('waits for the send hour of a working day', () => {
    expect(sendingMoment(new Date('2026-12-07T06:30:00Z'), quiet).toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
  });

  it('sends at once on a working day after the send hour', () => {
    const at = new Date('2026-12-07T13:15:00Z');
    expect(sendingMoment(at, quiet)).toEqual(at);
  });

  it('moves a Saturday to Monday at the send hour', () => {
    expect(sendingMoment(new Date('2026-12-05T13:00:00Z'), quiet).toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
  });

  it('sends on Saturday when weekends are not skipped', () => {
    const at = new Date('2026-12-05T13:00:00Z');
    expect(sendingMoment(at, always)).toEqual(at);
  });

  it('takes the local date, not the UTC one', () => {
    // 23:30 UTC on Friday 4 December is 00:30 on Saturday in Amsterdam.
    expect(sendingMoment(new Date('2026-12-04T23:30:00Z'), quiet).toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
  });
});

describe('sendingMomentOn and effectiveDeadline', () => {
  it('is the send hour of the day, or of the next working day', () => {
    expect(sendingMomentOn('2026-12-08', quiet).toISOString()).toBe('2026-12-08T08:00:00.000Z');
    expect(sendingMomentOn('2026-12-26', { ...quiet, sendHour: 10 }).toISOString()).toBe(
      '2026-12-28T09:00:00.000Z',
    );
  });

  it('extends a deadline on a day off to the next working day (Algemene termijnenwet)', () => {
    expect(effectiveDeadline('2026-12-26', quiet)).toBe('2026-12-28');
    expect(effectiveDeadline('2026-04-27', quiet)).toBe('2026-04-28');
    expect(effectiveDeadline('2026-12-08', quiet)).toBe('2026-12-08');
    expect(effectiveDeadline('2026-12-26', always)).toBe('2026-12-26');
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('localDate', () => {
  it('agrees with Intl every quarter of an hour across both clock changes of 2026', () => {
    for (const start of ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z', '2026-12-31T20:00:00Z']) {
      for (let step = 0; step < 4 * 72; step += 1) {
        const instant = new Date(Date.parse(start) + step * 15 * 60 * 1000);
        expect(localDate(instant)).toBe(amsterdamDate(instant));
      }
    }
  });
});
