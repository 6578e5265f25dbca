import { Injectable } from '@nestjs/common';

/** The source of "now", injected so that date rules can be tested at any moment. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
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

/** The calendar date (YYYY-MM-DD) it is in Europe/Amsterdam at `instant`. */
export function amsterdamDate(instant: Date): string {
  return calendarDay.format(instant);
}
