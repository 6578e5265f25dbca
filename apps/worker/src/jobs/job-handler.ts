import type { JobName, JobPayloads } from '@app/core';

export interface JobContext {
  jobId: string;
  attempt: number;
}

/** One processor class per job: a small `process()` that calls a lib service. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  process(data: JobPayloads[N], context: JobContext): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
