import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type IORedis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisConnections } from '../redis/redis-connections';
import { Clock } from './clock';

const POLL_MS = 1000;

/**
 * Clock travel for trying the product out (CLOCK_TRAVEL=true, never in production): the
 * offset of "now" lives in Redis, so that the API that moves it and every worker agree
 * within a second. Each process polls it into its Clock.
 */
@Injectable()
export class ClockTravel implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClockTravel.name);
  private redis: IORedis | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly connections: RedisConnections,
  ) {}

  get enabled(): boolean {
    return this.config.clockTravel;
  }

  private get key(): string {
    return `${this.config.redis.prefix}:clock-offset-ms`;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.redis = this.connections.create('command');
    const poll = () => {
      void this.read().finally(() => {
        if (this.redis) this.timer = setTimeout(poll, POLL_MS).unref();
      });
    };
    poll();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.redis = undefined;
  }

  /** Moves "now" of every process to `instant` (0: back to the machine's time). */
  async moveTo(instant: Date | null): Promise<number> {
    if (!this.enabled || !this.redis) throw new Error('clock travel is not enabled');
    const offset = instant === null ? 0 : instant.getTime() - Date.now();
    await this.redis.set(this.key, String(offset));
    this.clock.travel(offset);
    this.logger.warn(`clock moved to ${this.clock.now().toISOString()} (offset ${offset} ms)`);
    return offset;
  }

  private async read(): Promise<void> {
    try {
      const value = await this.redis?.get(this.key);
      const offset = value ? Number(value) : 0;
      if (Number.isFinite(offset)) this.clock.travel(offset);
    } catch {
      // Redis away: keep the offset we have; the next poll tries again.
    }
  }
}
