import { DEFAULT_REMINDER_POLICY as policy } from '../policy/reminder-policy';
import { badSince, levelDue, occasionDue } from './occasion-due';
import { plannedOccasions } from './reminder-plan';
import type { ActionFacts, Occasion } from './reminder-plan.model';

const facts = (overrides: Partial<ActionFacts> = {}): ActionFacts => ({
  id: 'a',
  programmeId: 'p',
  deadline: '2026-12-15',
  closed: false,
  health: 'on_track',
  escalationLevel: null,
  lastProgressAt: new Date('2026-11-01T10:00:00Z'),
  offTrackSince: null,
  rounds: [],
  ...overrides,
});

/** The plan as `kind step → local time`, readable in a failure. */
function plan(action: ActionFacts, now: string, rules = policy): Record<string, string> {
  return Object.fromEntries(
    plannedOccasions(action, rules, new Date(now)).map((occasion: Occasion) => [
      `${occasion.kind} ${occasion.step}`,
      occasion.dueAt.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
    ]),
  );
}

describe('deadline reminders', () => {
  it('are 14 and 3 days before, on the day and the day after, at 09:00 on working days', () => {
    expect(plan(facts(), '2026-11-20T12:00:00Z')).toEqual({
      'deadline_upcoming 14d': '2026-12-01 09:00:00',
      // 12 December is a Saturday: Monday 14.
      'deadline_upcoming 3d': '2026-12-14 09:00:00',
      'deadline_today 0d': '2026-12-15 09:00:00',
      'overdue overdue-0': '2026-12-16 09:00:00',
      // Thirty calendar days after the update (1 November, 11:00), at the send hour.
      'stale stale-0': '2026-12-01 09:00:00',
      'escalation official': '2026-12-16 09:00:00',
      'escalation administrative': '2026-12-30 09:00:00',
      'escalation overhedenoverleg': '2027-01-27 09:00:00',
    });
  });

  it('remind on the Friday before a deadline after a weekend', () => {
    const result = plan(facts({ deadline: '2026-12-07' }), '2026-11-01T12:00:00Z');
    expect(result['deadline_upcoming 3d']).toBe('2026-12-04 09:00:00');
    expect(result['deadline_upcoming 14d']).toBe('2026-11-23 09:00:00');
    expect(result['deadline_today 0d']).toBe('2026-12-07 09:00:00');
  });

  it("move past King's Day, and a deadline on it falls due the day after", () => {
    const result = plan(facts({ deadline: '2027-04-27' }), '2027-03-01T12:00:00Z');
    // 24 April 2027 is a Saturday, 26 a Monday.
    expect(result['deadline_upcoming 3d']).toBe('2027-04-26 09:00:00');
    expect(result['deadline_today 0d']).toBe('2027-04-28 09:00:00');
    expect(result['overdue overdue-0']).toBe('2027-04-29 09:00:00');
  });

  it('around Christmas, drop a reminder that would land on the deadline day', () => {
    // Three days before Monday 28 December is Christmas Day; the next working day is the 28th.
    const result = plan(facts({ deadline: '2026-12-28' }), '2026-11-01T12:00:00Z');
    expect(result['deadline_upcoming 3d']).toBeUndefined();
    expect(result['deadline_today 0d']).toBe('2026-12-28 09:00:00');
    expect(result['overdue overdue-0']).toBe('2026-12-29 09:00:00');
  });

  it('extend a deadline on Boxing Day to the next working day (Algemene termijnenwet)', () => {
    const result = plan(facts({ deadline: '2026-12-26' }), '2026-11-01T12:00:00Z');
    expect(result['deadline_upcoming 3d']).toBe('2026-12-23 09:00:00');
    expect(result['deadline_today 0d']).toBe('2026-12-28 09:00:00');
  });

  it('send on the weekend when the policy says so, at its own hour', () => {
    const rules = { ...policy, skipWeekends: false, skipHolidays: false, sendHour: 7 };
    const result = plan(facts({ deadline: '2026-12-15' }), '2026-11-01T12:00:00Z', rules);
    expect(result['deadline_upcoming 3d']).toBe('2026-12-12 07:00:00');
  });

  it('leave out what has passed: a deadline two days ahead gets no 3-day reminder', () => {
    const result = plan(facts({ deadline: '2026-12-04' }), '2026-12-02T10:00:00Z');
    expect(Object.keys(result)).not.toContain('deadline_upcoming 3d');
    expect(result['deadline_today 0d']).toBe('2026-12-04 09:00:00');
  });

  it('plan the next overdue reminder every 7 days', () => {
    const result = plan(facts(), '2027-01-10T12:00:00Z');
    // 16, 23, 30 December, 6 January passed: the fifth, 13 January.
    expect(result['overdue overdue-4']).toBe('2027-01-13 09:00:00');
    expect(Object.keys(result).filter((key) => key.startsWith('overdue'))).toHaveLength(1);
  });

  it('remind once of an overdue action without a repeat', () => {
    const once = { ...policy, overdueRepeatDays: null };
    expect(plan(facts(), '2027-01-10T12:00:00Z', once)['overdue overdue-0']).toBeUndefined();
    expect(plan(facts(), '2026-12-10T12:00:00Z', once)['overdue overdue-0']).toBe(
      '2026-12-16 09:00:00',
    );
  });

  it('plan nothing for a closed action, and let none of its occasions stand', () => {
    const closed = facts({ closed: true });
    expect(plannedOccasions(closed, policy, new Date('2026-11-01T00:00:00Z'))).toEqual([]);
    expect(
      occasionDue(closed, policy, { kind: 'deadline_today', basis: '2026-12-15', step: '0d' }),
    ).toBeNull();
  });
});

