import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:reports` (issue 7): progress reports of a programme of BENCH_ACTIONS (100,000)
 * actions with BENCH_PROGRESS_UPDATES (500,000) progress updates, through the real API and
 * worker, each a child process of its own so that their memory is theirs:
 *
 * - the JSON summary: the first (cold) request, BENCH_POLLS (500) sequential polls (p50 / p95
 *   / p99, statements per request) and autocannon with BENCH_CONNECTIONS (8) for
 *   BENCH_DURATION_S (10); the bare GROUP BY (ActionReportReader.countGroups) for reference;
 * - its figures against independent SQL counts (a mismatch fails the run);
 * - the full CSV streamed: wall time, the API's resident memory growth (sampled every 50 ms
 *   from /proc), bytes and lines (one per action plus the header: else the run fails);
 * - one progress update through the API, then the next summary (recomputed: its latency) must
 *   show it (checked against the counts again); then BENCH_CHANGES (20) more such cycles, each
 *   on another bucket, for the median and spread of that latency (bench/reports-changes.ts);
 * - XLSX and PDF exports through the queue: POST → done, file size, the worker's peak memory
 *   (BENCH_EXPORTS=0 leaves them out).
 *
 * Targets missed are printed "over target" (the run still passes); with a target missed, or
 * BENCH_EXPLAIN=1, EXPLAIN ANALYZE of the summary's GROUP BY and the CSV's cursor query follow.
 * Servers and clean-up as the other benchmarks (BENCH_DATABASE_URL / BENCH_REDIS_URL, else
 * local ones); BENCH_API_CORE (1) is the core the API is pinned to; BENCH_TIMEOUT_MS (1800000).
 */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ActionReportReader } from '@app/tracking';
import {
  benchSession,
  type BenchSetup,
  ms,
  passed,
  positiveInt,
  rate,
  runBench,
  say,
} from './harness';
import { startReportsApi } from './reports-api';
import { changeThenSummary } from './reports-changes';
import { summaryCheck } from './reports-checks';
import { profileCsv, streamCsv } from './reports-csv';
import { runExports } from './reports-exports';
import { explainQueries } from './reports-queries';
import { printReport, targets } from './reports-report';
import { seedReports } from './reports-seed';
import { measureSummary, measureSummarySql } from './reports-summary';

async function main({ config, environment, cleanup, signal }: BenchSetup): Promise<boolean> {
  const actions = positiveInt('BENCH_ACTIONS', 100_000);
  const progressUpdates = positiveInt('BENCH_PROGRESS_UPDATES', actions * 5);
  const commitments = positiveInt('BENCH_COMMITMENTS', 2_000);
  const polls = positiveInt('BENCH_POLLS', 500);
  const changes = positiveInt('BENCH_CHANGES', 20);
  const connections = positiveInt('BENCH_CONNECTIONS', 8);
  const durationSeconds = positiveInt('BENCH_DURATION_S', 10);
  const exportTimeoutMs = positiveInt('BENCH_EXPORT_TIMEOUT_S', 600) * 1000;
  const apiCore = Number(process.env.BENCH_API_CORE ?? 1);
  const exportFormats = process.env.BENCH_EXPORTS === '0' ? [] : (['xlsx', 'pdf'] as const);
  const failures: string[] = [];
  const verdicts = targets();
  const check = summaryCheck(failures);

  // --- 1. Data ---------------------------------------------------------------------------------
  const dataSource = new DataSource({ type: 'postgres', url: config.database.url, poolSize: 2 });
  await dataSource.initialize();
  cleanup.add('close the bench connection', () => dataSource.destroy());
  const db = new Client({ connectionString: config.database.url });
  await db.connect();
  cleanup.add('close the check connection', () => db.end());
  say(
    `1. Seeding ${rate(actions)} actions, ${rate(progressUpdates)} progress updates, ` +
      `${rate(commitments)} commitments (SQL)...`,
  );
  const seedStarted = performance.now();
  const seeded = await seedReports(dataSource, { actions, progressUpdates, commitments }, (line) =>
    say(`   ${line}`),
  );
  const seedMs = performance.now() - seedStarted;
  const { programmeId } = seeded;
  say(`   seeded in ${ms(seedMs / 1000)} s`);
  signal.throwIfAborted();

  // The coordinator's session; access tokens live JWT_ACCESS_TTL_SECONDS, so each phase signs one.
  const token = await benchSession(config, dataSource, seeded.coordinatorId);

  // --- 2. The API ------------------------------------------------------------------------------
  say(`2. Starting the API (taskset -c ${apiCore})...`);
  const api = await startReportsApi({ core: apiCore, environment, cleanup, token, programmeId });

  // --- 3. The summary --------------------------------------------------------------------------
  const summary = await measureSummary({
    api,
    db,
    programmeId,
    polls,
    connections,
    durationSeconds,
    check,
    failures,
    signal,
  });
  const reader = new ActionReportReader();
  const sql = await measureSummarySql(dataSource, db, reader, programmeId);

  // --- 4. The CSV ------------------------------------------------------------------------------
  const csv = await streamCsv(api, programmeId, actions, failures);

  // --- 5. A change, then the summary -----------------------------------------------------------
  const change = await changeThenSummary({
    dataSource,
    db,
    api,
    programmeId,
    first: summary.cold.body.summary,
    changes,
    check,
    failures,
    signal,
  });

  // --- 6. Exports through the queue ------------------------------------------------------------
  const exported = await runExports({
    environment,
    cleanup,
    api,
    programmeId,
    formats: exportFormats,
    timeoutMs: exportTimeoutMs,
    target: verdicts.target,
    failures,
    signal,
  });

  // --- 7. The queries themselves -------------------------------------------------------------
  const queries = await explainQueries(db, reader, programmeId, sql.groupsStatement);
  const csvProfile = await profileCsv(api, programmeId, csv.csvMs);

  // --- Summary -------------------------------------------------------------------------------
  printReport(
    {
      actions,
      polls,
      connections,
      durationSeconds,
      changes,
      seedMs,
      seeded,
      api,
      summary,
      sql,
      csv,
      change,
      exports: exported,
      queries,
      csvProfile,
    },
    verdicts,
  );
  return passed(failures);
}

say('Sterk Bestuur Tracker: progress reports benchmark');
say();
runBench({ LOG_LEVEL: 'silent' }, main, 1_800_000);
