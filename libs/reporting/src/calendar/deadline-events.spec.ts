import ICAL from 'ical.js';
import type { ActionDeadline } from '@app/tracking';
import { deadlineEvent, renderDeadlinesCalendar } from './deadline-events';

const ACTION: ActionDeadline = {
  id: '6f1c1d7e-2b3a-4c5d-8e9f-0a1b2c3d4e5f',
  title: 'Handreiking UDO, eerste versie',
  deadline: '2027-03-31',
  status: 'in_progress',
  health: 'at_risk',
  percentComplete: 40,
  version: 7,
  updatedAt: new Date('2026-11-23T09:15:30.000Z'),
  ownerOrganisation: {
    id: 'e1b1c7c4-1c1a-4b8e-9a53-3c7b0d5e6f70',
    code: 'BZK',
    name: 'Ministerie van BZK',
  },
};
const OPTIONS = { publicUrl: 'https://tracker.example.nl', lang: 'nl' as const };

/** Parses with ical.js (Mozilla's parser, as Thunderbird uses): the feed must be valid. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)),
  };
}

describe('deadlineEvent', () => {
  it('is an all-day event on the deadline with a stable UID and the version as SEQUENCE', () => {
    const event = deadlineEvent(ACTION, OPTIONS);
    expect(event).toMatchObject({
      uid: `${ACTION.id}@sterk-bestuur-tracker`,
      title: 'Deadline: Handreiking UDO, eerste versie',
      start: [2027, 3, 31],
      end: [2027, 4, 1],
      sequence: 7,
      timestamp: ACTION.updatedAt.getTime(),
      lastModified: ACTION.updatedAt.getTime(),
      url: `https://tracker.example.nl/acties/${ACTION.id}`,
      transp: 'TRANSPARENT',
    });
  });

  it('ends on the next day across month and year ends, leap days included', () => {
    expect(deadlineEvent({ ...ACTION, deadline: '2027-12-31' }, OPTIONS).end).toEqual([2028, 1, 1]);
    expect(deadlineEvent({ ...ACTION, deadline: '2028-02-28' }, OPTIONS).end).toEqual([
      2028, 2, 29,
    ]);
    expect(deadlineEvent({ ...ACTION, deadline: '2027-02-28' }, OPTIONS).end).toEqual([2027, 3, 1]);
  });

  it('describes owner, status, health, percentage and link in Dutch by default', () => {
    expect(deadlineEvent(ACTION, OPTIONS).description).toBe(
      [
        'Trekker: Ministerie van BZK (BZK)',
        'Status: In uitvoering',
        'Voortgang: Risico',
        'Gereed: 40%',
        `Actie: https://tracker.example.nl/acties/${ACTION.id}`,
      ].join('\n'),
    );
  });

  it('describes in English on request', () => {
    const description = deadlineEvent(
      { ...ACTION, status: 'not_started', health: 'not_set' },
      { ...OPTIONS, lang: 'en' },
    ).description;
    expect(description).toContain('Owner organisation: Ministerie van BZK (BZK)');
    expect(description).toContain('Status: Not started');
    expect(description).toContain('Health: Not assessed');
    expect(description).toContain('Complete: 40%');
  });

  it('keeps control characters out of the summary', () => {
    expect(deadlineEvent({ ...ACTION, title: 'Eerste\r\nregel\tdan\u0007' }, OPTIONS).title).toBe(
      'Deadline: Eerste regel dan ',
    );
  });
});

describe('renderDeadlinesCalendar', () => {
  it('writes a calendar a standard parser reads back event for event', async () => {
    const second: ActionDeadline = {
      ...ACTION,
      id: '0a6e2c1b-9d8f-4e7a-b6c5-d4e3f2a1b0c9',
      title: 'Evaluatie; met komma, puntkomma en \\ backslash',
      deadline: '2027-01-15',
      status: 'not_started',
      health: 'on_track',
      version: 1,
    };
    const text = await renderDeadlinesCalendar(
      'Actieagenda Sterk Bestuur',
      [ACTION, second],
      OPTIONS,
    );
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:Deadlines: Actieagenda Sterk Bestuur\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20270331\r\n');
    expect(text).toContain('DTSTAMP:20261123T091530Z\r\n');
    expect(text).toContain('LAST-MODIFIED:20261123T091530Z\r\n');

    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((event) => event.uid)).toEqual([
      `${ACTION.id}@sterk-bestuur-tracker`,
      `${second.id}@sterk-bestuur-tracker`,
    ]);
    const [first, other] = events;
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2027-03-31');
    expect(first.endDate.toString()).toBe('2027-04-01');
    expect(first.sequence).toBe(7);
    expect(first.description).toContain('Status: In uitvoering');
    expect(other.summary).toBe('Deadline: Evaluatie; met komma, puntkomma en \\ backslash');
    expect(other.description.split('\n')).toHaveLength(5);
  });

  it('is the same text for the same actions (no clock in it), so its ETag is stable', async () => {
    const once = await renderDeadlinesCalendar('P', [ACTION], OPTIONS);
    const twice = await renderDeadlinesCalendar('P', [ACTION], OPTIONS);
    expect(twice).toBe(once);
  });

  it('is a valid, empty calendar without actions', async () => {
    const text = await renderDeadlinesCalendar('Leeg, programma', [], OPTIONS);
    expect(text).toContain('X-WR-CALNAME:Deadlines: Leeg\\, programma\r\n');
    expect(parse(text).events).toEqual([]);
  });
});
