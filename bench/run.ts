import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench`: figures for the transactional outbox. Runs against BENCH_DATABASE_URL /
 * DATABASE_URL and BENCH_REDIS_URL / REDIS_URL, else against an embedded PostgreSQL and a
 * local Redis under .data/. Works in a fresh database `sbt_bench_<id>` and under the Redis
 * prefix `sbt-bench-<id>`, both removed at the end, also when something fails.
 *
 * Sizes: BENCH_TRANSACTIONS (2000), BENCH_EVENTS (5000); BENCH_TIMEOUT_MS (300000) bounds it.
 */
import type { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppConfig, loadConfig } from '@app/core';
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
import {
  EndToEndResult,
  RelayResult,
  WriteResult,
  benchEndToEnd,
  benchRelay,
  benchWrites,
  coreContext,
  sleep,
} from './outbox.bench';

const root = path.resolve(__dirname, '../..');
const WRITE_CLIENTS = 32;
const RELAY_BATCH_SIZE = 100;
const POLL_INTERVAL_MS = 50;
const E2E_SAMPLES = 20;
const SETTLE_TIMEOUT_MS = 15_000;

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const ms = (value: number): string => value.toFixed(1);
const rate = (value: number): string => Math.round(value).toLocaleString('en-US');

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}=${raw} is not a positive integer`);
  return value;
}

/** What the run made and must take down again, in reverse order. */
class Cleanup {
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

function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const rule = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  return [
    rule,
    ...rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value.padEnd(valueWidth)} |`),
    rule,
  ];
}

function relayRows(result: RelayResult): Array<[string, string]> {
  const label = `Relay, ${result.relays} relay${result.relays === 1 ? '' : 's'}`;
  const { check } = result;
  return [
    [
      `${label}: events/s`,
      `${rate(result.perSecond)} (${result.events} events in ${ms(result.elapsedMs)} ms)`,
    ],
    [
      `${label}: published per relay`,
      `${result.publishedPerRelay.join(' + ')} in ${result.batches.join(' + ')} batches`,
    ],
    [
      `${label}: exactly one job per event`,
      `${check.ok ? 'OK' : 'FAILED'}: jobs in queue ${check.jobsInQueue} == ${result.events} events; ` +
        `with job ${check.eventsWithJob}, pending ${check.stillPending}, published twice ${check.publishedTwice}`,
    ],
  ];
}

async function main(cleanup: Cleanup, signal: AbortSignal): Promise<boolean> {
  const transactions = positiveInt('BENCH_TRANSACTIONS', 2000);
  const events = positiveInt('BENCH_EVENTS', 5000);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseName = `sbt_bench_${runId}`;
  const redisPrefix = `sbt-bench-${runId}`;

  say('Sterk Bestuur Tracker: transactional outbox benchmark');
  say();

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
  const databaseUrl = await createScratchDatabase(adminUrl, databaseName);
  cleanup.add(`drop database ${databaseName}`, () => dropScratchDatabase(adminUrl, databaseName));
  cleanup.add(`delete Redis keys ${redisPrefix}:*`, async () => {
    await deleteRedisKeys(queueUrl, redisPrefix);
  });

  const healthFile = path.join(os.tmpdir(), `sbt-bench-worker-${process.pid}-${runId}.health`);
  cleanup.add('remove worker health file', () => {
    rmSync(healthFile, { force: true });
    return Promise.resolve();
  });
  const config: AppConfig = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: queueUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_ACCESS_SECRET: 'b'.repeat(32),
    JWT_REFRESH_SECRET: 'c'.repeat(32),
    AUDIT_CHECKPOINT_KEY: 'd'.repeat(32),
    LOG_LEVEL: 'silent',
    MIGRATIONS_RUN: 'false',
    DATABASE_POOL_SIZE: '40',
    OUTBOX_BATCH_SIZE: String(RELAY_BATCH_SIZE),
    OUTBOX_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
    WORKER_HEALTH_FILE: healthFile,
  });

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
    ['Settings', `pool 40, outbox batch ${RELAY_BATCH_SIZE}, poll interval ${POLL_INTERVAL_MS} ms`],
  ];
  for (const line of table(machine)) say(line);
  say();

  // --- Contexts -------------------------------------------------------------------------------
  const contexts: INestApplicationContext[] = [];
  cleanup.add('close Nest contexts', () =>
    Promise.all(contexts.splice(0).map((context) => context.close())),
  );
  const open = async (): Promise<INestApplicationContext> => {
    const context = await coreContext(config);
    contexts.push(context);
    return context;
  };
  const [producer, relayA, relayB] = [await open(), await open(), await open()];

  say(`1. Write throughput: ${transactions} transactions, ${WRITE_CLIENTS} concurrent clients...`);
  const writes: WriteResult = await benchWrites(producer, transactions, WRITE_CLIENTS, signal);
  say(`   ${rate(writes.perSecond)} tx/s, p50 ${ms(writes.p50)} ms`);

  say(`2. Relay throughput: ${events} pending events, 1 relay...`);
  const relayOne = await benchRelay(producer, [relayA], events, signal);
  say(`   ${rate(relayOne.perSecond)} events/s, check ${relayOne.check.ok ? 'OK' : 'FAILED'}`);
  say(`   ${events} pending events, 2 relays in 2 Nest contexts...`);
  const relayTwo = await benchRelay(producer, [relayA, relayB], events, signal);
  say(`   ${rate(relayTwo.perSecond)} events/s, check ${relayTwo.check.ok ? 'OK' : 'FAILED'}`);

  say(`3. End-to-end latency: ${E2E_SAMPLES} events, commit -> job completed by the worker...`);
  const e2e: EndToEndResult = await benchEndToEnd(producer, config, E2E_SAMPLES, signal);
  say(`   median ${ms(e2e.median)} ms`);
  say();

  const writesOk = writes.rowsFound === transactions;
  const summary: Array<[string, string]> = [
    [
      'Writes: transactions/s',
      `${rate(writes.perSecond)} (${transactions} tx, ${WRITE_CLIENTS} clients, ${ms(writes.elapsedMs)} ms)`,
    ],
    [
      'Writes: latency p50 / p95 / p99 (max)',
      `${ms(writes.p50)} / ${ms(writes.p95)} / ${ms(writes.p99)} ms (${ms(writes.max)} ms)`,
    ],
    [
      'Writes: events committed',
      `${writesOk ? 'OK' : 'FAILED'}: ${writes.rowsFound} == ${transactions}`,
    ],
    ...relayRows(relayOne),
    ...relayRows(relayTwo),
    [
      'End-to-end: median commit -> completed',
      `${ms(e2e.median)} ms (min ${ms(e2e.min)}, p95 ${ms(e2e.p95)}, max ${ms(e2e.max)}; n=${e2e.samples})`,
    ],
  ];
  say('Summary');
  for (const line of table(summary)) say(line);
  return writesOk && relayOne.check.ok && relayTwo.check.ok;
}

async function run(): Promise<number> {
  const cleanup = new Cleanup();
  const timeoutMs = positiveInt('BENCH_TIMEOUT_MS', 300_000);
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
  const work = main(cleanup, abort.signal);
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

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
