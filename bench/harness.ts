/**
 * What every benchmark shares: servers (given or local), a scratch database and Redis prefix
 * removed at the end also when something fails, a time limit, and table output.
 */
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppConfig, loadConfig, RATE_LIMIT_BUDGETS } from '@app/core';
import {
  maskUrl,
  RunningService,
  startEmbeddedPostgres,
  startLocalRedis,
} from '../scripts/services';
import {
  createScratchDatabase,
  deleteRedisKeys,
  dropScratchDatabase,
  withAdmin,
} from '../scripts/services/scratch-database';

// Re-exported: the benchmarks import what they share from this one place.
export { benchSession } from './bench-session';
export { allSettledOrThrow, type ConcurrentResult, percentile, runConcurrent } from './concurrency';

const root = path.resolve(__dirname, '../..');
const SETTLE_TIMEOUT_MS = 15_000;

export const say = (line = ''): void => void process.stdout.write(`${line}\n`);

/** Prints the failed checks, if any; true when there were none (a bench's result). */
export function passed(failures: readonly string[]): boolean {
  if (failures.length > 0) {
    say();
    say('FAILED checks:');
    for (const failure of failures) say(`  - ${failure}`);
  }
  return failures.length === 0;
}
export const ms = (value: number): string => value.toFixed(1);

export const rate = (value: number): string => Math.round(value).toLocaleString('en-US');

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}=${raw} is not a positive integer`);
  return value;
}

/** What the run made and must take down again, in reverse order. */
export class Cleanup {
  private readonly steps: Array<{ name: string; run: () => Promise<unknown> }> = [];

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  async runAll(): Promise<boolean> {
    let ok = true;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        ok = false;
        process.stderr.write(
          `cleanup: ${step.name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
    return ok;
  }
}

async function redisVersion(redisUrl: string): Promise<string> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5000 });
  redis.on('error', () => undefined);
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

