import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, Clock, JobName, JobQueueService, type JobRequest } from '@app/core';
import type { AppConfig } from '@app/core';

const RETRY_MS = 30_000;

interface Schedule {
  id: string;
  everyMs: number;
  job: JobRequest;
}

/**
 * Every repeating job, registered in this one place at worker start, and registered again
 * whenever Redis has lost it: the schedules live in Redis, so a Redis that restarted empty or
 * was flushed would otherwise stop them until the worker restarts (issue 16).
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private readonly schedules: Schedule[];
  private retry: NodeJS.Timeout | undefined;
  private check: NodeJS.Timeout | undefined;
  private stopped = false;
  private checking: Promise<void> | undefined;
  private stopTravel: (() => void) | undefined;
  private stopReconnect: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueueService,
    private readonly clock: Clock,
  ) {
    this.schedules = [
      {
        id: 'audit-checkpoint',
        everyMs: config.audit.checkpointIntervalSeconds * 1000,
        job: { name: JobName.AuditCheckpoint, data: {} },
      },
      // Rows are the truth; this puts on the queue what comes within the horizon and
      // whatever Redis lost (README "Reminders").
      {
        id: 'reminders-reconcile',
        everyMs: config.reminders.reconcileIntervalSeconds * 1000,
        job: { name: JobName.RemindersReconcile, data: {} },
      },
      // Exports past their retention are deleted within the hour.
      {
        id: 'report-exports-purge',
        everyMs: 3_600_000,
        job: { name: JobName.ReportExportsPurge, data: {} },
      },
      // The log of changed summary buckets older than a day (README "A summary that is polled").
      {
        id: 'report-version-changes-purge',
        everyMs: 3_600_000,
        job: { name: JobName.ReportVersionChangesPurge, data: {} },
      },
      // Imports past their retention go with their file and dry run.
      {
        id: 'imports-purge',
        everyMs: 3_600_000,
        job: { name: JobName.ImportsPurge, data: {} },
      },
      // So are Idempotency-Keys past theirs (a lookup ignores them already).
      {
        id: 'idempotency-keys-purge',
        everyMs: 3_600_000,
        job: { name: JobName.IdempotencyKeysPurge, data: {} },
      },
      // Refresh tokens of sessions that ended go within the hour after their day of grace.
      {
        id: 'refresh-tokens-purge',
        everyMs: 3_600_000,
        job: { name: JobName.RefreshTokensPurge, data: {} },
      },
      // Webhook deliveries past their 30 days go within the hour (pending ones stay).
      {
        id: 'webhook-deliveries-purge',
        everyMs: 3_600_000,
        job: { name: JobName.WebhookDeliveriesPurge, data: {} },
      },
    ];
  }

  /**
   * How often the worker checks that the schedules are still there: a timer of this process,
   * not a job (a job would be lost with them). At most one reconcile interval, so that losing
   * Redis's data delays a due reminder by at most that long.
   */
  get checkIntervalMs(): number {
    return (
      Math.min(
        this.config.worker.scheduleCheckSeconds,
        this.config.reminders.reconcileIntervalSeconds,
      ) * 1000
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // Clock travel (CLOCK_TRAVEL): what became due by the moved clock goes out now, not at
    // the next scheduled reconcile.
    this.stopTravel = this.clock.onTravel((offset) => {
      if (this.stopped) return;
      void this.queues
        .enqueue(
          { name: JobName.RemindersReconcile, data: {} },
          { jobId: `reminders-reconcile-travel-${offset}-${Date.now()}` },
        )
        .catch((error: Error) =>
          this.logger.warn(`reconcile after clock travel: ${error.message}`),
        );
    });
    // A Redis that comes back may have come back empty.
    this.stopReconnect = this.queues.onReconnect(() => void this.ensure());
    this.check = setInterval(() => void this.ensure(), this.checkIntervalMs);
    this.check.unref();
    await this.register();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.stopTravel?.();
    this.stopReconnect?.();
    clearTimeout(this.retry);
    clearInterval(this.check);
  }

  /**
   * Registers every schedule again if it is missing, one check at a time. Answers the ids it
   * had to register.
   */
  async ensure(): Promise<string[]> {
    if (this.stopped) return [];
    while (this.checking) await this.checking.catch(() => undefined);
    const registered: string[] = [];
    this.checking = (async () => {
      for (const { id, everyMs, job } of this.schedules) {
        if ((await this.queues.ensureScheduled(id, everyMs, job)) === 'registered') {
          registered.push(id);
        }
      }
    })();
    try {
      await this.checking;
      if (registered.length > 0) {
        this.logger.warn(
          `job schedules missing from Redis (restarted empty or flushed?), registered again: ${registered.join(', ')}`,
        );
      }
    } catch (error) {
      // Redis away: the next check, or its reconnect, tries again.
      if (!this.stopped)
        this.logger.warn(`could not check the job schedules: ${(error as Error).message}`);
    } finally {
      this.checking = undefined;
    }
    return registered;
  }

  /** At start: creates or updates every schedule (its interval may have changed). */
  private async register(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const { id, everyMs, job } of this.schedules) {
        await this.queues.schedule(id, everyMs, job);
      }
    } catch (error) {
      // An attempt still running at shutdown fails then; it must not try again afterwards.
      if (this.stopped) return;
      // Redis may be down at start: the worker runs, and tries again until Redis answers.
      this.logger.warn(
        `could not register the job schedules, retrying: ${(error as Error).message}`,
      );
      this.retry = setTimeout(() => void this.register(), RETRY_MS);
      this.retry.unref();
    }
  }
}
