/**
 * `npm run bench:imports`, steps 1 to 3: the data seeded with SQL, the API and the worker
 * started as child processes, and the filled workbook downloaded, timed and measured.
 */
import { DataSource } from 'typeorm';
import { startServer } from './api-servers';
import { benchSession, type BenchSetup, ms, positiveInt, rate, say } from './harness';
import { ImportsClient } from './imports-client';
import { postgresLatency, postmasterOf, StatementStats } from './imports-postgres';
import { startWorker } from './imports-processes';
import { ImportsReport, mib, seconds } from './imports-report';
import type { PhaseFigures, ScenarioRun } from './imports-scenario';
import { seedImports } from './imports-seed';
import { sampleRss } from './process-memory';

export interface Sizes {
  actions: number;
  commitments: number;
  organisations: number;
}

/** What the scenarios share once the data is seeded and the servers run. */
export interface Bench {
  sizes: Sizes;
  dataSource: DataSource;
  programmeId: string;
  client: ImportsClient;
  /** The filled workbook as first downloaded (scenario A edits it). */
  filled: Buffer;
  run: ScenarioRun;
  report: ImportsReport;
  /** Phases of the profiled re-runs, printed after the table. */
  profiled: Array<[string, PhaseFigures]>;
  /** Re-run profiled: asked for (BENCH_PROFILE=1), or a target missed (not BENCH_PROFILE=0). */
  profileWanted: () => boolean;
}

export async function prepare(
  setup: BenchSetup,
  sizes: Sizes,
  report: ImportsReport,
): Promise<Bench> {
  const { config, environment, cleanup, signal } = setup;
  const dataSource = new DataSource({ type: 'postgres', url: config.database.url, poolSize: 2 });
  await dataSource.initialize();
  cleanup.add('close the bench connection', () => dataSource.destroy());
  say(`1. Seeding ${rate(sizes.actions)} actions, ${sizes.commitments} commitments (SQL)...`);
  const seedStarted = performance.now();
  const seeded = await seedImports(dataSource, sizes);
  const seedMs = performance.now() - seedStarted;
  const { programmeId } = seeded;
  const latency = await postgresLatency(dataSource);
  report.add(
    ['Seeded', seconds(seedMs)],
    [
      'Data',
      Object.entries(seeded.counts)
        .map(([k, v]) => `${k} ${rate(v)}`)
        .join(', '),
    ],
    [
      'PostgreSQL: settings; round trip / one-row INSERT committed, medians of 200',
      `${latency.settings}; ${latency.roundTripMs.toFixed(2)} / ${latency.commitMs.toFixed(2)} ms`,
    ],
  );
  // The coordinator's session; access tokens are short-lived, so each request signs one.
  const token = await benchSession(config, dataSource, seeded.coordinatorId);

  const apiCore = Number(process.env.BENCH_API_CORE ?? 1);
  say(`2. Starting the API (taskset -c ${apiCore}) and the worker...`);
  const api = await startServer('api', 'serve-api', apiCore, environment, cleanup);
  const worker = await startWorker(
    { ...environment, REMINDER_RECONCILE_INTERVAL_SECONDS: '3600' },
    cleanup,
  );
  if (process.env.BENCH_WORKER_NODE_OPTIONS) {
    report.add([
      'Worker NODE_OPTIONS (BENCH_WORKER_NODE_OPTIONS)',
      process.env.BENCH_WORKER_NODE_OPTIONS,
    ]);
  }
  if (process.env.BENCH_WORKER_PREPARE === '1') {
    report.add(['Worker statements all prepared (BENCH_WORKER_PREPARE=1: a what-if)', 'yes']);
  }
  const pollMs = positiveInt('BENCH_POLL_MS', 100);
  const client = new ImportsClient(api.origin, programmeId, token, signal, pollMs);

  say('3. The filled workbook...');
  const stopApiSampling = sampleRss(api.pid, 50);
  const filled = await client.template();
  const apiMemory = stopApiSampling();
  report.add(
    [
      `Filled workbook, ${rate(sizes.actions)} actions + ${sizes.commitments} commitments: GET → last byte`,
      `${seconds(filled.ms)} (first byte ${ms(filled.firstByteMs)} ms), ${mib(filled.file.length)} ` +
        `(${rate(filled.file.length)} bytes)`,
    ],
    [
      'Filled workbook: API RSS before / peak sampled',
      `${apiMemory.before.toFixed(0)} / ${apiMemory.max.toFixed(0)} MiB (+${(apiMemory.max - apiMemory.before).toFixed(0)} MiB)`,
    ],
  );
  const run: ScenarioRun = {
    dataSource,
    config,
    client,
    worker,
    signal,
    timeoutMs: positiveInt('BENCH_IMPORT_TIMEOUT_S', 600) * 1000,
    postmaster: await postmasterOf(dataSource),
    statementStats: await StatementStats.open(dataSource),
    profile: false,
  };
  return {
    sizes,
    dataSource,
    programmeId,
    client,
    filled: filled.file,
    run,
    report,
    profiled: [],
    profileWanted: () =>
      process.env.BENCH_PROFILE === '1' ||
      (report.takeMissed() && process.env.BENCH_PROFILE !== '0'),
  };
}
