import type { EscalationLevel } from '@app/tracking';
import {
  addDays,
  amsterdamInstant,
  effectiveDeadline,
  localDate,
  sendingMoment,
  sendingMomentOn,
} from '../calendar/working-days';
import type { ReminderPolicy } from '../policy/reminder-policy';
import type { ActionFacts, Occasion } from './reminder-plan.model';

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

export function escalationDue(since: Date, afterDays: number, policy: ReminderPolicy): Date {
  return daysAfter(since, afterDays, policy);
}

export function upcoming(facts: ActionFacts, policy: ReminderPolicy): Map<number, Date> {
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

export function overdueDue(facts: ActionFacts, policy: ReminderPolicy, index: number): Date {
  const first = addDays(effectiveDeadline(facts.deadline, policy), 1);
  return sendingMomentOn(addDays(first, index * (policy.overdueRepeatDays ?? 0)), policy);
}

export function staleDue(facts: ActionFacts, policy: ReminderPolicy, index: number): Date {
  return daysAfter(facts.lastProgressAt, (index + 1) * (policy.staleAfterDays ?? 0), policy);
}

export function roundRequestDue(
  round: ActionFacts['rounds'][number],
  policy: ReminderPolicy,
): Date {
  return sendingMoment(round.createdAt, policy);
}

export function roundReminderDue(
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
