import { escalationRank, type ReminderPolicy } from '../policy/reminder-policy';
import {
  badSince,
  escalationDue,
  occasionDue,
  overdueDue,
  roundReminderDue,
  roundRequestDue,
  staleDue,
  upcoming,
} from './occasion-due';
import type { ActionFacts, Occasion, ReminderKind } from './reminder-plan.model';

/** A planned occasion at most this far in the past is still inserted (clocks differ a little). */
export const PLAN_GRACE_MS = 60_000;
/** At most this many occurrences of a repeating kind are looked through. */
const MAX_REPEATS = 2000;

/** The kinds whose wording says where an action stands against its deadline, in order. */
const DEADLINE_KINDS: ReadonlySet<ReminderKind> = new Set([
  'deadline_upcoming',
  'deadline_today',
  'overdue',
]);

/**
 * The newest occasion of `occasion`'s sequence whose moment has passed by `now`: of the
 * deadline's reminders (days before, the day itself, each overdue one), or of the escalation
 * ladder of the same bad period. Null for other kinds, whose wording does not age (a stale
 * reminder counts its days when sent; an update round's request carries the round).
 */
function newestPassed(
  facts: ActionFacts,
  policy: ReminderPolicy,
  occasion: Pick<Occasion, 'kind' | 'basis'>,
  now: Date,
): Occasion | null {
  const passed: Occasion[] = [];
  if (DEADLINE_KINDS.has(occasion.kind)) {
    const basis = facts.deadline;
    for (const [days, dueAt] of upcoming(facts, policy)) {
      passed.push({ kind: 'deadline_upcoming', basis, step: `${days}d`, dueAt });
    }
    const today = occasionDue(facts, policy, { kind: 'deadline_today', basis, step: '0d' });
    if (today) passed.push({ kind: 'deadline_today', basis, step: '0d', dueAt: today });
    let index = 0;
    while (
      policy.overdueRepeatDays !== null &&
      index < MAX_REPEATS &&
      overdueDue(facts, policy, index + 1) <= now
    ) {
      index += 1;
    }
    passed.push({
      kind: 'overdue',
      basis,
      step: `overdue-${index}`,
      dueAt: overdueDue(facts, policy, index),
    });
  } else if (occasion.kind === 'escalation') {
    const since = badSince(facts, policy);
    if (!since) return null;
    for (const rung of policy.escalation) {
      passed.push({
        kind: 'escalation',
        basis: since.toISOString(),
        step: rung.level,
        dueAt: escalationDue(since, rung.afterDays, policy),
      });
    }
  }
  let newest: Occasion | null = null;
  for (const candidate of passed) {
    if (candidate.dueAt <= now && (!newest || candidate.dueAt > newest.dueAt)) newest = candidate;
  }
  return newest;
}

/**
 * The later occasion that has overtaken this one, or null. An occasion is overtaken when its
 * moment has passed and so has a later one's of the same sequence: a worker that was down
 * across both moments would otherwise send "deadline in 3 days" after the deadline. Only the
 * newest of them still says what is true, so that one is sent, and this one is skipped.
 */
export function overtakenBy(
  facts: ActionFacts,
  policy: ReminderPolicy,
  occasion: Pick<Occasion, 'kind' | 'basis' | 'step'>,
  now: Date,
): Occasion | null {
  const dueAt = occasionDue(facts, policy, occasion);
  if (!dueAt || dueAt > now) return null;
  const newest = newestPassed(facts, policy, occasion, now);
  return newest && newest.dueAt > dueAt ? newest : null;
}

export const occasionKey = (occasion: Pick<Occasion, 'kind' | 'basis' | 'step'>): string =>
  `${occasion.kind}|${occasion.basis}|${occasion.step}`;

/** The first occurrence of a repeating kind that is not yet past, nor already dealt with. */
function nextOfSeries(
  due: (index: number) => Date,
  notBefore: Date,
  settled: (index: number) => boolean,
): { index: number; dueAt: Date } {
  for (let index = 0; index < MAX_REPEATS; index += 1) {
    const dueAt = due(index);
    if (dueAt >= notBefore && !settled(index)) return { index, dueAt };
  }
  return { index: MAX_REPEATS, dueAt: due(MAX_REPEATS) };
}

/**
 * The occasions that should have a scheduled row from `now` on: every one still ahead (the
 * next of each repeating kind), and of the escalation ladder also the highest level already
 * passed, if the action is not at it yet (an action long overdue escalates at once). Past
 * occasions of other kinds are not reminded of after the fact.
 */
export function plannedOccasions(
  facts: ActionFacts,
  policy: ReminderPolicy,
  now: Date,
  settled: ReadonlySet<string> = new Set(),
): Occasion[] {
  if (facts.closed) return [];
  const notBefore = new Date(now.getTime() - PLAN_GRACE_MS);
  const occasions: Occasion[] = [];
  const add = (occasion: Occasion) => {
    if (occasion.dueAt >= notBefore) occasions.push(occasion);
  };
  for (const [days, dueAt] of upcoming(facts, policy)) {
    add({ kind: 'deadline_upcoming', basis: facts.deadline, step: `${days}d`, dueAt });
  }
  if (policy.onDeadlineDay) {
    const dueAt = occasionDue(facts, policy, {
      kind: 'deadline_today',
      basis: facts.deadline,
      step: '0d',
    });
    if (dueAt) add({ kind: 'deadline_today', basis: facts.deadline, step: '0d', dueAt });
  }
  const overdue =
    policy.overdueRepeatDays === null
      ? { index: 0, dueAt: overdueDue(facts, policy, 0) }
      : nextOfSeries(
          (index) => overdueDue(facts, policy, index),
          notBefore,
          (index) =>
            settled.has(
              occasionKey({ kind: 'overdue', basis: facts.deadline, step: `overdue-${index}` }),
            ),
        );
  add({ kind: 'overdue', basis: facts.deadline, step: `overdue-${overdue.index}`, ...overdue });
  if (policy.staleAfterDays !== null) {
    const basis = facts.lastProgressAt.toISOString();
    const stale = nextOfSeries(
      (index) => staleDue(facts, policy, index),
      notBefore,
      (index) => settled.has(occasionKey({ kind: 'stale', basis, step: `stale-${index}` })),
    );
    add({
      kind: 'stale',
      basis,
      step: `stale-${stale.index}`,
      dueAt: stale.dueAt,
    });
  }
  const since = badSince(facts, policy);
  if (since) {
    let passed: Occasion | undefined;
    for (const rung of policy.escalation) {
      const occasion: Occasion = {
        kind: 'escalation',
        basis: since.toISOString(),
        step: rung.level,
        dueAt: escalationDue(since, rung.afterDays, policy),
      };
      if (occasion.dueAt >= notBefore) occasions.push(occasion);
      else if (escalationRank(rung.level) > escalationRank(facts.escalationLevel))
        passed = occasion;
    }
    if (passed) occasions.push(passed);
  }
  for (const round of facts.rounds) {
    if (round.updated) continue;
    occasions.push({
      kind: 'update_round',
      basis: round.id,
      step: 'request',
      dueAt: roundRequestDue(round, policy),
      roundId: round.id,
    });
    const reminder = roundReminderDue(round, policy);
    if (reminder) {
      add({
        kind: 'update_round',
        basis: round.id,
        step: 'reminder',
        dueAt: reminder,
        roundId: round.id,
      });
    }
  }
  return occasions;
}
