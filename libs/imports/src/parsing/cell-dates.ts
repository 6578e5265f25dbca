/**
 * Dates as people type them in a Dutch spreadsheet, and as Excel stores them (serial numbers),
 * to the calendar date `YYYY-MM-DD`. Everything is computed in UTC: a date has no time zone,
 * and local time would shift it by a day around midnight.
 */

const DAY_MS = 86_400_000;
/** Serial 25569 is 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The 1904 date system counts from 1904-01-01, which is serial 1462 in the 1900 system. */
const DATE1904_OFFSET = 1_462;
/**
 * Serial 61 is 1900-03-01. Excel (like Lotus 1-2-3 before it) counts a 29 February 1900 that
 * never was (serial 60), so serials below 61 are one day off; no deadline is that old.
 */
const FIRST_SANE_SERIAL = 61;
const LAST_YEAR = 9999;

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTHNAME_YEAR = /^(\d{1,2})\.?(?:\s+|-)([a-z]+)\.?(?:\s+|-)(\d{4}|\d{2})$/i;

/**
 * A typed date to `YYYY-MM-DD`: `31-12-2026`, `31-12-26` (20xx), `31/12/2026`, `31.12.2026`,
 * `2026-12-31` (a time after it is ignored), `31 december 2026`, `31 dec 2026` (Dutch or
 * English month names). Day before month, as in the Netherlands. Null for anything else and for
 * dates that do not exist (31-02-2026) or lie outside 1900-03-01…9999-12-31.
 */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = DAY_MONTH_YEAR.exec(trimmed);
  if (numeric) {
    return calendarDate(fullYear(numeric[4]), Number(numeric[3]), Number(numeric[1]));
  }
  const named = DAY_MONTHNAME_YEAR.exec(trimmed);
  if (named) {
    const month = MONTHS[named[2].toLowerCase()];
    return month ? calendarDate(fullYear(named[3]), month, Number(named[1])) : null;
  }
  return null;
}

/**
 * An Excel serial date (46387 is 2026-12-31) to `YYYY-MM-DD`; the time of day (the fraction) is
 * ignored. Null when it is not a number or falls outside 1900-03-01…9999-12-31.
 */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial) + (date1904 ? DATE1904_OFFSET : 0);
  if (day < FIRST_SANE_SERIAL || (date1904 && serial < 0)) return null;
  const date = new Date((day - UNIX_EPOCH_SERIAL) * DAY_MS);
  return date.getUTCFullYear() > LAST_YEAR ? null : isoDate(date);
}

/** The serial (1900 system) of a UTC instant, with its time of day as the fraction. */
export function instantToExcelSerial(instant: Date): number {
  return instant.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March; a date that moved did not exist.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year > LAST_YEAR || date.getTime() < Date.UTC(1900, 2, 1)) return null;
  return isoDate(date);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
