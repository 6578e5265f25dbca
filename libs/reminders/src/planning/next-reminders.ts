import type { ReminderPolicy } from '../policy/reminder-policy';
import { occasionDue } from './occasion-due';
import { occasionKey, overtakenBy, PLAN_GRACE_MS, plannedOccasions } from './reminder-plan';
import type { ActionFacts, Occasion, ReminderState } from './reminder-plan.model';

/** A row of an action as planning reads it: scheduled ones, and those settled lately. */
export interface KnownRow {
  id: string;
  kind: Occasion['kind'];
  basis: string;
  step: string;
  dueAt: Date;
  state: ReminderState;
}

/** What to do with an action's rows so that exactly its next reminders are scheduled. */
export interface NextPlan<Row extends KnownRow> {
  /** Scheduled rows that stay, at the time they are due now (moved, if it changed). */
  keep: { row: Row; dueAt: Date }[];
  cancel: { row: Row; reason: string }[];
  /** Rows never to be sent: overtaken by a later reminder whose moment has passed too. */
  skip: { row: Row; reason: string }[];
  /** Occasions without a scheduled row: inserted, or a cancelled row of theirs revived. */
  insert: Occasion[];
}

/**
 * The rows that show an occasion was dealt with: sent or skipped. Planning reads those due
 * since this moment (plus every update-round request, which is planned whatever its age).
 */
export const settledSince = (now: Date): Date => new Date(now.getTime() - PLAN_GRACE_MS);

/**
 * Keeps one thing scheduled per action: its next reminder (all occasions of the earliest
 * moment, say the first overdue reminder and the escalation of the same morning). When it
 * goes out, the dispatcher plans again and the one after it becomes the next. An action
 * with a year ahead of it thus holds one row, not eight, and a change (a moved deadline, a
 * progress update, a new policy) touches one row.
 *
 * A scheduled row that still applies keeps its place even when its time has passed (a
 * worker that was down sends it late), unless a later reminder of the same sequence has come
 * due meanwhile too: then the row is skipped as overtaken and that later one, the newest
 * whose moment has passed, is planned in its place (`overtakenBy`). An occasion already sent
 * or skipped is never planned again.
 */
export function planNext<Row extends KnownRow>(
  facts: ActionFacts,
  policy: ReminderPolicy,
  now: Date,
  rows: readonly Row[],
): NextPlan<Row> {
  const plan: NextPlan<Row> = { keep: [], cancel: [], skip: [], insert: [] };
  const settled = new Set<string>();
  const candidates = new Map<string, { occasion: Occasion; row?: Row }>();
  const overtaking: Occasion[] = [];
  for (const row of rows) {
    if (row.state === 'sent' || row.state === 'skipped') settled.add(occasionKey(row));
  }
  for (const row of rows) {
    if (row.state !== 'scheduled') continue;
    const dueAt = occasionDue(facts, policy, row);
    const later = dueAt && overtakenBy(facts, policy, row, now);
    if (later) {
      plan.skip.push({
        row,
        reason: `overtaken by a later reminder (${later.kind} ${later.step})`,
      });
      settled.add(occasionKey(row));
      overtaking.push(later);
    } else if (dueAt) {
      const occasion = { kind: row.kind, basis: row.basis, step: row.step, dueAt };
      candidates.set(occasionKey(row), { occasion, row });
    } else plan.cancel.push({ row, reason: 'no longer applies' });
  }
  // A repeating kind whose occurrence went out moves on to the one after it; an overtaken
  // row's place goes to the reminder that overtook it.
  for (const occasion of [...overtaking, ...plannedOccasions(facts, policy, now, settled)]) {
    const key = occasionKey(occasion);
    if (!settled.has(key) && !candidates.has(key)) candidates.set(key, { occasion });
  }
  let earliest = Infinity;
  for (const { occasion } of candidates.values()) {
    earliest = Math.min(earliest, occasion.dueAt.getTime());
  }
  for (const { occasion, row } of candidates.values()) {
    const next = occasion.dueAt.getTime() === earliest;
    if (row && next) plan.keep.push({ row, dueAt: occasion.dueAt });
    else if (row) plan.cancel.push({ row, reason: 'an earlier reminder comes first' });
    else if (next) plan.insert.push(occasion);
  }
  return plan;
}
