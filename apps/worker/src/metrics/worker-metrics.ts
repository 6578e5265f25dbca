import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditCheckpointStore } from '@app/audit';
import { Clock, JobQueueService, Metrics, OutboxBacklog, QueueName } from '@app/core';

/** The job states an operator watches; `completed` grows without bound and is left out. */
export const WATCHED_JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The gauges of state the workers share: queues, the outbox and the audit checkpoint. Only the
 * worker reports them (not every API replica too), each read once per scrape.
 */
@Injectable()
export class WorkerMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly queues: JobQueueService,
    private readonly outbox: OutboxBacklog,
    private readonly checkpoints: AuditCheckpointStore,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'sbt_queue_jobs',
      'Jobs per queue and state (waiting, active, delayed, failed).',
      ['queue', 'state'],
      async () => {
        const counts = await Promise.all(
          Object.values(QueueName).map(async (queue) => ({
            queue,
            counts: await this.queues.queue(queue).getJobCounts(...WATCHED_JOB_STATES),
          })),
        );
        return counts.flatMap(({ queue, counts: byState }) =>
          WATCHED_JOB_STATES.map((state) => ({
            labels: { queue, state },
            value: byState[state] ?? 0,
          })),
        );
      },
    );
    // One statement answers both outbox gauges; a scrape reads them together.
    let backlog: ReturnType<OutboxBacklog['read']> | undefined;
    const readBacklog = () => {
      backlog ??= this.outbox.read().finally(() => {
        backlog = undefined;
      });
      return backlog;
    };
    this.metrics.gauge(
      'sbt_outbox_backlog_events',
      'Outbox events not yet relayed to the queues.',
      [],
      async () => [{ value: (await readBacklog()).events }],
    );
    this.metrics.gauge(
      'sbt_outbox_oldest_event_age_seconds',
      'Age of the oldest outbox event not yet relayed (0 when none).',
      [],
      async () => [{ value: (await readBacklog()).oldestAgeSeconds }],
    );
    this.metrics.gauge(
      'sbt_audit_checkpoint_age_seconds',
      'Seconds since the last signed audit checkpoint (absent before the first).',
      [],
      async () => {
        const stored = await this.checkpoints.read();
        if (stored.state !== 'valid') return [];
        const age = (this.clock.now().getTime() - Date.parse(stored.checkpoint.createdAt)) / 1000;
        return [{ value: Math.max(0, age) }];
      },
    );
  }
}
