import { Injectable } from '@nestjs/common';

/**
 * The source of "now", injected so that date rules can be tested at any moment. Outside
 * production it can be moved (`travel`): tests move it instead of sleeping, and the demo's
 * clock travel (ClockTravel) lets a person see a reminder of next week today.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private readonly listeners = new Set<(offsetMs: number) => void>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** How far "now" is moved from the machine's time, in milliseconds (0: not moved). */
  get offset(): number {
    return this.offsetMs;
  }

  /** Moves "now" to `offsetMs` from the machine's time; listeners hear of a change. */
  travel(offsetMs: number): void {
    if (!Number.isFinite(offsetMs)) throw new Error('clock offset must be a finite number');
    if (offsetMs === this.offsetMs) return;
    this.offsetMs = offsetMs;
    for (const listener of this.listeners) listener(offsetMs);
  }

  /** Calls `listener` whenever the clock is moved; answers the function that stops it. */
  onTravel(listener: (offsetMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The programme's time zone: deadlines and reminders are calendar days here (DESIGN §5). */
export const PROGRAMME_TIME_ZONE = 'Europe/Amsterdam';

// The two formatters of instants in the programme's time zone, each made once: the calendar
// date (format() of these three fields is twice as fast as reading a wall-clock time's parts,
// and the open data asks for a date per action), and the wall-clock time.
const CALENDAR_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as its wall-clock time in Europe/Amsterdam, held in the UTC fields of a `Date`:
 * a spreadsheet cell has no time zone, and a Dutch reader expects Dutch time, not UTC.
 */
export function amsterdamWallClock(instant: Date): Date {
  const parts: Record<string, number> = {};
  for (const part of WALL_CLOCK.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return new Date(
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second),
  );
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An instant as Dutch wall-clock text, day first: `15-11-2026 14:05`. Excel with Dutch
 * regional settings reads it as a date and time (ISO 8601 text not at all).
 */
export function amsterdamDateTimeText(instant: Date): string {
  const local = amsterdamWallClock(instant);
  return (
    `${pad(local.getUTCDate())}-${pad(local.getUTCMonth() + 1)}-${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}

/** The last minute formatted (every read path asks, and formatting in a zone is slow). */
let lastMinute: { minute: number; date: string } | undefined;

/**
 * The calendar date (YYYY-MM-DD) it is in Europe/Amsterdam at `instant`. Amsterdam's offsets
 * are whole hours, so a date holds for a whole UTC minute: the last one is remembered.
 */
export function amsterdamDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const date = CALENDAR_DAY.format(instant);
  lastMinute = { minute, date };
  return date;
}
