import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, within } from '@app/core';
import type { AppConfig } from '@app/core';
import { WebhookFanout, WebhookSender } from '@app/webhooks';

const MAX_BACKOFF_MS = 10_000;

/**
 * Runs the webhooks in the worker (issue 21), in two loops: the fan-out turns new audit log
 * events into deliveries; the sender keeps up to WEBHOOK_CONCURRENCY deliveries in flight.
 * Both wait the poll interval when idle and back off while PostgreSQL is away.
 */
@Injectable()
export class WebhookDeliveryRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryRunner.name);
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private wakeSender: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fanout: WebhookFanout,
    private readonly sender: WebhookSender,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loops = [this.fanOutLoop(), this.sendLoop()];
  }

  /** Lets the attempts in flight finish (their outcome recorded), at most SHUTDOWN_TIMEOUT_MS. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeSender?.();
    await within(
      Promise.all([...this.loops, ...this.inFlight]).then(() => undefined),
      this.config.http.shutdownTimeoutMs,
    );
  }

  private async fanOutLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let pause = this.config.webhooks.pollIntervalMs;
      try {
        const batch = await this.fanout.fanOutBatch();
        failures = 0;
        if (batch.deliveries > 0) this.wakeSender?.();
        if (batch.more) pause = 0;
      } catch (error) {
        failures += 1;
        pause = Math.min(this.config.webhooks.pollIntervalMs * 2 ** failures, MAX_BACKOFF_MS);
        if (failures === 1 || failures % 10 === 0) {
          this.logger.warn(
            `webhook fan-out failed (${failures} tries): ${(error as Error).message}`,
          );
        }
      }
      if (pause > 0) await sleep(pause);
    }
  }

  private async sendLoop(): Promise<void> {
    const capacity = this.config.webhooks.concurrency;
    let failures = 0;
    while (this.running) {
      let pause = this.config.webhooks.pollIntervalMs;
      try {
        const free = capacity - this.inFlight.size;
        const claimed = await this.sender.claim(free);
        failures = 0;
        for (const delivery of claimed) {
          const attempt: Promise<void> = this.sender.deliver(delivery).finally(() => {
            this.inFlight.delete(attempt);
            // Half the slots free again: worth a look for more.
            if (this.inFlight.size <= capacity / 2) this.wakeSender?.();
          });
          this.inFlight.add(attempt);
        }
        if (claimed.length > 0 && claimed.length === free)
          pause = this.inFlight.size < capacity ? 0 : pause;
      } catch (error) {
        failures += 1;
        pause = Math.min(this.config.webhooks.pollIntervalMs * 2 ** failures, MAX_BACKOFF_MS);
        if (failures === 1 || failures % 10 === 0) {
          this.logger.warn(
            `webhook sender cannot take deliveries (${failures} tries): ${(error as Error).message}`,
          );
        }
      }
      if (pause > 0 && this.running) await this.sleepSender(pause);
    }
  }

  private sleepSender(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSender = () => {
        this.wakeSender = undefined;
        done();
      };
    });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
