import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { RedisOptions as QueueConnectionOptions } from 'bullmq';
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
  private requestPath?: IORedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * The options of a connection of this purpose, the URL's parts included: for BullMQ
   * workers, which then own (and on a forced stop can drop) their connections, the blocking
   * one they derive included.
   */
  options(purpose: RedisPurpose): QueueConnectionOptions {
    return {
      url: this.config.redis.url,
      ...this.purposeOptions(purpose),
    } as QueueConnectionOptions;
  }

  /**
   * `autoPipelining`: the commands issued in one turn of the event loop go out in one write
   * (ioredis `enableAutoPipelining`): for a connection every request uses, such as the rate
   * limits', whose small commands would otherwise cost a system call each.
   */
  create(purpose: RedisPurpose, { autoPipelining = false } = {}): IORedis {
    const client = new IORedis(this.config.redis.url, {
      ...this.purposeOptions(purpose),
      enableAutoPipelining: autoPipelining,
    });
    // Connection errors surface where commands fail; without a listener ioredis prints them raw.
    client.on('error', () => undefined);
    this.open.add(client);
    return client;
  }

  /**
   * The one auto-pipelined fail-fast connection of the request path (rate limits, principal
   * epochs): what one request asks of Redis before it is handled goes out in one write.
   */
  shared(): IORedis {
    return (this.requestPath ??= this.create('command', { autoPipelining: true }));
  }

  private purposeOptions(purpose: RedisPurpose): RedisOptions {
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
    return { ...options, retryStrategy: (attempt) => Math.min(attempt * 200, 5000) };
  }

  /**
   * QUIT politely, but a hanging Redis gets one second before the socket is dropped; and a
   * connection that could not take the QUIT (reconnecting: fail-fast connections refuse
   * commands then) is dropped too, or it would go on reconnecting and keep the process alive.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.open].map(async (client) => {
        await within(client.quit(), 1000);
        if (client.status !== 'end') client.disconnect();
      }),
    );
    this.open.clear();
  }
}
