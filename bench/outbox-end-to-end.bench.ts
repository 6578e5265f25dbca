/**
 * `npm run bench:outbox`, part 3: the time from an outbox event's commit until the running
 * worker completed its job.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { AppConfig, QueueName, RedisConnections, outboxJobId } from '@app/core';
import { percentile, sleep } from './harness';
import { recordPing, resetOutboxAndQueue, warmUp, workerContext } from './outbox.bench';

export interface EndToEndResult {
  samples: number;
  latencies: number[];
  median: number;
  min: number;
  p95: number;
  max: number;
}

const SAMPLE_TIMEOUT_MS = 10_000;

/**
 * Commits one event at a time from `producer` (as the API would) and waits for the running
 * worker (`WorkerModule`, relay polling every OUTBOX_POLL_INTERVAL_MS) to complete its job.
 * The time runs from the commit until BullMQ reports the job completed. A random pause of
 * 0-100 ms between samples keeps them from locking onto the relay's poll rhythm.
 */
export async function benchEndToEnd(
  producer: INestApplicationContext,
  config: AppConfig,
  samples: number,
  signal: AbortSignal,
): Promise<EndToEndResult> {
  await resetOutboxAndQueue(producer);
  await warmUp(producer);
  const completedAt = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const events = new QueueEvents(QueueName.System, {
    connection: producer.get(RedisConnections).create('worker'),
    prefix: config.redis.prefix,
  });
  events.on('error', () => undefined);
  events.on('completed', ({ jobId }) => {
    completedAt.set(jobId, performance.now());
    waiting.get(jobId)?.();
  });
  const worker = await workerContext(config);
  try {
    await events.waitUntilReady();

    const one = async (note: string): Promise<number> => {
      signal.throwIfAborted();
      const jobId = outboxJobId(await recordPing(producer, note));
      const committed = performance.now();
      await new Promise<void>((resolve, reject) => {
        const finish = (error?: Error): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', aborted);
          waiting.delete(jobId);
          if (error) reject(error);
          else resolve();
        };
        const aborted = (): void => finish(new Error('aborted'));
        const timer = setTimeout(
          () => finish(new Error(`job ${jobId} not completed within ${SAMPLE_TIMEOUT_MS} ms`)),
          SAMPLE_TIMEOUT_MS,
        );
        signal.addEventListener('abort', aborted, { once: true });
        waiting.set(jobId, () => finish());
        if (completedAt.has(jobId)) finish();
      });
      return (completedAt.get(jobId) ?? Number.NaN) - committed;
    };

    // Untimed: the worker's first job opens its connections.
    for (let i = 0; i < 3; i++) await one(`e2e warm-up ${i}`);
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      await sleep(Math.random() * 100);
      latencies.push(await one(`e2e ${i}`));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      samples,
      latencies,
      median:
        sorted.length % 2 === 1
          ? sorted[(sorted.length - 1) / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
      min: sorted[0],
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1],
    };
  } finally {
    await worker.close();
    await events.close();
  }
}
