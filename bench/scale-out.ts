import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:scale-out` (issue 23): the scale-out proof. Two API processes and two worker
 * processes on one PostgreSQL and one Redis, and at the same time:
 *
 * - a reminder burst: BENCH_DUE (1,200) of BENCH_ACTIONS (3,000) actions fall due when the
 *   clock is moved (clock travel, as bench/reminders.ts), and both workers send them;
 * - BENCH_UPDATES (600) progress updates from BENCH_CLIENTS (16) clients, half through each
 *   API, to BENCH_HOT_ACTIONS (12) shared actions with If-Match (412 → read again, retry);
 * - an update round over BENCH_ROUND_ACTIONS (300) actions, opened through one API and,
 *   once its requests are out, cancelled through the other;
 * - an XLSX report export asked through one API, rendered by a worker, downloaded through
 *   the other.
 *
 * Then it checks: every e-mail exactly once (no delivery key twice at the SMTP sink, one
 * message per sent delivery, nothing pending, every due reminder and round request sent); no
 * lost update (per action, the version moved by exactly its accepted updates, and every
 * accepted narrative is in the timeline once); the export file complete; the outbox drained;
 * the audit chain verifies against the workers' shared checkpoint file; no failed job. It
 * prints the figures and which worker ran how many jobs (from each process's /metrics), and
 * exits 1 when a check fails. Servers and clean-up as the other benchmarks; also
 * BENCH_SETTLE_S (180), BENCH_WORKER_CONCURRENCY (5), BENCH_MAIL_CONCURRENCY (10),
 * BENCH_WORKER_POOL_SIZE (16), BENCH_API_POOL_SIZE (10). README "Benchmarks" has figures.
 */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SmtpSink } from '../scripts/services/smtp-sink';
import { type BenchSetup, passed, positiveInt, rate, runBench, say } from './harness';
import { DUE_DATE } from './reminders-seed';
import { settle, startBurst } from './scale-out-burst';
import { checkOutcome } from './scale-out-checks';
import { rowsOf, seedScaleOut } from './scale-out-data';
import { startTopology } from './scale-out-processes';
import { addFigures, newReport, printSummary } from './scale-out-report';

async function main({ config, environment, cleanup, signal }: BenchSetup): Promise<boolean> {
  const actions = positiveInt('BENCH_ACTIONS', 3_000);
  const due = Math.min(positiveInt('BENCH_DUE', 1_200), actions);
  const roundSize = positiveInt('BENCH_ROUND_ACTIONS', 300);
  const hotSize = positiveInt('BENCH_HOT_ACTIONS', 12);
  const updates = positiveInt('BENCH_UPDATES', 600);
  const clients = positiveInt('BENCH_CLIENTS', 16);
  const settleMs = positiveInt('BENCH_SETTLE_S', 180) * 1000;
  if (due + roundSize + hotSize > actions)
    throw new Error('BENCH_DUE + BENCH_ROUND_ACTIONS + BENCH_HOT_ACTIONS exceed BENCH_ACTIONS');
  const report = newReport();

  const sink = new SmtpSink({ parse: false });
  const smtpUrl = await sink.start();
  cleanup.add('stop the SMTP sink', () => sink.stop());

  // --- 1. Data and the reminder plan ------------------------------------------------------------
  const dataSource = new DataSource({ type: 'postgres', url: config.database.url, poolSize: 2 });
  await dataSource.initialize();
  cleanup.add('close the bench connection', () => dataSource.destroy());
  const db = new Client({ connectionString: config.database.url });
  await db.connect();
  cleanup.add('close the check connection', () => db.end());
  const q = rowsOf(db);

  say(`1. Seeding ${rate(actions)} actions (${rate(due)} due on ${DUE_DATE}) and planning...`);
  const data = await seedScaleOut({ config, dataSource, q, actions, due, roundSize, hotSize });
  const { programmeId, token } = data;

  // --- 2. Two workers and two APIs --------------------------------------------------------------
  say('2. Starting two workers and two APIs...');
  const topology = await startTopology(
    {
      ...environment,
      SMTP_URL: smtpUrl,
      CLOCK_TRAVEL: 'true',
      NODE_ENV: 'development',
      REMINDER_RECONCILE_INTERVAL_SECONDS: '3600',
    },
    cleanup,
  );
  const apis = topology.apis.map((api) => api.server);
  const [apiA, apiB] = apis;
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token()}`,
    accept: 'application/json',
    ...extra,
  });

  // --- 3. Everything at once ----------------------------------------------------------------------
  say(
    `3. Burst: ${rate(due)} reminders, ${rate(updates)} updates from ${clients} clients on ` +
      `${hotSize} actions through both APIs, a round of ${roundSize}, an export...`,
  );
  const burst = await startBurst({
    config,
    cleanup,
    apis,
    data,
    updates,
    clients,
    headers,
    signal,
  });

  // --- 4. Until everything has settled ------------------------------------------------------------
  const settled = await settle({
    burst,
    q,
    sink,
    apiB,
    programmeId,
    due,
    roundSize,
    settleMs,
    headers,
    failures: report.failures,
    signal,
  });

  // --- 5. Checks ------------------------------------------------------------------------------
  await checkOutcome(report, {
    config,
    db,
    q,
    sink,
    topology,
    apiA,
    apiB,
    headers,
    actions,
    due,
    roundSize,
    roundIds: data.roundIds,
    updates,
    versionsBefore: data.versionsBefore,
    exportId: burst.exportId,
    ...settled,
  });

  // --- 6. Figures --------------------------------------------------------------------------------
  await addFigures(report, {
    run: settled.run,
    due,
    burstMs: settled.burstMs,
    sink,
    topology,
    loadStarted: burst.loadStarted,
  });

  printSummary(report);
  return passed(report.failures);
}

say('Sterk Bestuur Tracker: scale-out benchmark (2 APIs, 2 workers, one PostgreSQL and Redis)');
say();
runBench({}, main, 600_000);
