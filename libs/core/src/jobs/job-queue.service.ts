import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JobsOptions, Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisConnections } from '../redis/redis-connections';
import { within } from '../runtime/within';
import { JOB_QUEUE, JobName, JobRequest, QueueName } from './job-registry';

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  // Completed jobs stay a week so that re-adding the same job id (a relay that crashed before
  // marking its event published) stays a no-op for at least that long.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Runs of a job on the Reports or Imports queue (a report export, an import's dry run or
 * apply) before its row is marked failed: long jobs that an eighth run would not help.
 */
export const LONG_JOB_ATTEMPTS = 3;

/** A job to add: what, under which id (a duplicate id is a no-op), and when. */
export interface JobPlacement {
  job: JobRequest;
  jobId: string;
  delayMs?: number;
}

/** What `ensureScheduled` found: the scheduler and its next run in place, or registered again. */
export type ScheduleOutcome = 'present' | 'registered';

/** States in which a scheduler's next run will still happen. */
const PENDING_STATES = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

/** What `ensure` found and did about a job that must exist. */
export type EnsureOutcome = 'added' | 'present' | 'promoted' | 'retried' | 'replaced' | 'again';

const succeeds = (work: Promise<unknown>): Promise<boolean> =>
  work.then(
    () => true,
    () => false,
  );

/** The one place that puts jobs on queues. */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly reconnectListeners = new Set<() => void>();
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  /** Adds a job; with the same `jobId` twice, the second add is a no-op. */
  async enqueue(job: JobRequest, options: { jobId: string; delayMs?: number }): Promise<void> {
    await this.queue(JOB_QUEUE[job.name]).add(job.name, job.data, this.options(job.name, options));
  }

  /** Adds many jobs, one round trip per queue; ids already present are left alone. */
  async enqueueMany(placements: readonly JobPlacement[]): Promise<void> {
    const byQueue = new Map<QueueName, JobPlacement[]>();
    for (const placement of placements) {
      const queue = JOB_QUEUE[placement.job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), placement]);
    }
    for (const [queue, list] of byQueue) {
      // Bounded batches: one huge MULTI would block Redis for everyone else meanwhile.
      for (let start = 0; start < list.length; start += 1000) {
        await this.queue(queue).addBulk(
          list.slice(start, start + 1000).map(({ job, jobId, delayMs }) => ({
            name: job.name,
            data: job.data,
            opts: this.options(job.name, { jobId, delayMs }),
          })),
        );
      }
    }
  }

  /**
   * Makes sure a job that must run does: for a row that is due (or due soon) but whose job
   * Redis lost, never ran to the end, or was made for another time. Added when missing;
   * promoted when it still waits although due (the clock was moved); retried when it failed
   * for good; replaced when it completed although its row still waits (it ran too early).
   * With `newWork` (the caller has just committed work for it), a job running now runs again.
   */
  async ensure(
    placement: JobPlacement,
    options: { newWork?: boolean } = {},
  ): Promise<EnsureOutcome> {
    const queue = this.queue(JOB_QUEUE[placement.job.name]);
    const existing = await queue.getJob(placement.jobId);
    if (!existing) {
      await this.enqueue(placement.job, placement);
      return 'added';
    }
    const state = await existing.getState();
    const due = (placement.delayMs ?? 0) <= 0;
    if (state === 'active' && due && options.newWork) {
      // Running now, it may have read its work before the caller's was committed: it runs
      // once more, under an id of its own (the job must be safe to run twice).
      await this.enqueue(placement.job, { jobId: `${placement.jobId}-again-${randomUUID()}` });
      return 'again';
    }
    // Another reconciler or the job itself may move it in between: then it is on its way.
    if (state === 'delayed' && due) {
      return (await succeeds(existing.promote())) ? 'promoted' : 'present';
    }
    if (state === 'failed') {
      return (await succeeds(existing.retry('failed'))) ? 'retried' : 'present';
    }
    if (state === 'completed' || state === 'unknown') {
      await existing.remove().catch(() => undefined);
      await this.enqueue(placement.job, placement);
      return 'replaced';
    }
    return 'present';
  }

  /**
   * Creates or updates a repeating job (a BullMQ job scheduler): one per `id`, however many
   * workers start, so re-registering at every start is safe.
   */
  async schedule(id: string, everyMs: number, job: JobRequest): Promise<void> {
    await this.queue(JOB_QUEUE[job.name]).upsertJobScheduler(
      id,
      { every: everyMs },
      {
        name: job.name,
        data: job.data,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }

  /**
   * Makes sure a repeating job is in Redis: its scheduler, and a next run that will happen.
   * Registers it again when either is missing (Redis restarted empty, or its data was
   * flushed), which starts a run at once. Answers what it found.
   */
  async ensureScheduled(id: string, everyMs: number, job: JobRequest): Promise<ScheduleOutcome> {
    const queue = this.queue(JOB_QUEUE[job.name]);
    const scheduler = await queue.getJobScheduler(id);
    if (scheduler && typeof scheduler.next === 'number') {
      // BullMQ's id of a scheduler's run (JobScheduler#getSchedulerNextJobId).
      const next = await queue.getJob(`repeat:${id}:${scheduler.next}`);
      if (next && PENDING_STATES.has(await next.getState())) return 'present';
    }
    await this.schedule(id, everyMs, job);
    return 'registered';
  }

  /**
   * Calls `listener` whenever a queue's connection to Redis becomes ready again after it was
   * lost (a Redis restart, which may have lost its data); answers the function that stops it.
   */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // After shutdown a new queue would open a Redis connection that nothing closes.
      if (this.closed) throw new Error(`the job queues are closed (queue ${name})`);
      const connection = this.redis.create('command');
      let connectedBefore = false;
      connection.on('ready', () => {
        if (connectedBefore) for (const listener of this.reconnectListeners) listener();
        connectedBefore = true;
      });
      queue = new Queue(name, { connection, prefix: this.config.redis.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await within(
      Promise.all([...this.queues.values()].map((queue) => queue.close())),
      this.config.http.shutdownTimeoutMs,
    );
    this.queues.clear();
  }

  private options(name: JobName, placement: { jobId: string; delayMs?: number }): JobsOptions {
    const options: JobsOptions = {
      ...DEFAULT_JOB_OPTIONS,
      jobId: placement.jobId,
      delay: placement.delayMs !== undefined && placement.delayMs > 0 ? placement.delayMs : 0,
    };
    if (JOB_QUEUE[name] === QueueName.Mail) {
      // SMTP failures retry with backoff, MAIL_MAX_ATTEMPTS times; the delivery row counts
      // them too and turns `failed` after the last (the row, not the job, is what users see).
      options.attempts = this.config.mail.maxAttempts;
      options.backoff = { type: 'exponential', delay: this.config.mail.retryDelayMs };
    }
    if (JOB_QUEUE[name] === QueueName.Reports || JOB_QUEUE[name] === QueueName.Imports) {
      // An export or import that fails three times is marked failed (its row says so); running
      // it an eighth time would not help.
      options.attempts = LONG_JOB_ATTEMPTS;
    }
    return options;
  }
}
