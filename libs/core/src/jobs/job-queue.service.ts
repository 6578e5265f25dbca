import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisConnections } from '../redis/redis-connections';
import { within } from '../runtime/within';
import { JOB_QUEUE, JobRequest, QueueName } from './job-registry';

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  // Completed jobs stay a week so that re-adding the same job id (a relay that crashed before
  // marking its event published) stays a no-op for at least that long.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** The one place that puts jobs on queues. */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  /** Adds a job; with the same `jobId` twice, the second add is a no-op. */
  async enqueue(job: JobRequest, options: { jobId: string; delayMs?: number }): Promise<void> {
    await this.queue(JOB_QUEUE[job.name]).add(job.name, job.data, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: options.jobId,
      delay: options.delayMs,
    });
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

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // After shutdown a new queue would open a Redis connection that nothing closes.
      if (this.closed) throw new Error(`the job queues are closed (queue ${name})`);
      queue = new Queue(name, {
        connection: this.redis.create('command'),
        prefix: this.config.redis.prefix,
      });
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
}
