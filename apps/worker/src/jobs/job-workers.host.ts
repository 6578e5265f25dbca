import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import {
  APP_CONFIG,
  JOB_QUEUE,
  JobName,
  Metrics,
  QueueName,
  RedisConnections,
  within,
} from '@app/core';
import type { AppConfig } from '@app/core';
import { JOB_HANDLERS, JobHandler } from './job-handler';

/** Checks that every job in the registry has exactly one handler; throws a list otherwise. */
export function indexHandlers(handlers: readonly JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const handler of handlers) {
    if (byName.has(handler.jobName)) problems.push(`job ${handler.jobName} has two handlers`);
    byName.set(handler.jobName, handler);
  }
  for (const name of Object.values(JobName)) {
    if (!byName.has(name)) problems.push(`job ${name} has no handler`);
  }
  if (problems.length > 0) throw new Error(`Job registry incomplete: ${problems.join('; ')}`);
  return byName;
}

/** Runs one BullMQ worker per queue and hands each job to its handler. */
@Injectable()
export class JobWorkersHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkersHost.name);
  private readonly handlers: Map<JobName, JobHandler>;
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly metrics: Metrics,
  ) {
    this.handlers = indexHandlers(handlers);
  }

  onApplicationBootstrap(): void {
    const queues = new Set<QueueName>(Object.values(JOB_QUEUE));
    for (const queue of queues) {
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = this.handlers.get(job.name as JobName);
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          const start = process.hrtime.bigint();
          let outcome = 'failed';
          try {
            await handler.process(job.data as never, {
              jobId: job.id ?? '',
              attempt: job.attemptsMade + 1,
            });
            outcome = 'completed';
          } finally {
            this.metrics.jobDuration.observe(
              { queue, name: handler.jobName, outcome },
              Metrics.secondsSince(start),
            );
          }
        },
        {
          // Options, not a client: the worker then owns its connections (and the blocking
          // one it derives), so a forced stop can drop them all.
          connection: this.redis.options('worker'),
          prefix: this.config.redis.prefix,
          concurrency:
            queue === QueueName.Mail
              ? this.config.mail.concurrency
              : queue === QueueName.Reports
                ? this.config.reports.exportConcurrency
                : this.config.worker.concurrency,
          // The jobs of a worker that died are handed out again within about this long.
          lockDuration: this.config.worker.lockDurationMs,
          stalledInterval: this.config.worker.lockDurationMs,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(
          `job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
        ),
      );
      worker.on('error', (error) => this.logger.warn(`queue ${queue}: ${error.message}`));
      // A job whose worker died (its lock expired) is handed out again.
      worker.on('stalled', (jobId) => this.logger.warn(`job ${jobId} stalled; handed out again`));
      this.workers.push(worker);
    }
    this.logger.log(
      `processing queues ${[...queues].join(', ')} with concurrency ${this.config.worker.concurrency}`,
    );
  }

  /**
   * Lets the jobs in hand finish before the connections close. Bounded: with Redis gone a
   * close never completes, and an unfinished job is retried elsewhere (it is idempotent).
   */
  async beforeApplicationShutdown(): Promise<void> {
    const limit = this.config.http.shutdownTimeoutMs;
    if (!(await within(Promise.all(this.workers.map((worker) => worker.close())), limit))) {
      this.logger.warn(`jobs still running after ${limit} ms; stopping without them`);
      // Drop the connections: left alone, a worker whose Redis hangs keeps renewing locks and
      // reconnecting after the process wanted to stop.
      await within(Promise.all(this.workers.map((worker) => worker.disconnect())), 1000);
    }
  }

  isRunning(): boolean {
    return this.workers.length > 0 && this.workers.every((worker) => worker.isRunning());
  }
}
