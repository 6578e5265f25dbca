import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isJobName, JobRequest } from '../jobs/job-registry';
import { JobQueueService } from '../jobs/job-queue.service';
import { OutboxEventEntity } from './outbox-event.entity';

interface PendingEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const CONNECTION_ERROR_MESSAGES = [
  'Connection is closed',
  "Stream isn't writeable",
  'Command timed out',
  'max retries per request',
  'connect ETIMEDOUT',
];

/** Whether a failed enqueue says "Redis is away" (wait and retry) rather than "this job is bad". */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return CONNECTION_ERROR_MESSAGES.some((text) => error.message.includes(text));
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The BullMQ job id of an outbox event: derived, so publishing it twice adds one job. */
export const outboxJobId = (eventId: string): string => `outbox-${eventId}`;

/** Seconds before an event that could not be published is looked at again: 2, 4, 8, ... at most 15 min. */
export const retryDelaySeconds = (attempts: number): number => Math.min(2 ** attempts, 900);

/**
 * Publishes committed outbox events to their queues. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of relays can run without publishing an event twice.
 */
@Injectable()
export class OutboxRelayService {
  private readonly logger = new Logger(OutboxRelayService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Publishes one batch and returns how many events it published. Throws when the queue is
   * unreachable; the events then stay pending and go out on a later call.
   */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events: PendingEvent[] = await manager.query(
        `SELECT id, type, payload, attempts FROM outbox_events
          WHERE published_at IS NULL AND available_at <= now()
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.config.worker.outboxBatchSize],
      );
      const published: string[] = [];
      for (const event of events) {
        if (!isJobName(event.type)) {
          // Only this event is wrong (a job renamed or removed): set it aside, keep the rest flowing.
          await this.setAside(manager, event, `unknown job type "${event.type}"`);
          continue;
        }
        try {
          const job = { name: event.type, data: event.payload } as JobRequest;
          await this.queues.enqueue(job, { jobId: outboxJobId(event.id) });
          published.push(event.id);
        } catch (error) {
          if (!isConnectionError(error)) {
            // Something about this event (not the queue) is wrong: set it aside, go on.
            await this.setAside(manager, event, describe(error));
            continue;
          }
          // The queue is unreachable: every later event would fail too. Keep what went out,
          // leave the rest pending; the caller backs off and tries again.
          if (published.length === 0) throw error;
          break;
        }
      }
      if (published.length > 0) {
        await manager.query(
          `UPDATE outbox_events SET published_at = now(), attempts = attempts + 1
            WHERE id = ANY($1::uuid[])`,
          [published],
        );
      }
      return published.length;
    });
  }

  /**
   * Deletes events published more than `retentionDays` ago; their jobs' ids have long left
   * BullMQ's dedup window, so keeping them proves nothing. Returns how many went.
   */
  async prunePublished(retentionDays: number): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OutboxEventEntity)
      .where('published_at < now() - make_interval(days => :days)', { days: retentionDays })
      .execute();
    return result.affected ?? 0;
  }

  private async setAside(
    manager: EntityManager,
    event: PendingEvent,
    reason: string,
  ): Promise<void> {
    this.logger.warn(`outbox event ${event.id} (${event.type}) not published: ${reason}`);
    await manager.query(
      `UPDATE outbox_events
          SET attempts = attempts + 1, last_error = $2,
              available_at = now() + make_interval(secs => $3)
        WHERE id = $1`,
      [event.id, reason.slice(0, 1000), retryDelaySeconds(event.attempts + 1)],
    );
  }
}
