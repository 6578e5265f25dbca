import type { ActionHealth, EscalationLevel } from '@app/tracking';

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
