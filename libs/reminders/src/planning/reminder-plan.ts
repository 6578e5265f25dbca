import type { ActionHealth, EscalationLevel } from '@app/tracking';
import {
  addDays,
  amsterdamInstant,
  effectiveDeadline,
  localDate,
  sendingMoment,
  sendingMomentOn,
} from '../calendar/working-days';
import { escalationRank, type ReminderPolicy } from '../policy/reminder-policy';

export const REMINDER_KINDS = [
  'deadline_upcoming',
  'deadline_today',
  'overdue',
  'stale',
  'update_round',
  'escalation',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_STATES = ['scheduled', 'sent', 'cancelled', 'skipped'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** What the plan of one action depends on (read in the transaction that reschedules it). */
export interface ActionFacts {
  id: string;
  programmeId: string;
  /** YYYY-MM-DD. */
  deadline: string;
  closed: boolean;
  health: ActionHealth;
  escalationLevel: EscalationLevel | null;
  /** The latest progress update, or the action's creation when it has none. */
  lastProgressAt: Date;
  /** When the health became off_track, while it is. */
  offTrackSince: Date | null;
  /** The open update rounds that ask this action for an update. */
  rounds: readonly { id: string; createdAt: Date; dueDate: string; updated: boolean }[];
}

/** One occasion to remind: unique per action by kind, basis and step. */
export interface Occasion {
  kind: ReminderKind;
  /** What the occasion hangs on: the deadline, the last update, the bad period, the round. */
  basis: string;
  /** Which one of the kind: `14d`, `overdue-2`, `administrative`, `request`. */
  step: string;
  dueAt: Date;
  roundId?: string;
}

/** A planned occasion at most this far in the past is still inserted (clocks differ a little). */
export const PLAN_GRACE_MS = 60_000;
/** At most this many occurrences of a repeating kind are looked through. */
const MAX_REPEATS = 2000;

const startOfDay = (date: string) => amsterdamInstant(date, 0);

/** The start of the first day the action counts as overdue (after its effective deadline). */
export function overdueStart(facts: ActionFacts, policy: ReminderPolicy): Date {
  return startOfDay(addDays(effectiveDeadline(facts.deadline, policy), 1));
}

/**
 * When the action's bad period started, or will start if nothing changes: the earliest of
 * off track since, overdue from, and the end of each update round it has not answered
 * ("missing an update round counts toward escalation"). Null for a closed action.
 */
export function badSince(facts: ActionFacts, policy: ReminderPolicy): Date | null {
  if (facts.closed) return null;
  const candidates = [overdueStart(facts, policy).getTime()];
  if (facts.health === 'off_track' && facts.offTrackSince) {
    candidates.push(facts.offTrackSince.getTime());
  }
  for (const round of facts.rounds) {
    if (!round.updated) candidates.push(startOfDay(addDays(round.dueDate, 1)).getTime());
  }
  return new Date(Math.min(...candidates));
}

/** The level an action should be at by `now`, under the policy's ladder. */
export function levelDue(
  facts: ActionFacts,
  policy: ReminderPolicy,
  now: Date,
): EscalationLevel | null {
  const since = badSince(facts, policy);
  if (!since || since > now) return null;
  let level: EscalationLevel | null = null;
  for (const step of policy.escalation) {
    if (escalationDue(since, step.afterDays, policy) <= now) level = step.level;
  }
  return level;
}

/**
 * The send hour of the day `days` calendar days after the local date of `from` (or of the
 * next sending day), never before `from` can be sent itself. Calendar days, not 24-hour
 * periods: a clock change does not move a reminder to 23:00 the day before, and a count
 * that began at 23:45 still ends at the send hour.
 */
function daysAfter(from: Date, days: number, policy: ReminderPolicy): Date {
  const onDay = sendingMomentOn(addDays(localDate(from), days), policy);
  const atOnce = sendingMoment(from, policy);
  return onDay > atOnce ? onDay : atOnce;
}

function escalationDue(since: Date, afterDays: number, policy: ReminderPolicy): Date {
  return daysAfter(since, afterDays, policy);
}

function upcoming(facts: ActionFacts, policy: ReminderPolicy): Map<number, Date> {
  const deadlineDay = effectiveDeadline(facts.deadline, policy);
  const byMoment = new Map<number, number>();
  for (const days of policy.daysBefore) {
    const due = sendingMomentOn(addDays(facts.deadline, -days), policy);
    // Moved past a day off onto (or beyond) the deadline day: the deadline's reminder says it.
    if (localDate(due) >= deadlineDay) continue;
    const other = byMoment.get(due.getTime());
    if (other === undefined || days < other) byMoment.set(due.getTime(), days);
  }
  return new Map([...byMoment].map(([time, days]) => [days, new Date(time)]));
}

function overdueDue(facts: ActionFacts, policy: ReminderPolicy, index: number): Date {
  const first = addDays(effectiveDeadline(facts.deadline, policy), 1);
  return sendingMomentOn(addDays(first, index * (policy.overdueRepeatDays ?? 0)), policy);
}

function staleDue(facts: ActionFacts, policy: ReminderPolicy, index: number): Date {
  return daysAfter(facts.lastProgressAt, (index + 1) * (policy.staleAfterDays ?? 0), policy);
}

function roundRequestDue(round: ActionFacts['rounds'][number], policy: ReminderPolicy): Date {
  return sendingMoment(round.createdAt, policy);
}

function roundReminderDue(
  round: ActionFacts['rounds'][number],
  policy: ReminderPolicy,
): Date | null {
  const due = sendingMomentOn(
    addDays(round.dueDate, -policy.updateRoundReminderDaysBefore),
    policy,
  );
  return due > roundRequestDue(round, policy) ? due : null;
}

const series = (step: string, prefix: string): number | null => {
  const match = new RegExp(`^${prefix}-(\\d+)$`).exec(step);
  return match ? Number(match[1]) : null;
};

/**
 * When an existing occasion is due under the current facts and policy, or null when it no
 * longer applies (the deadline moved, the action closed or was updated, the policy dropped
 * it). Independent of "now": a due reminder not yet sent stays valid until it is.
 */
export function occasionDue(
  facts: ActionFacts,
  policy: ReminderPolicy,
  occasion: Pick<Occasion, 'kind' | 'basis' | 'step'>,
): Date | null {
  if (facts.closed) return null;
  const { kind, basis, step } = occasion;
  switch (kind) {
    case 'deadline_upcoming': {
      if (basis !== facts.deadline) return null;
      const match = /^(\d+)d$/.exec(step);
      return match ? (upcoming(facts, policy).get(Number(match[1])) ?? null) : null;
    }
    case 'deadline_today':
      return basis === facts.deadline && step === '0d' && policy.onDeadlineDay
        ? sendingMomentOn(effectiveDeadline(facts.deadline, policy), policy)
        : null;
    case 'overdue': {
      const index = series(step, 'overdue');
      if (basis !== facts.deadline || index === null) return null;
      if (index > 0 && policy.overdueRepeatDays === null) return null;
      return overdueDue(facts, policy, index);
    }
    case 'stale': {
      const index = series(step, 'stale');
      if (policy.staleAfterDays === null || index === null) return null;
      return basis === facts.lastProgressAt.toISOString() ? staleDue(facts, policy, index) : null;
    }
    case 'escalation': {
      const since = badSince(facts, policy);
      const rung = policy.escalation.find((candidate) => candidate.level === step);
      if (!since || !rung || basis !== since.toISOString()) return null;
      return escalationDue(since, rung.afterDays, policy);
    }
    case 'update_round': {
      const round = facts.rounds.find((candidate) => candidate.id === basis);
      if (!round || round.updated) return null;
      if (step === 'request') return roundRequestDue(round, policy);
      return step === 'reminder' ? roundReminderDue(round, policy) : null;
    }
  }
}

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
