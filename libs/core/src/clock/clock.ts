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

const calendarDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last minute formatted (every read path asks, and formatting in a zone is slow). */
let lastMinute: { minute: number; date: string } | undefined;

/**
 * The calendar date (YYYY-MM-DD) it is in Europe/Amsterdam at `instant`. Amsterdam's offsets
 * are whole hours, so a date holds for a whole UTC minute: the last one is remembered.
 */
export function amsterdamDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const date = calendarDay.format(instant);
  lastMinute = { minute, date };
  return date;
}
