/**
 * The worker of `bench:imports` as a child process (`node dist/bench/imports-worker.js`, not
 * pinned, as `bench:reports` runs its worker), asked over IPC for its statement count and a
 * CPU profile; its memory from /proc; and the wait until the work an apply leaves behind
 * (outbox events, the jobs they become) is done, so that one scenario's tail is not measured
 * in the next.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { type AppConfig, QueueName } from '@app/core';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags';
import { OutputTail, supervise } from '../scripts/services/service-process';
import type { ProfileSummary } from './cpu-profile';
import { type Cleanup, sleep } from './harness';
import type { CapturedStatement, ProbeMessage, ProbeRequest } from './server-probe';

const START_TIMEOUT_MS = 60_000;

export interface ProbedWorker {
  pid: number;
  /** SIGTERM, then SIGKILL after 15 s (also run by the cleanup; idempotent). */
  stop(): Promise<void>;
  statements(): Promise<number>;
  /** Starts keeping the statements sent; with `false`, stops and answers them. */
  capture(on: boolean): Promise<CapturedStatement[]>;
  profile(on: true): Promise<null>;
  profile(on: false): Promise<ProfileSummary>;
}

/** Starts the worker and waits until its health file says its queues are being worked. */
export async function startWorker(
  environment: Record<string, string>,
  cleanup: Cleanup,
): Promise<ProbedWorker> {
  const script = path.join(__dirname, 'imports-worker.js');
  const healthFile = environment.WORKER_HEALTH_FILE;
  // BENCH_WORKER_NODE_OPTIONS (e.g. --max-old-space-size=256): the worker's alone, to tell
  // retained memory from the headroom V8 leaves its heap.
  const nodeOptions = [process.env.NODE_OPTIONS, process.env.BENCH_WORKER_NODE_OPTIONS]
    .filter(Boolean)
    .join(' ');
  // Started as in production, with its heap cap, unless BENCH_WORKER_NODE_OPTIONS sets one
  // (a flag on the command line would win over it).
  const ownHeap = (process.env.BENCH_WORKER_NODE_OPTIONS ?? '').includes('--max-old-space-size');
  const flags = ownHeap ? [] : WORKER_NODE_FLAGS;
  const child: ChildProcess = spawn(process.execPath, [...flags, script], {
    env: { ...process.env, ...environment, NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const output = new OutputTail(30);
  output.follow(child.stderr, (line) => process.stderr.write(`  [worker] ${line}\n`));
  let exited: string | undefined;
  const stop = supervise(
    child,
    [
      ['SIGTERM', 15_000],
      ['SIGKILL', 5_000],
    ],
    (exit) => {
      exited = exit;
    },
  );
  cleanup.add('stop the worker', stop);

  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (message: { id?: number; result?: unknown; error?: string }) => {
    const waiting = pending.get(message.id ?? -1);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(`worker: ${message.error}`));
    else waiting.resolve(message.result);
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(existsSync(healthFile) && statSync(healthFile).mtimeMs > Date.now() - 20_000)) {
    if (exited !== undefined || child.exitCode !== null) {
      throw new Error(`the worker exited (${exited ?? 'at start'}):\n${output.lines().join('\n')}`);
    }
    if (Date.now() > deadline) throw new Error(`the worker did not start within 60 s`);
    await sleep(100);
  }

  let nextId = 0;
  const ask = <T>(request: ProbeRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, request } satisfies ProbeMessage);
    });
  return {
    pid: child.pid!,
    stop,
    statements: () => ask<number>({ kind: 'statements' }),
    capture: (on) => ask<CapturedStatement[]>({ kind: 'capture', on }),
    profile: ((on: boolean) => ask({ kind: 'profile', on })) as ProbedWorker['profile'],
  };
}

/**
 * Waits until no outbox event is unpublished and no job waits or runs in any queue (delayed
 * ones, such as reminders due later, do not count); answers how long that took.
 */
export async function waitUntilQuiet(
  dataSource: DataSource,
  config: AppConfig,
  signal: AbortSignal,
  timeoutMs = 300_000,
): Promise<number> {
  const redis = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const queues = Object.values(QueueName).map(
    (name) => new Queue(name, { connection: redis, prefix: config.redis.prefix }),
  );
  const started = performance.now();
  try {
    for (;;) {
      signal.throwIfAborted();
      const [{ pending }] = await dataSource.query<{ pending: number }[]>(
        'SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL',
      );
      let busy = pending;
      for (const queue of queues) {
        const counts = await queue.getJobCounts('wait', 'active', 'prioritized');
        busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
      }
      if (busy === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs) {
        throw new Error(`still ${busy} events or jobs pending after ${timeoutMs} ms`);
      }
      await sleep(250);
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    redis.disconnect();
  }
}
