/** What a notification is about; preferences choose per kind whether it comes by e-mail. */
export const NOTIFICATION_KINDS = [
  'deadline_upcoming',
  'deadline_today',
  'overdue',
  'stale',
  'update_request',
  'update_reminder',
  'escalation',
  'de_escalation',
  'status_changed',
  'assigned',
  'partner_position',
  'mention',
  'report_ready',
  'webhook_disabled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const PROGRESS_REQUESTS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'stale',
  'update_request',
  'update_reminder',
]);

/** Whether a notification asks its reader for a progress update: its link opens the form. */
export const asksForProgress = (kind: NotificationKind): boolean => PROGRESS_REQUESTS.has(kind);

/** Why this person gets it: the e-mail and the in-app text say so. */
export const NOTIFICATION_REASONS = [
  'owner',
  'owner_organisation',
  'coordinator',
  'escalation_contact',
  'mentioned',
  'requester',
  'webhook_owner',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The facts a notification's text is made of, frozen when it was made: the text then says
 * what was true when it was sent, whatever the action says later.
 */
export interface NotificationPayload {
  actionTitle?: string;
  /** YYYY-MM-DD. */
  deadline?: string;
  ownerOrganisation?: string;
  status?: string;
  level?: string;
  previousLevel?: string | null;
  daysBefore?: number;
  staleDays?: number;
  roundTitle?: string;
  /** YYYY-MM-DD. */
  roundDueDate?: string;
  roundMessage?: string;
  actorName?: string;
  organisationCode?: string;
  position?: string;
  excerpt?: string;
  /** report_ready: the export's format (`pdf`, `xlsx`, …) and file name. */
  reportFormat?: string;
  reportFilename?: string;
  /** webhook_disabled: the address its deliveries kept failing at. */
  webhookUrl?: string;
}

/** One notification to make: for one person, from one cause (`sourceKey`, unique per person). */
export interface Notice {
  userId: string;
  kind: NotificationKind;
  /** What caused it, e.g. `reminder:<id>`: the same cause never notifies a person twice. */
  sourceKey: string;
  reason: NotificationReason;
  programmeId: string | null;
  actionId: string | null;
  payload: NotificationPayload;
}
