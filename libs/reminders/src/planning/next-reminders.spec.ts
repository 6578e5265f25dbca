import { DEFAULT_REMINDER_POLICY as policy } from '../policy/reminder-policy';
import { type KnownRow, type NextPlan, planNext } from './next-reminders';
import type { ActionFacts } from './reminder-plan.model';

const facts = (overrides: Partial<ActionFacts> = {}): ActionFacts => ({
  id: 'a',
  programmeId: 'p',
  deadline: '2026-12-15',
  closed: false,
  health: 'on_track',
  escalationLevel: null,
  // The stale reminder comes 30 days on: Saturday 5 December, so Monday the 7th.
  lastProgressAt: new Date('2026-11-05T10:00:00Z'),
  offTrackSince: null,
  rounds: [],
  ...overrides,
});

let ids = 0;
const row = (
  kind: KnownRow['kind'],
  step: string,
  dueAt: string,
  state: KnownRow['state'] = 'scheduled',
  basis = '2026-12-15',
): KnownRow => ({ id: `row-${(ids += 1)}`, kind, basis, step, dueAt: new Date(dueAt), state });

/** The plan as readable lists: `kind step` of each, with the local time of what is new. */
function readable(plan: NextPlan<KnownRow>) {
  const local = (date: Date) => date.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return {
    keep: plan.keep.map(({ row, dueAt }) => `${row.kind} ${row.step} ${local(dueAt)}`),
    cancel: plan.cancel.map(({ row, reason }) => `${row.kind} ${row.step}: ${reason}`),
    ...(plan.skip.length > 0
      ? { skip: plan.skip.map(({ row, reason }) => `${row.kind} ${row.step}: ${reason}`) }
      : {}),
    insert: plan.insert.map(
      (occasion) => `${occasion.kind} ${occasion.step} ${local(occasion.dueAt)}`,
    ),
  };
}

const next = (action: ActionFacts, now: string, rows: KnownRow[] = []) =>
  readable(planNext(action, policy, new Date(now), rows));

