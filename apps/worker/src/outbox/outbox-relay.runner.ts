import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, OutboxRelayService, within } from '@app/core';
import type { AppConfig } from '@app/core';

const MAX_BACKOFF_MS = 5_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Published events are kept this long, for inspection; BullMQ keeps completed jobs 7 days. */
export const OUTBOX_RETENTION_DAYS = 14;

/**
 * Runs the outbox relay in a loop: at once again while batches come back full, after the poll
 * interval when idle, with a growing pause while PostgreSQL or Redis is away.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayRunner.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;
  private lastPrune = 0;

  constructor(
    private readonly relay: OutboxRelayService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Waits for the batch in hand, at most SHUTDOWN_TIMEOUT_MS (its transaction then rolls back). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await within(this.loop ?? Promise.resolve(), this.config.http.shutdownTimeoutMs);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let pause = this.config.worker.outboxPollIntervalMs;
      try {
        const published = await this.relay.relayBatch();
        if (this.failures > 0) this.logger.log('outbox relay recovered');
        this.failures = 0;
        if (published >= this.config.worker.outboxBatchSize) pause = 0;
        if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
          this.lastPrune = Date.now();
          const pruned = await this.relay.prunePublished(OUTBOX_RETENTION_DAYS);
          if (pruned > 0) this.logger.log(`pruned ${pruned} published outbox events`);
        }
      } catch (error) {
        this.failures += 1;
        pause = Math.min(
          this.config.worker.outboxPollIntervalMs * 2 ** this.failures,
          MAX_BACKOFF_MS,
        );
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.logger.warn(
            `outbox relay cannot publish (${this.failures} tries): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      if (pause > 0) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
