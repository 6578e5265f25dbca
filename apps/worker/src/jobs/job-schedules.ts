import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, Clock, JobName, JobQueueService } from '@app/core';
import type { AppConfig } from '@app/core';

const RETRY_MS = 30_000;

/** Every repeating job, registered in this one place at worker start. */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueueService,
    private readonly clock: Clock,
  ) {}

  private stopTravel: (() => void) | undefined;

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
    await this.register();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.stopTravel?.();
    clearTimeout(this.retry);
  }

  private async register(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.queues.schedule(
        'audit-checkpoint',
        this.config.audit.checkpointIntervalSeconds * 1000,
        { name: JobName.AuditCheckpoint, data: {} },
      );
      // Rows are the truth; this puts on the queue what comes within the horizon and
      // whatever Redis lost (README "Reminders").
      await this.queues.schedule(
        'reminders-reconcile',
        this.config.reminders.reconcileIntervalSeconds * 1000,
        { name: JobName.RemindersReconcile, data: {} },
      );
      // Exports past their retention are deleted within the hour.
      await this.queues.schedule('report-exports-purge', 3_600_000, {
        name: JobName.ReportExportsPurge,
        data: {},
      });
      // So are Idempotency-Keys past theirs (a lookup ignores them already).
      await this.queues.schedule('idempotency-keys-purge', 3_600_000, {
        name: JobName.IdempotencyKeysPurge,
        data: {},
      });
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
