/**
 * The one registry of queues, jobs and their payloads. A job is named here, routed to one
 * queue, and its payload typed; the worker refuses to start when a job has no handler.
 * Payloads carry ids; state lives in PostgreSQL.
 */
export enum QueueName {
  System = 'system',
  Audit = 'audit',
  Tracking = 'tracking',
  Reminders = 'reminders',
  /** E-mail: its own queue, so a slow SMTP server never holds up reminders. */
  Mail = 'mail',
  /** Report exports: long renders on their own queue, so they never hold up reminders. */
  Reports = 'reports',
  /** Spreadsheet imports: dry runs and applies, long jobs of their own. */
  Imports = 'imports',
}

export enum JobName {
  /** Proves the outbox → queue → worker path end to end; the handler only logs. */
  SystemPing = 'system.ping',
  /** Verifies the audit chain since the last checkpoint and signs a new one (repeating). */
  AuditCheckpoint = 'audit.checkpoint',
  /**
   * An action changed (created, edited, progressed, confirmed, verified): what follows a
   * change after its commit (its reminders rescheduled, the people concerned notified).
   */
  ActionChanged = 'tracking.action-changed',
  /**
   * Many actions changed at once (a batch of an import's rows): the same follow-up as
   * ActionChanged, for all of them in one go.
   */
  ActionsChanged = 'tracking.actions-changed',
  /** A comment was posted: its partner position and mentions notify the people concerned. */
  CommentPosted = 'tracking.comment-posted',
  /**
   * Reminders come due: those of one programme at one moment (09:00, an update round's
   * requests); the worker reloads the rows and sends those that still apply.
   */
  ReminderDue = 'reminders.due',
  /** Recomputes the reminder rows of actions (a programme's, a round's, or the given ones). */
  RemindersReschedule = 'reminders.reschedule',
  /** Repeating: enqueues rows that came within the horizon and whatever Redis lost. */
  RemindersReconcile = 'reminders.reconcile',
  /** Sends one e-mail delivery, once. */
  MailDeliver = 'mail.deliver',
  /** Sends one person's daily digest, once. */
  MailDigest = 'mail.digest',
  /** Renders one report export into its file, with progress. */
  ReportExport = 'reports.export',
  /** Repeating: deletes the exports past their retention. */
  ReportExportsPurge = 'reports.purge',
  /** Repeating: deletes the log of changed summary buckets past its retention. */
  ReportVersionChangesPurge = 'reports.version-changes-purge',
  /** A report export finished: the person who asked for it is notified (`report_ready`). */
  ReportExportFinished = 'reports.export-finished',
  /** Reads an uploaded spreadsheet into its dry run (issue 19). */
  ImportPlan = 'imports.plan',
  /** Applies a dry run's changes, in batches, resuming where a killed run stopped. */
  ImportApply = 'imports.apply',
  /** Repeating: deletes the imports past their retention. */
  ImportsPurge = 'imports.purge',
  /** Repeating: deletes the Idempotency-Keys past IDEMPOTENCY_KEY_TTL_HOURS. */
  IdempotencyKeysPurge = 'system.idempotency-keys-purge',
  /** Repeating: deletes the refresh tokens of sessions that ended (identity). */
  RefreshTokensPurge = 'identity.refresh-tokens-purge',
  /**
   * A webhook subscription was switched off after its deliveries failed for a day: its owner
   * is notified (`webhook_disabled`).
   */
  WebhookDisabled = 'webhooks.subscription-disabled',
  /** Repeating: deletes the webhook deliveries past their retention. */
  WebhookDeliveriesPurge = 'webhooks.deliveries-purge',
}

/** One action's part of an ActionsChanged job: what its follow-up must tell people. */
export interface ActionChangeFollowUp {
  actionId: string;
  /**
   * Unique to the change: the source keys of its notices are made of it, so the job run twice
   * tells no one twice (an import's: `import:<id>:row:<position>`).
   */
  changeKey: string;
  /** The new status, when the change set it. */
  status?: string;
  /** The new owner, when the change assigned the action to someone. */
  ownerUserId?: string | null;
}

