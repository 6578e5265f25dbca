/**
 * The instant a local date (YYYY-MM-DD) begins in Europe/Amsterdam, as ISO 8601 with its
 * offset: what the audit log's `occurredFrom`/`occurredTo` take. The clocks change at 02:00
 * or 03:00 local time, so the offset at 00:00 UTC of that date is the offset of its midnight.
 */
export function startOfDayInAmsterdam(date: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(`${date}T00:00:00Z`));
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${date}T00:00:00${offset}`;
}

/** The date after a local date (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime());