export function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const rule = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  return [
    rule,
    ...rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value.padEnd(valueWidth)} |`),
    rule,
  ];
}

/** A Nest application context without console output; init errors throw instead of exiting. */
export async function createContext(module: DynamicModule): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(module, {
    logger: false,
    abortOnError: false,
  });
  await app.init();
  return app;
}

export interface BenchSetup {
  config: AppConfig;
  /** The variables `config` was loaded from, for servers started as child processes. */
  environment: Record<string, string>;
  cleanup: Cleanup;
  signal: AbortSignal;
  /** Machine, servers and settings, for the report. */
  machine: Array<[string, string]>;
}

/** Servers, a migrated scratch database, a Redis prefix and the config that points at them. */
async function setUp(
  cleanup: Cleanup,
  settings: Record<string, string>,
): Promise<Omit<BenchSetup, 'signal' | 'cleanup'>> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseName = `sbt_bench_${runId}`;
  const redisPrefix = `sbt-bench-${runId}`;
  // --- Servers -------------------------------------------------------------------------------
  let serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const embeddedPostgres = !serverUrl;
  if (!serverUrl) {
    say('Starting embedded PostgreSQL (.data/bench-postgres)...');
    const postgres: RunningService = await startEmbeddedPostgres({
      dataDir: path.join(root, '.data/bench-postgres'),
      database: 'postgres',
      log: (line) => process.stderr.write(`  [postgres] ${line}\n`),
    });
    cleanup.add('stop embedded PostgreSQL', () => postgres.stop());
    serverUrl = postgres.url;
  }
  let redisUrl = process.env.BENCH_REDIS_URL || process.env.REDIS_URL;
  const embeddedRedis = !redisUrl;
  if (!redisUrl) {
    say('Starting local Redis (.data/bench-redis)...');
    const redis = await startLocalRedis({
      dataDir: path.join(root, '.data/bench-redis'),
      log: (line) => process.stderr.write(`  [redis] ${line}\n`),
    });
    cleanup.add('stop local Redis', () => redis.stop());
    redisUrl = redis.url;
  }
  const adminUrl = serverUrl;
  const queueUrl = redisUrl;

  // --- Database and configuration -------------------------------------------------------------
  const serverVersion = await withAdmin(adminUrl, async (admin) => {
    const result = await admin.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0].server_version;
  });
  // One role (the server's user): the benchmarks measure the product, not the privileges.
  const { url: databaseUrl } = await createScratchDatabase(adminUrl, databaseName);
  cleanup.add(`drop database ${databaseName}`, () => dropScratchDatabase(adminUrl, databaseName));
  cleanup.add(`delete Redis keys ${redisPrefix}:*`, async () => {
    await deleteRedisKeys(queueUrl, redisPrefix);
  });

  const healthFile = path.join(os.tmpdir(), `sbt-bench-worker-${process.pid}-${runId}.health`);
  cleanup.add('remove worker health file', () => {
    rmSync(healthFile, { force: true });
    return Promise.resolve();
  });
  const environment: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: queueUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_ACCESS_SECRET: 'b'.repeat(32),
    JWT_REFRESH_SECRET: 'c'.repeat(32),
    AUDIT_CHECKPOINT_KEY: 'd'.repeat(32),
    IDENTITY_PROVIDER_SECRET_KEY: Buffer.alloc(32, 4).toString('base64'),
    LOG_LEVEL: 'silent',
    MIGRATIONS_RUN: 'false',
    DATABASE_POOL_SIZE: '40',
    WORKER_HEALTH_FILE: healthFile,
    // The limiter stays on, so its cost is measured, but its budgets are out of a load test's reach.
    ...Object.fromEntries(RATE_LIMIT_BUDGETS.map((name) => [name, '1000000'])),
    ...settings,
  };
  const config: AppConfig = loadConfig(environment);

  const cpus = os.cpus();
  const machine: Array<[string, string]> = [
    ['CPUs', `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`],
    ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['Platform', `${os.platform()} ${os.release()} ${os.arch()}`],
    ['Node', process.version],
    [
      'PostgreSQL',
      `${serverVersion} (${embeddedPostgres ? 'embedded' : 'given'}: ${maskUrl(adminUrl)})`,
    ],
    [
      'Redis',
      `${await redisVersion(queueUrl)} (${embeddedRedis ? 'local' : 'given'}: ${queueUrl})`,
    ],
    ['Database / Redis prefix', `${databaseName} / ${redisPrefix}`],
  ];
  return { config, environment, machine };
}

/**
 * Runs a benchmark: sets up, calls `main` (true: every check passed), cleans up; exits 1 on a
 * failed check, an error, the time limit (BENCH_TIMEOUT_MS) or a signal.
 */
export function runBench(
  settings: Record<string, string>,
  main: (setup: BenchSetup) => Promise<boolean>,
  defaultTimeoutMs = 300_000,
): void {
  run(settings, main, defaultTimeoutMs).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}

async function run(
  settings: Record<string, string>,
  main: (setup: BenchSetup) => Promise<boolean>,
  defaultTimeoutMs: number,
): Promise<number> {
  const cleanup = new Cleanup();
  const timeoutMs = positiveInt('BENCH_TIMEOUT_MS', defaultTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  let interrupt: ((signal: NodeJS.Signals) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`benchmark did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
    interrupt = (signal) => reject(new Error(`interrupted by ${signal}`));
  });
  const onSignal = (signal: NodeJS.Signals): void => interrupt?.(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const abort = new AbortController();
  const work = setUp(cleanup, settings).then(async ({ config, environment, machine }) => {
    for (const line of table(machine)) say(line);
    say();
    return main({ config, environment, cleanup, signal: abort.signal, machine });
  });
  // After a timeout or signal the work fails on its own (it checks the abort signal).
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  let code = 1;
  try {
    code = (await Promise.race([work, stopped])) ? 0 : 1;
    if (code !== 0) process.stderr.write('\nA check FAILED (see the summary).\n');
  } catch (error) {
    process.stderr.write(
      `\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    // Let the loops stop between two transactions before their connections are closed, so
    // that nothing writes after the cleanup (bounded: a hung call must not keep us here).
    abort.abort();
    await Promise.race([settled, sleep(SETTLE_TIMEOUT_MS)]);
  } finally {
    clearTimeout(timer);
    if (!(await cleanup.runAll())) code = 1;
  }
  return code;
}
