/**
 * The one registry of queues, jobs and their payloads. A job is named here, routed to one
 * queue, and its payload typed; the worker refuses to start when a job has no handler.
 * Payloads carry ids; state lives in PostgreSQL.
 */
export enum QueueName {
  System = 'system',
  Audit = 'audit',
}

export enum JobName {
  /** Proves the outbox → queue → worker path end to end; the handler only logs. */
  SystemPing = 'system.ping',
  /** Verifies the audit chain since the last checkpoint and signs a new one (repeating). */
  AuditCheckpoint = 'audit.checkpoint',
}

export interface JobPayloads {
  [JobName.SystemPing]: { note: string };
  [JobName.AuditCheckpoint]: Record<string, never>;
}

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.SystemPing]: QueueName.System,
  [JobName.AuditCheckpoint]: QueueName.Audit,
};

/** A job to run: its name and payload, discriminated by name. */
export type JobRequest = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

const jobNames = new Set<string>(Object.values(JobName));

export function isJobName(value: string): value is JobName {
  return jobNames.has(value);
}