describe('planNext', () => {
  it('schedules only the next reminder of an action', () => {
    expect(next(facts(), '2026-11-20T12:00:00Z')).toEqual({
      keep: [],
      cancel: [],
      insert: ['deadline_upcoming 14d 2026-12-01 09:00:00'],
    });
  });

  it('leaves a scheduled next reminder as it is: planning twice changes nothing', () => {
    const scheduled = row('deadline_upcoming', '14d', '2026-12-01T08:00:00Z');
    expect(next(facts(), '2026-11-20T12:00:00Z', [scheduled])).toEqual({
      keep: ['deadline_upcoming 14d 2026-12-01 09:00:00'],
      cancel: [],
      insert: [],
    });
  });

  it('plans the one after a reminder that went out, and never that one again', () => {
    const sent = row('deadline_upcoming', '14d', '2026-12-01T08:00:00Z', 'sent');
    // Right after sending, and also with a clock moved back before it.
    for (const now of ['2026-12-01T08:00:05Z', '2026-11-20T12:00:00Z']) {
      expect(next(facts(), now, [sent]).insert).toEqual(['stale stale-0 2026-12-07 09:00:00']);
    }
  });

  it('schedules every occasion of the same moment: the first overdue reminder and escalation', () => {
    const sent = row('deadline_today', '0d', '2026-12-15T08:00:00Z', 'sent');
    expect(next(facts(), '2026-12-15T08:00:05Z', [sent]).insert).toEqual([
      'overdue overdue-0 2026-12-16 09:00:00',
      'escalation official 2026-12-16 09:00:00',
    ]);
  });

  it('moves on to the next overdue reminder once one went out', () => {
    const sent = [
      row('overdue', 'overdue-0', '2026-12-16T08:00:00Z', 'sent'),
      row('escalation', 'official', '2026-12-16T08:00:00Z', 'sent', '2026-12-15T23:00:00.000Z'),
    ];
    expect(next(facts(), '2026-12-16T08:00:05Z', sent).insert).toEqual([
      'overdue overdue-1 2026-12-23 09:00:00',
    ]);
  });

  it('keeps a row whose time has passed in front (a late worker still sends it)', () => {
    const late = row('deadline_upcoming', '14d', '2026-12-01T08:00:00Z');
    expect(next(facts(), '2026-12-03T12:00:00Z', [late])).toEqual({
      keep: ['deadline_upcoming 14d 2026-12-01 09:00:00'],
      cancel: [],
      insert: [],
    });
  });

  it('cancels a row that is no longer next, and plans the earlier one', () => {
    const scheduled = row('deadline_upcoming', '14d', '2026-12-01T08:00:00Z');
    const round = {
      id: 'r',
      createdAt: new Date('2026-11-23T10:00:00Z'),
      dueDate: '2026-12-18',
      updated: false,
    };
    expect(next(facts({ rounds: [round] }), '2026-11-23T10:00:01Z', [scheduled])).toEqual({
      keep: [],
      cancel: ['deadline_upcoming 14d: an earlier reminder comes first'],
      insert: ['update_round request 2026-11-23 11:00:00'],
    });
  });

  it('asks for an update round once, however long ago the request went', () => {
    const round = {
      id: 'r',
      createdAt: new Date('2026-12-05T10:00:00Z'),
      dueDate: '2026-12-18',
      updated: false,
    };
    const request = row('update_round', 'request', '2026-12-07T08:00:00Z', 'sent', 'r');
    expect(next(facts({ rounds: [round] }), '2026-12-10T12:00:00Z', [request]).insert).toEqual([
      // 12 December is a Saturday: Monday 14; the round's own reminder is on the 15th.
      'deadline_upcoming 3d 2026-12-14 09:00:00',
    ]);
  });

  it("cancels a moved deadline's reminder and plans the new deadline's next", () => {
    const old = row('deadline_upcoming', '14d', '2026-12-01T08:00:00Z', 'scheduled', '2026-12-15');
    expect(next(facts({ deadline: '2027-03-01' }), '2026-11-20T12:00:00Z', [old])).toEqual({
      keep: [],
      cancel: ['deadline_upcoming 14d: no longer applies'],
      insert: ['stale stale-0 2026-12-07 09:00:00'],
    });
  });

  it('plans nothing for a closed action and cancels what it had', () => {
    const scheduled = row('deadline_upcoming', '14d', '2026-12-01T08:00:00Z');
    expect(next(facts({ closed: true }), '2026-11-20T12:00:00Z', [scheduled])).toEqual({
      keep: [],
      cancel: ['deadline_upcoming 14d: no longer applies'],
      insert: [],
    });
  });

  describe('a late reminder that a later one has overtaken', () => {
    // Deadline Tuesday 15 December 2026: 3 days before is Saturday 12, so Monday 14 at 09:00.
    const threeDays = () => row('deadline_upcoming', '3d', '2026-12-14T08:00:00Z');

    it('is skipped once the deadline day has passed too, and the deadline-day one planned', () => {
      expect(next(facts(), '2026-12-15T12:00:00Z', [threeDays()])).toEqual({
        keep: [],
        cancel: [],
        skip: ['deadline_upcoming 3d: overtaken by a later reminder (deadline_today 0d)'],
        insert: ['deadline_today 0d 2026-12-15 09:00:00'],
      });
    });

    it('gives way to the newest moment that passed: the first overdue one, the day after', () => {
      expect(next(facts(), '2026-12-16T10:00:00Z', [threeDays()])).toMatchObject({
        skip: ['deadline_upcoming 3d: overtaken by a later reminder (overdue overdue-0)'],
        // The escalation of the same morning comes with it.
        insert: [
          'overdue overdue-0 2026-12-16 09:00:00',
          'escalation official 2026-12-16 09:00:00',
        ],
      });
    });

    it('gives way to the newest overdue reminder when several have passed', () => {
      const overdue = row('overdue', 'overdue-0', '2026-12-16T08:00:00Z');
      // Overdue reminders every 7 days: the 23rd and the 30th have passed by the 31st.
      expect(next(facts(), '2026-12-31T10:00:00Z', [overdue])).toMatchObject({
        skip: ['overdue overdue-0: overtaken by a later reminder (overdue overdue-2)'],
      });
      expect(next(facts(), '2026-12-31T10:00:00Z', [overdue]).insert).toContain(
        'overdue overdue-2 2026-12-30 09:00:00',
      );
    });

    it('is still sent late while no later moment has passed', () => {
      expect(next(facts(), '2026-12-15T07:59:00Z', [threeDays()])).toEqual({
        keep: ['deadline_upcoming 3d 2026-12-14 09:00:00'],
        cancel: [],
        insert: [],
      });
    });

    it('skips a rung of the escalation ladder that a higher rung has overtaken', () => {
      const since = '2026-12-15T23:00:00.000Z';
      const official = row('escalation', 'official', '2026-12-16T08:00:00Z', 'scheduled', since);
      // 14 days on the administrative rung (the 30th) has passed by the 31st.
      expect(next(facts(), '2026-12-31T10:00:00Z', [official]).skip).toEqual([
        'escalation official: overtaken by a later reminder (escalation administrative)',
      ]);
    });

    it('leaves kinds whose wording does not age alone', () => {
      const stale = row(
        'stale',
        'stale-0',
        '2026-12-07T08:00:00Z',
        'scheduled',
        '2026-11-05T10:00:00.000Z',
      );
      expect(next(facts(), '2027-01-20T10:00:00Z', [stale]).skip).toBeUndefined();
    });

    it('does not plan the overtaking one again when it went out already', () => {
      const sent = row('deadline_today', '0d', '2026-12-15T08:00:00Z', 'sent');
      expect(next(facts(), '2026-12-15T12:00:00Z', [threeDays(), sent])).toMatchObject({
        skip: ['deadline_upcoming 3d: overtaken by a later reminder (deadline_today 0d)'],
        insert: [
          'overdue overdue-0 2026-12-16 09:00:00',
          'escalation official 2026-12-16 09:00:00',
        ],
      });
    });
  });
});
