import type Holidays from 'date-holidays';
import { amsterdamWallClock } from '@app/core';

/** When reminders may go out (a programme's reminder policy, DESIGN §5). */
export interface QuietRules {
  /** No sending on Saturdays and Sundays. */
  skipWeekends: boolean;
  /** No sending on Dutch public holidays (those of the Algemene termijnenwet). */
  skipHolidays: boolean;
  /** The local hour (Europe/Amsterdam, 0-23) at which a day's reminders go out. */
  sendHour: number;
}

/**
 * `date-holidays` marks these two `school`, not `public`; the Algemene termijnenwet counts
 * both (art. 3: 5 mei; Goede Vrijdag by the Besluit that sets it equal), so we add them.
 */
const ALSO_HOLIDAYS = new Set(['easter -2', '05-05']);

let calendar: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/**
 * date-holidays is loaded on the first holiday asked for: with its astronomy tables it takes a
 * tenth of a second to load, which every process (and every test file) would otherwise pay at
 * start.
 */
function dutchCalendar(): Holidays {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  const Calendar = require('date-holidays') as typeof Holidays;
  return new Calendar('NL');
}

/**
 * The Dutch public holidays of a year, as YYYY-MM-DD → name: Nieuwjaarsdag, Goede Vrijdag,
 * Paasmaandag, Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Pinkstermaandag and both
 * Christmas days (plus Easter and Whit Sunday, Sundays anyway).
 */
export function dutchHolidays(year: number): ReadonlyMap<string, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    calendar ??= dutchCalendar();
    holidays = new Map(
      calendar
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || ALSO_HOLIDAYS.has(holiday.rule))
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isHoliday(date: string): boolean {
  return dutchHolidays(Number(date.slice(0, 4))).has(date);
}

/** The memos below hold decades of days and hours; past this they start afresh. */
const MEMO_LIMIT = 200_000;
const DAY_MS = 24 * 3600 * 1000;

/** A memo of a pure function of a string or number: planning 100,000 actions asks the same days. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute(key);
      if (values.size > MEMO_LIMIT) values.clear();
      values.set(key, value);
    }
    return value;
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, and back. */
const dayNumber = memo((date: string): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
});
const dateOfDay = memo((day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10));

/** How many calendar days `to` is after `from` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date `days` after `date` (both YYYY-MM-DD; days may be negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

function isWeekend(date: string): boolean {
  // 1970-01-01 was a Thursday: day 5 of a week counted from Saturday = 0.
  const weekday = (((dayNumber(date) + 5) % 7) + 7) % 7;
  return weekday === 0 || weekday === 1;
}

/** Whether reminders may go out on `date` under these rules. */
export function isSendingDay(date: string, rules: QuietRules): boolean {
  return !(rules.skipWeekends && isWeekend(date)) && !(rules.skipHolidays && isHoliday(date));
}

const nextSendingDays = [false, true].map((skipWeekends) =>
  [false, true].map((skipHolidays) =>
    memo((date: string): string => {
      const rules = { skipWeekends, skipHolidays, sendHour: 0 };
      let day = date;
      // A year has at most a handful of consecutive days off: this ends within two weeks.
      while (!isSendingDay(day, rules)) day = addDays(day, 1);
      return day;
    }),
  ),
);

/** `date` itself when reminders may go out on it, else the first day after it that they may. */
export function nextSendingDay(date: string, rules: QuietRules): string {
  return nextSendingDays[Number(rules.skipWeekends)][Number(rules.skipHolidays)](date);
}

const HOUR_MS = 3600 * 1000;

/**
 * How far Europe/Amsterdam is ahead of UTC (1 or 2 hours, in ms) during a UTC hour: the
 * clocks only ever change on a whole UTC hour (01:00).
 */
const offsetOfHour = memo(
  (hour: number): number => amsterdamWallClock(new Date(hour * HOUR_MS)).getTime() - hour * HOUR_MS,
);

const zoneOffsetMs = (instant: number): number => offsetOfHour(Math.floor(instant / HOUR_MS));

/** The local date of a UTC hour: midnight in Amsterdam is always a whole UTC hour too. */
const dateOfHour = memo((hour: number): string =>
  new Date(hour * HOUR_MS + offsetOfHour(hour)).toISOString().slice(0, 10),
);

/** The calendar date (YYYY-MM-DD) in Europe/Amsterdam at `instant`, without Intl per call. */
export function localDate(instant: Date): string {
  return dateOfHour(Math.floor(instant.getTime() / HOUR_MS));
}

const instantOf = memo((key: string): number => {
  const [date, hour] = key.split('T');
  const wall = (dayNumber(date) * 24 + Number(hour)) * HOUR_MS;
  const first = wall - zoneOffsetMs(wall);
  return wall - zoneOffsetMs(first);
});

/**
 * The instant it is `hour`:00 on `date` in Europe/Amsterdam, summer time or not. An hour
 * that the switch to summer time skips (02:00 on the last Sunday of March) becomes 03:00.
 */
export function amsterdamInstant(date: string, hour: number): Date {
  return new Date(instantOf(`${date}T${hour}`));
}

/**
 * The first moment at or after `earliest` at which a reminder may go out: at once on a
 * sending day once its hour has come, else at the send hour of that day or of the next
 * sending day (DESIGN §5: not on weekends or public holidays unless the policy says so).
 */
export function sendingMoment(earliest: Date, rules: QuietRules): Date {
  const day = localDate(earliest);
  if (isSendingDay(day, rules)) {
    const opening = amsterdamInstant(day, rules.sendHour);
    return earliest >= opening ? earliest : opening;
  }
  return amsterdamInstant(nextSendingDay(day, rules), rules.sendHour);
}

/** The send hour of `date`, or of the next sending day when reminders may not go out on it. */
export function sendingMomentOn(date: string, rules: QuietRules): Date {
  return amsterdamInstant(nextSendingDay(date, rules), rules.sendHour);
}

/**
 * The day a deadline really falls due for reminding: a deadline on a day off moves to the
 * next working day, as the Algemene termijnenwet extends a legal term (art. 1). Without
 * quiet rules, the deadline itself.
 */
export function effectiveDeadline(deadline: string, rules: QuietRules): string {
  return nextSendingDay(deadline, rules);
}
