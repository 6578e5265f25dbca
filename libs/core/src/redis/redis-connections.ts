import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { within } from '../runtime/within';

export type RedisPurpose =
  /** Short commands that must fail fast when Redis is away (health checks, producers). */
  | 'command'
  /** BullMQ workers: blocking commands, retried for ever (BullMQ requires this). */
  | 'worker';

/**
 * Waits until a fail-fast connection is ready (it refuses commands before), at most
 * `timeoutMs`; rejects when it does not become ready in time.
 */
export async function whenReady(redis: IORedis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  let onReady: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      redis.once('ready', onReady);
      timer = setTimeout(() => reject(new Error('redis not ready')), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    if (onReady) redis.off('ready', onReady);
  }
}

/** Creates the Redis connections of this process and closes them all on shutdown. */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly open = new Set<IORedis>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  create(purpose: RedisPurpose): IORedis {
    const options: RedisOptions =
      purpose === 'worker'
        ? { maxRetriesPerRequest: null, enableReadyCheck: true }
        : {
            maxRetriesPerRequest: 1,
            enableOfflineQueue: false,
            connectTimeout: 5000,
            // A Redis that accepts connections but stops answering must fail commands too,
            // or the outbox relay would hold its row locks for as long as TCP keeps trying.
            commandTimeout: this.config.redis.commandTimeoutMs,
          };
    const client = new IORedis(this.config.redis.url, {
      ...options,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    // Connection errors surface where commands fail; without a listener ioredis prints them raw.
    client.on('error', () => undefined);
    this.open.add(client);
    return client;
  }

  /** QUIT politely, but a hanging Redis gets one second before the socket is dropped. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.open].map(async (client) => {
        if (!(await within(client.quit(), 1000))) client.disconnect();
      }),
    );
    this.open.clear();
  }
}
