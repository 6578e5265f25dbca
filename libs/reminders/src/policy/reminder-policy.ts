import { ESCALATION_LEVELS, type EscalationLevel } from '@app/tracking';
import type { QuietRules } from '../calendar/working-days';

/** One rung of the escalation ladder: after how long in a bad state, and whom it concerns. */
export interface EscalationStep {
  level: EscalationLevel;
  /** Days an action has been overdue, off track or behind on an update round. */
  afterDays: number;
  /** Members of the programme notified when an action reaches this level. */
  contactUserIds: string[];
}

/** When and about what a programme's people are reminded (issue 6, item 1). */
export interface ReminderPolicy extends QuietRules {
  /** Calendar days before the deadline to remind the owner (default 14 and 3). */
  daysBefore: number[];
  /** Also remind on the deadline day itself. */
  onDeadlineDay: boolean;
  /** Remind of an overdue action again every so many days; null: once. */
  overdueRepeatDays: number | null;
  /** Remind when no progress update came for this many days; null: never. */
  staleAfterDays: number | null;
  /** Days before an update round's date to remind those who have not updated yet. */
  updateRoundReminderDaysBefore: number;
  /** The ladder official → administrative → overhedenoverleg; a level may be left out. */
  escalation: EscalationStep[];
  /** One e-mail per person per day listing everything, instead of one per reminder. */
  digest: boolean;
}

export interface StoredReminderPolicy extends ReminderPolicy {
  /** 1: the defaults, never stored; every stored change moves it on. */
  version: number;
  updatedAt: Date | null;
}

/**
 * The defaults of the issue: 14 and 3 days before, on the day, every 7 days overdue, stale
 * after 30 days; escalation at once to the official level, after 14 days to the
 * administrative and after 42 to the Overhedenoverleg; no sending on weekends and public
 * holidays, at 09:00.
 */
export const DEFAULT_REMINDER_POLICY: StoredReminderPolicy = {
  daysBefore: [14, 3],
  onDeadlineDay: true,
  overdueRepeatDays: 7,
  staleAfterDays: 30,
  updateRoundReminderDaysBefore: 3,
  escalation: [
    { level: 'official', afterDays: 0, contactUserIds: [] },
    { level: 'administrative', afterDays: 14, contactUserIds: [] },
    { level: 'overhedenoverleg', afterDays: 42, contactUserIds: [] },
  ],
  skipWeekends: true,
  skipHolidays: true,
  sendHour: 9,
  digest: false,
  version: 1,
  updatedAt: null,
};

/** The rank of a level on the ladder; null (not escalated) is below every level. */
export function escalationRank(level: EscalationLevel | null): number {
  return level === null ? -1 : ESCALATION_LEVELS.indexOf(level);
}
