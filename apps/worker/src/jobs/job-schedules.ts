import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, JobName, JobQueueService } from '@app/core';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
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
