/** Calendar days in Europe/Amsterdam, where due dates and deadlines live (DESIGN §5). */

/** Today (or `offsetDays` from today) as a date, `YYYY-MM-DD`. */
export function amsterdamDay(offsetDays = 0): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(day);
}

/** The day an instant falls on in Amsterdam, `YYYY-MM-DD`. */
export function amsterdamDayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** A well-formed calendar date (`YYYY-MM-DD` that exists). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The instant a day starts in Amsterdam (UTC+1 in winter, +2 in summer; the clocks never
 * change at midnight there): the offset is read from the wall clock at UTC midnight.
 */
export function startOfAmsterdamDay(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(utcMidnight));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(utcMidnight - (wall - utcMidnight)).toISOString();
}
