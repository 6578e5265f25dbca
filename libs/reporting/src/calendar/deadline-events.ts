import { createEventsAsync, type DateArray, type EventAttributes } from 'ics';
import { foldOctets } from './fold-octets';
import { webAppUrls } from '@app/core';
import type { ActionDeadline } from '@app/tracking';
import { REPORT_LANGUAGES, type ReportLanguage } from '../progress/progress-report.model';
import { reportLabels } from '../progress/report-labels';

/** Dutch by default, English on request (DESIGN §4): the languages of reports. */
export const CALENDAR_LANGUAGES = REPORT_LANGUAGES;
export type CalendarLanguage = ReportLanguage;

/** The domain of the events' UIDs: `<actionId>@sterk-bestuur-tracker`, stable across fetches. */
export const UID_DOMAIN = 'sterk-bestuur-tracker';
const PRODUCT_ID = '-//Sterk Bestuur Tracker//Deadlines//NL';

/** The few words of the descriptions that a report's labels do not have. */
const WORDS: Record<CalendarLanguage, { percentComplete: string }> = {
  nl: { percentComplete: 'Gereed' },
  en: { percentComplete: 'Complete' },
};

/** `ics` takes `timestamp` (DTSTAMP; the time of the call by default) but does not type it. */
export type DeadlineEvent = EventAttributes & { end: DateArray; timestamp: number };

export interface DeadlineEventOptions {
  /** PUBLIC_URL (no trailing slash): the events link to the action's page in the web app. */
  publicUrl: string;
  lang: CalendarLanguage;
}

/**
 * iCalendar TEXT allows no control characters but the (escaped) line break. `ics` escapes
 * `\`, `;`, `,` and line breaks in summaries and descriptions, not the rest.
 */
const printable = (text: string, keepLineBreaks = false) =>
  text.replace(/\r\n?/g, '\n').replace(keepLineBreaks ? /(?!\n)\p{Cc}/gu : /\p{Cc}/gu, ' ');

/** `YYYY-MM-DD` as an iCalendar DATE, shifted by whole days. */
function dateArray(isoDate: string, plusDays = 0): DateArray {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + plusDays));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/**
 * One all-day event on the deadline (DTEND is the next day: RFC 5545 end dates are
 * exclusive). The UID stays the action's and SEQUENCE is its version, so a client that
 * refreshes updates the event rather than adding one; DTSTAMP and LAST-MODIFIED are the
 * action's last change, so the feed is the same bytes until an action changes.
 */
export function deadlineEvent(
  action: ActionDeadline,
  options: DeadlineEventOptions,
): DeadlineEvent {
  const labels = reportLabels(options.lang);
  const words = WORDS[options.lang];
  const link = webAppUrls(options.publicUrl).action(action.id);
  const owner = action.ownerOrganisation;
  const modified = action.updatedAt.getTime();
  return {
    uid: `${action.id}@${UID_DOMAIN}`,
    title: `Deadline: ${printable(action.title)}`,
    start: dateArray(action.deadline),
    end: dateArray(action.deadline, 1),
    description: printable(
      [
        `${labels.columns.ownerOrganisation}: ${owner.name} (${owner.code})`,
        `${labels.columns.status}: ${labels.status[action.status]}`,
        `${labels.columns.health}: ${labels.health[action.health]}`,
        `${words.percentComplete}: ${action.percentComplete}%`,
        `${labels.columns.title}: ${link}`,
      ].join('\n'),
      true,
    ),
    url: link,
    sequence: action.version,
    timestamp: modified,
    lastModified: modified,
    // A deadline is a marker, not an appointment: it must not show the day as busy.
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
  };
}

/** TEXT escaping for the calendar name, which `ics` writes as given. */
const escapeText = (text: string) =>
  printable(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');

/**
 * The whole feed. `ics` adds `X-PUBLISHED-TTL:PT1H` to the header by itself: the refresh
 * hint calendar apps follow. Builds asynchronously: it yields every thousand events.
 */
export async function renderDeadlinesCalendar(
  programmeName: string,
  actions: readonly ActionDeadline[],
  options: DeadlineEventOptions,
): Promise<string> {
  const { error, value } = await createEventsAsync(
    actions.map((action) => deadlineEvent(action, options)),
    {
      productId: PRODUCT_ID,
      method: 'PUBLISH',
      calName: `Deadlines: ${escapeText(programmeName)}`,
    },
  );
  if (error || value === null) throw error ?? new Error('ics produced no calendar');
  return foldOctets(value);
}
