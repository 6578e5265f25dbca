/**
 * The one registry of queues, jobs and their payloads. A job is named here, routed to one
 * queue, and its payload typed; the worker refuses to start when a job has no handler.
 * Payloads carry ids; state lives in PostgreSQL.
 */
export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** Proves the outbox → queue → worker path end to end; the handler only logs. */
  SystemPing = 'system.ping',
}

export interface JobPayloads {
  [JobName.SystemPing]: { note: string };
}

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.SystemPing]: QueueName.System,
};

/** A job to run: its name and payload, discriminated by name. */
export type JobRequest = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

const jobNames = new Set<string>(Object.values(JobName));

export function isJobName(value: string): value is JobName {
  return jobNames.has(value);
}