export interface JobPayloads {
  [JobName.SystemPing]: { note: string };
  [JobName.AuditCheckpoint]: Record<string, never>;
  [JobName.ActionChanged]: {
    actionId: string;
    /** The action's version after the change: a job for an older version is superseded. */
    version: number;
    /** What happened: one of tracking's `ACTION_CHANGES` (created, updated, progressed …). */
    change: string;
    /** The fields that changed, by their API names. */
    fields: string[];
    /** Who made the change; null for the system. */
    actorUserId: string | null;
    /** The new status, when this change set it (what a notification about it says). */
    status?: string;
    /** The new owner, when this change assigned the action to someone (or to nobody: null). */
    ownerUserId?: string | null;
  };
  [JobName.ActionsChanged]: {
    /** Who made the changes; null for the system. */
    actorUserId: string | null;
    changes: ActionChangeFollowUp[];
  };
  [JobName.CommentPosted]: {
    commentId: string;
    actionId: string;
    authorUserId: string;
    /** The author organisation's stated position, if any. */
    position: string | null;
    mentionedUserIds: string[];
  };
  [JobName.ReminderDue]: {
    programmeId: string;
    /** The moment: the rows scheduled at it (a row moved to another time is not). */
    dueAt: string;
  };
  [JobName.RemindersReschedule]: {
    programmeId: string;
    /** Only these actions; absent: every open action of the programme (or of the round). */
    actionIds?: string[];
    /** Only the actions of this update round. */
    roundId?: string;
    why: 'policy_changed' | 'round_created' | 'round_cancelled' | 'actions_changed';
  };
  [JobName.RemindersReconcile]: Record<string, never>;
  [JobName.MailDeliver]: { deliveryId: string };
  [JobName.MailDigest]: { digestId: string };
  [JobName.ReportExport]: { exportId: string };
  [JobName.ReportExportsPurge]: Record<string, never>;
  [JobName.ReportVersionChangesPurge]: Record<string, never>;
  [JobName.ReportExportFinished]: { exportId: string };
  [JobName.ImportPlan]: { importId: string };
  [JobName.ImportApply]: { importId: string };
  [JobName.ImportsPurge]: Record<string, never>;
  [JobName.IdempotencyKeysPurge]: Record<string, never>;
  [JobName.RefreshTokensPurge]: Record<string, never>;
  [JobName.WebhookDisabled]: {
    subscriptionId: string;
    /** The subscription's version when it was switched off: its notice is sent once. */
    version: number;
  };
  [JobName.WebhookDeliveriesPurge]: Record<string, never>;
}

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.SystemPing]: QueueName.System,
  [JobName.AuditCheckpoint]: QueueName.Audit,
  [JobName.ActionChanged]: QueueName.Tracking,
  [JobName.ActionsChanged]: QueueName.Tracking,
  [JobName.CommentPosted]: QueueName.Tracking,
  [JobName.ReminderDue]: QueueName.Reminders,
  [JobName.RemindersReschedule]: QueueName.Reminders,
  [JobName.RemindersReconcile]: QueueName.Reminders,
  [JobName.MailDeliver]: QueueName.Mail,
  [JobName.MailDigest]: QueueName.Mail,
  [JobName.ReportExport]: QueueName.Reports,
  [JobName.ReportExportsPurge]: QueueName.Reports,
  // Short: not behind long exports.
  [JobName.ReportVersionChangesPurge]: QueueName.System,
  // A notification, not a render: it must not wait behind long exports.
  [JobName.ReportExportFinished]: QueueName.Reminders,
  [JobName.ImportPlan]: QueueName.Imports,
  [JobName.ImportApply]: QueueName.Imports,
  [JobName.ImportsPurge]: QueueName.Imports,
  [JobName.IdempotencyKeysPurge]: QueueName.System,
  [JobName.RefreshTokensPurge]: QueueName.System,
  // A notification: with the others, not behind long jobs.
  [JobName.WebhookDisabled]: QueueName.Reminders,
  [JobName.WebhookDeliveriesPurge]: QueueName.System,
};

/** A job to run: its name and payload, discriminated by name. */
export type JobRequest = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

const jobNames = new Set<string>(Object.values(JobName));

export function isJobName(value: string): value is JobName {
  return jobNames.has(value);
}
