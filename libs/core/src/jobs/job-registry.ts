/**
 * The one registry of queues, jobs and their payloads. A job is named here, routed to one
 * queue, and its payload typed; the worker refuses to start when a job has no handler.
 * Payloads carry ids; state lives in PostgreSQL.
 */
export enum QueueName {
  System = 'system',
  Audit = 'audit',
  Tracking = 'tracking',
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
}

/** What happened to an action, for the jobs that follow the change. */
export const ACTION_CHANGES = [
  'created',
  'updated',
  'progressed',
  'confirmed',
  'verified',
] as const;
export type ActionChange = (typeof ACTION_CHANGES)[number];

export interface JobPayloads {
  [JobName.SystemPing]: { note: string };
  [JobName.AuditCheckpoint]: Record<string, never>;
  [JobName.ActionChanged]: {
    actionId: string;
    /** The action's version after the change: a job for an older version is superseded. */
    version: number;
    change: ActionChange;
    /** The fields that changed, by their API names. */
    fields: string[];
    /** Who made the change; null for the system. */
    actorUserId: string | null;
  };
}

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.SystemPing]: QueueName.System,
  [JobName.AuditCheckpoint]: QueueName.Audit,
  [JobName.ActionChanged]: QueueName.Tracking,
};

/** A job to run: its name and payload, discriminated by name. */
export type JobRequest = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

const jobNames = new Set<string>(Object.values(JobName));

export function isJobName(value: string): value is JobName {
  return jobNames.has(value);
}
