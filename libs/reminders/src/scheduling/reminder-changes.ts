import type { ActionSnapshot } from '@app/tracking';
import { planNext } from '../planning/next-reminders';
import type { ActionFacts, Occasion } from '../planning/reminder-plan.model';
import type { ProgrammeContext } from './programme-contexts';
import { ownerRecipients, recipientsOf } from './recipients';
import type { KnownRow, PlannedRow } from './reminders.repository';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** What planning changes in one action's reminder rows. */
export interface ReminderChanges {
  cancelled: { id: string; reason: string }[];
  skipped: { id: string; reason: string }[];
  moved: { id: string; dueAt: Date; recipientUserIds: string[] }[];
  planned: PlannedRow[];
}

/** What the reminder plan reads of an action and its open update rounds. */
export function toFacts(
  snapshot: ActionSnapshot,
  rounds: readonly { id: string; createdAt: Date; dueDate: string }[],
): ActionFacts {
  return {
    id: snapshot.id,
    programmeId: snapshot.programmeId,
    deadline: snapshot.deadline,
    closed: snapshot.closed,
    health: snapshot.health,
    escalationLevel: snapshot.escalationLevel,
    lastProgressAt: snapshot.lastProgressAt,
    offTrackSince: snapshot.offTrackSince,
    rounds: rounds.map((round) => ({
      ...round,
      updated: snapshot.lastProgressAt >= round.createdAt,
    })),
  };
}

/**
 * What one action's rows need: cancellations, overtaken rows to skip, moves and new (or
 * revived) occasions.
 */
export function reminderChanges(
  snapshot: ActionSnapshot,
  facts: ActionFacts,
  context: ProgrammeContext,
  now: Date,
  known: readonly KnownRow[],
): ReminderChanges {
  const { policy, members } = context;
  const owners = ownerRecipients(snapshot, members);
  const recipients = (occasion: Pick<Occasion, 'kind' | 'step'>): string[] =>
    recipientsOf(occasion, owners, policy, members).map((recipient) => recipient.userId);
  const next = planNext(facts, policy, now, known);
  const moved: { id: string; dueAt: Date; recipientUserIds: string[] }[] = [];
  for (const { row, dueAt } of next.keep) {
    const recipientUserIds = recipients(row);
    if (
      dueAt.getTime() !== row.dueAt.getTime() ||
      !sameSet(recipientUserIds, row.recipientUserIds)
    ) {
      moved.push({ id: row.id, dueAt, recipientUserIds });
    }
  }
  return {
    cancelled: next.cancel.map(({ row, reason }) => ({ id: row.id, reason })),
    skipped: next.skip.map(({ row, reason }) => ({ id: row.id, reason })),
    moved,
    planned: next.insert.map((occasion) => ({
      ...occasion,
      programmeId: snapshot.programmeId,
      actionId: snapshot.id,
      recipientUserIds: recipients(occasion),
    })),
  };
}