describe('occasionDue', () => {
  it('drops the occasions of a moved deadline and keeps those of the current one', () => {
    const moved = facts({ deadline: '2027-01-20' });
    expect(
      occasionDue(moved, policy, { kind: 'deadline_upcoming', basis: '2026-12-15', step: '3d' }),
    ).toBeNull();
    expect(
      occasionDue(moved, policy, { kind: 'deadline_upcoming', basis: '2027-01-20', step: '3d' }),
    ).toEqual(new Date('2027-01-18T08:00:00Z'));
  });

  it('keeps a due occasion valid after its time, so a late worker still sends it', () => {
    const at = occasionDue(facts(), policy, {
      kind: 'deadline_today',
      basis: '2026-12-15',
      step: '0d',
    });
    expect(at).toEqual(new Date('2026-12-15T08:00:00Z'));
  });

  it('moves an occasion with the policy (a new send hour)', () => {
    const later = { ...policy, sendHour: 14 };
    expect(
      occasionDue(facts(), later, { kind: 'deadline_today', basis: '2026-12-15', step: '0d' }),
    ).toEqual(new Date('2026-12-15T13:00:00Z'));
  });

  it('drops a stale reminder once a newer update came', () => {
    const updated = facts({ lastProgressAt: new Date('2026-11-20T10:00:00Z') });
    expect(
      occasionDue(updated, policy, {
        kind: 'stale',
        basis: '2026-11-01T10:00:00.000Z',
        step: 'stale-0',
      }),
    ).toBeNull();
  });

  it('drops steps the policy no longer has', () => {
    const fewer = { ...policy, daysBefore: [14] };
    expect(
      occasionDue(facts(), fewer, { kind: 'deadline_upcoming', basis: '2026-12-15', step: '3d' }),
    ).toBeNull();
    expect(
      occasionDue(
        facts(),
        { ...policy, overdueRepeatDays: null },
        { kind: 'overdue', basis: '2026-12-15', step: 'overdue-1' },
      ),
    ).toBeNull();
  });
});

describe('escalation', () => {
  it('counts from when the action went off track, before it was overdue', () => {
    const offTrack = facts({
      health: 'off_track',
      offTrackSince: new Date('2026-11-10T14:00:00Z'),
    });
    expect(badSince(offTrack, policy)).toEqual(new Date('2026-11-10T14:00:00Z'));
    expect(plan(offTrack, '2026-11-10T15:00:00Z')['escalation administrative']).toBe(
      '2026-11-24 09:00:00',
    );
  });

  it('counts calendar days across the end of summer time, and goes at the send hour', () => {
    // Overdue from Tuesday 20 October 2026, 00:00 summer time; the clocks go back on the 25th.
    const late = facts({ deadline: '2026-10-19' });
    expect(plan(late, '2026-10-20T08:00:00Z')).toMatchObject({
      'escalation administrative': '2026-11-03 09:00:00',
      'escalation overhedenoverleg': '2026-12-01 09:00:00',
    });
    // Off track since a Friday at 23:45: the level after 14 days comes at 09:00 that Friday.
    const night = facts({
      health: 'off_track',
      offTrackSince: new Date('2026-11-06T22:45:00Z'),
    });
    expect(plan(night, '2026-11-07T10:00:00Z')['escalation administrative']).toBe(
      '2026-11-20 09:00:00',
    );
  });

  it('counts a missed update round as a bad period from the day after its date', () => {
    const missed = facts({
      rounds: [
        {
          id: 'r',
          createdAt: new Date('2026-10-01T08:00:00Z'),
          dueDate: '2026-10-15',
          updated: false,
        },
      ],
    });
    expect(badSince(missed, policy)).toEqual(new Date('2026-10-15T22:00:00Z'));
    const answered = facts({ rounds: [{ ...missed.rounds[0], updated: true }] });
    expect(badSince(answered, policy)).toEqual(new Date('2026-12-15T23:00:00Z'));
  });

  it('catches up with the highest level passed, once', () => {
    const result = plan(facts(), '2027-01-10T12:00:00Z');
    expect(result['escalation administrative']).toBe('2026-12-30 09:00:00');
    expect(result['escalation official']).toBeUndefined();
    expect(result['escalation overhedenoverleg']).toBe('2027-01-27 09:00:00');
    const already = plan(facts({ escalationLevel: 'administrative' }), '2027-01-10T12:00:00Z');
    expect(already['escalation administrative']).toBeUndefined();
  });

  it('answers the level due by now, and none before the bad period or after closing', () => {
    expect(levelDue(facts(), policy, new Date('2026-12-10T12:00:00Z'))).toBeNull();
    expect(levelDue(facts(), policy, new Date('2026-12-16T12:00:00Z'))).toBe('official');
    expect(levelDue(facts(), policy, new Date('2027-02-01T12:00:00Z'))).toBe('overhedenoverleg');
    expect(levelDue(facts({ closed: true }), policy, new Date('2027-02-01T12:00:00Z'))).toBeNull();
  });
});

describe('update rounds', () => {
  const round = {
    id: 'r',
    createdAt: new Date('2026-12-05T10:00:00Z'),
    dueDate: '2026-12-18',
    updated: false,
  };

  it('asks at once on a working day, a Saturday request waits for Monday', () => {
    const result = plan(facts({ rounds: [round] }), '2026-12-05T10:00:00Z');
    expect(result['update_round request']).toBe('2026-12-07 09:00:00');
    expect(result['update_round reminder']).toBe('2026-12-15 09:00:00');
  });

  it('asks nothing more of an action that was updated', () => {
    const result = plan(facts({ rounds: [{ ...round, updated: true }] }), '2026-12-05T10:00:00Z');
    expect(Object.keys(result).some((key) => key.startsWith('update_round'))).toBe(false);
  });
});
