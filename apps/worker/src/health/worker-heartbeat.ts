import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { rm, writeFile } from 'node:fs/promises';
import { APP_CONFIG, HealthService } from '@app/core';
import type { AppConfig } from '@app/core';
import { JobWorkersHost } from '../jobs/job-workers.host';

export const HEARTBEAT_INTERVAL_MS = 10_000;

/**
 * The worker's readiness signal (it has no HTTP server): a file rewritten every 10 s while
 * the job workers run and PostgreSQL and Redis answer. `healthcheck.js` reads its age.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private beating: Promise<void> = Promise.resolve();

  constructor(
    private readonly health: HealthService,
    private readonly workers: JobWorkersHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beating = this.beat();
    }, HEARTBEAT_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.beating;
    await rm(this.config.worker.healthFile, { force: true });
  }

  /** Never throws: a heartbeat that cannot be written is a worker that is not ready. */
  private async beat(): Promise<void> {
    try {
      await this.writeBeat();
    } catch (error) {
      this.logger.warn(
        `heartbeat not written: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async writeBeat(): Promise<void> {
    const report = await this.health.readiness();
    if (this.stopped) return;
    if (report.status === 'ok' && this.workers.isRunning()) {
      await writeFile(this.config.worker.healthFile, `${new Date().toISOString()}\n`);
    } else {
      this.logger.warn(`not ready: ${JSON.stringify(report.checks)}`);
      await rm(this.config.worker.healthFile, { force: true });
    }
  }
}
