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
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import IORedis from 'ioredis';
import { Clock } from '@app/core';
import { ReminderScheduler } from '@app/reminders';
import { SmtpSink } from '../scripts/services/smtp-sink';
import {
  benchSession,
  type BenchSetup,
  createContext,
  ms,
  passed,
  positiveInt,
  rate,
  runBench,
  say,
  sleep,
  table,
} from './harness';
import { DUE_DATE, DUE_MOMENT, PLANNED_AT, schedulingModule, seed } from './reminders-seed';
import { auditChainVerifies, exportComplete, noFailedJobs, noLostUpdate } from './scale-out-checks';
import { exited, startTopology } from './scale-out-processes';
import { runUpdates } from './scale-out-updates';
import { jobsByQueue, scrape, sumSeries } from './scale-out-metrics';

/** The round's date: the Friday of the week after the due Monday. */
const ROUND_DUE_DATE = '2031-12-19';

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
  const failures: string[] = [];
  const rows: Array<[string, string]> = [];
  const check = (label: string, ok: boolean, detail: string): void => {
    if (!ok) failures.push(`${label}: ${detail}`);
    rows.push([label, `${ok ? 'OK' : 'FAILED'}: ${detail}`]);
  };
  const figure = (label: string, value: string): void => void rows.push([label, value]);

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
  const q = async <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, values)).rows as T[];

  say(`1. Seeding ${rate(actions)} actions (${rate(due)} due on ${DUE_DATE}) and planning...`);
  const programmeId = await seed(dataSource, actions, due);
  // The coordinator opens the round and asks for the export; as a platform administrator it
  // may also verify the audit chain.
  const [coordinator] = await q<{ id: string }>(
    `INSERT INTO users (email, display_name, organisation_id, is_platform_admin)
     SELECT 'coordinator@bench.example.nl', 'Coordinator', id, true FROM organisations
      WHERE code = 'BENCH' RETURNING id`,
  );
  await q(`INSERT INTO memberships (programme_id, user_id, role) VALUES ($1, $2, 'coordinator')`, [
    programmeId,
    coordinator.id,
  ]);
  const token = await benchSession(config, dataSource, coordinator.id);
  // Round and hot actions are not due: their e-mails and writes do not touch the burst's.
  const others = (
    await q<{ id: string }>(`SELECT id FROM actions WHERE deadline > $1 ORDER BY id LIMIT $2`, [
      DUE_DATE,
      roundSize + hotSize,
    ])
  ).map((row) => row.id);
  const roundIds = others.slice(0, roundSize);
  const hotIds = others.slice(roundSize);
  const context = await createContext(schedulingModule(config) as never);
  context.get(Clock).travel(Date.parse(PLANNED_AT) - Date.now());
  await context.get(ReminderScheduler).rescheduleProgramme(programmeId);
  await context.close();
  const versionsBefore = new Map(
    (
      await q<{ id: string; version: number }>(
        'SELECT id, version FROM actions WHERE id = ANY($1::uuid[])',
        [hotIds],
      )
    ).map((row) => [row.id, row.version]),
  );

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
  const { workers, checkpointFile } = topology;
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
  const tag = randomBytes(3).toString('hex');
  const loadStarted = performance.now();
  const load = runUpdates({
    apis: apis.map((api) => ({ name: api.name, origin: api.origin })),
    actionIds: hotIds,
    count: updates,
    clients,
    tag,
    token,
    signal,
  });
  let loadEndedAt: number | undefined;
  void load.then(() => (loadEndedAt = performance.now())).catch(() => undefined);

  const clockRedis = new IORedis(config.redis.url);
  cleanup.add('close the clock connection', () => Promise.resolve(clockRedis.disconnect()));
  const burstStarted = performance.now();
  await clockRedis.set(
    `${config.redis.prefix}:clock-offset-ms`,
    String(Date.parse(DUE_MOMENT) - Date.now()),
  );
  // Every process follows the moved clock within a second; the round's date must lie ahead.
  await sleep(1500);
  const created = await fetch(`${apiA.origin}/v1/programmes/${programmeId}/update-rounds`, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', 'idempotency-key': `round-${tag}` }),
    body: JSON.stringify({
      title: 'Schaaltest',
      dueDate: ROUND_DUE_DATE,
      filter: { actionIds: roundIds },
    }),
  });
  const round = (await created.json()) as { id?: string };
  if (created.status !== 201 || !round.id)
    throw new Error(`update round: ${created.status} ${JSON.stringify(round).slice(0, 300)}`);
  const exportCreated = await fetch(`${apiA.origin}/v1/report-exports`, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json' }),
    body: JSON.stringify({ programmeId, format: 'xlsx' }),
  });
  const exportBody = (await exportCreated.json()) as { id?: string };
  if (exportCreated.status !== 202 || !exportBody.id)
    throw new Error(`export: ${exportCreated.status} ${JSON.stringify(exportBody).slice(0, 300)}`);

  // --- 4. Until everything has settled ------------------------------------------------------------
  let roundCancelled: number | undefined;
  let exportDone: { sizeBytes: number } | undefined;
  let burstMs: number | undefined;
  let drainedMs: number | undefined;
  const deadline = performance.now() + settleMs;
  for (;;) {
    signal.throwIfAborted();
    const [state] = await q<{
      dueLeft: number;
      deadlineSent: number;
      roundSent: number;
      pending: number;
      sent: number;
      outbox: number;
    }>(
      `SELECT (SELECT count(*) FROM reminders WHERE state = 'scheduled' AND due_at <= $1)::int AS "dueLeft",
              (SELECT count(*) FROM reminders WHERE state = 'sent' AND kind = 'deadline_today')::int AS "deadlineSent",
              (SELECT count(*) FROM reminders WHERE state = 'sent' AND kind = 'update_round')::int AS "roundSent",
              (SELECT count(*) FROM email_deliveries WHERE state = 'pending')::int AS pending,
              (SELECT count(*) FROM email_deliveries WHERE state = 'sent')::int AS sent,
              (SELECT count(*) FROM outbox_events WHERE published_at IS NULL)::int AS outbox`,
      [new Date(Date.parse(DUE_MOMENT) + (performance.now() - burstStarted))],
    );
    if (burstMs === undefined && state.deadlineSent >= due && sink.messages.length >= due)
      burstMs = performance.now() - burstStarted;
    if (roundCancelled === undefined && state.roundSent >= roundSize) {
      // Closed through the other API once its requests are out.
      const res = await fetch(
        `${apiB.origin}/v1/programmes/${programmeId}/update-rounds/${round.id}`,
        { method: 'DELETE', headers: headers() },
      );
      await res.arrayBuffer();
      roundCancelled = res.status;
    }
    if (!exportDone) {
      const res = await fetch(`${apiB.origin}/v1/report-exports/${exportBody.id}`, {
        headers: headers(),
      });
      const body = (await res.json()) as { status: string; sizeBytes?: number };
      if (body.status === 'failed') throw new Error('the export failed');
      if (body.status === 'done') exportDone = { sizeBytes: Number(body.sizeBytes) };
    }
    const loadDone = loadEndedAt !== undefined;
    if (loadDone && state.outbox === 0 && drainedMs === undefined)
      drainedMs = performance.now() - loadEndedAt!;
    if (loadDone && state.outbox !== 0) drainedMs = undefined;
    const settled =
      loadDone &&
      roundCancelled !== undefined &&
      exportDone !== undefined &&
      burstMs !== undefined &&
      state.dueLeft === 0 &&
      state.pending === 0 &&
      state.outbox === 0 &&
      sink.messages.length >= state.sent;
    if (settled) break;
    if (performance.now() > deadline) {
      failures.push(`not settled within ${settleMs / 1000} s: ${JSON.stringify(state)}`);
      break;
    }
    await sleep(250);
  }
  const run = await load;
  // Late duplicates would arrive now, if any.
  await sleep(2000);

  // --- 5. Checks ------------------------------------------------------------------------------
  say('4. Checking...');
  const [mail] = await q<{
    sent: number;
    pending: number;
    failed: number;
    deadlineSent: number;
    roundSent: number;
    roundLeft: number;
    dueLeft: number;
  }>(
    `SELECT (SELECT count(*) FROM email_deliveries WHERE state = 'sent')::int AS sent,
            (SELECT count(*) FROM email_deliveries WHERE state = 'pending')::int AS pending,
            (SELECT count(*) FROM email_deliveries WHERE state = 'failed')::int AS failed,
            (SELECT count(*) FROM reminders WHERE state = 'sent' AND kind = 'deadline_today'
                AND action_id IN (SELECT id FROM actions WHERE deadline = $1))::int AS "deadlineSent",
            (SELECT count(*) FROM reminders WHERE state = 'sent' AND kind = 'update_round'
                AND action_id = ANY($2::uuid[]))::int AS "roundSent",
            (SELECT count(*) FROM reminders WHERE state = 'scheduled' AND kind = 'update_round')::int AS "roundLeft",
            (SELECT count(*) FROM reminders WHERE state = 'scheduled' AND due_at <= $3)::int AS "dueLeft"`,
    [DUE_DATE, roundIds, new Date(DUE_MOMENT)],
  );
  const keys = new Set(sink.messages.map((message) => message.deliveryKey));
  check(
    'E-mail exactly once',
    keys.size === sink.messages.length && sink.messages.length === mail.sent,
    `${rate(sink.messages.length)} messages, ${rate(keys.size)} delivery keys, ${rate(mail.sent)} deliveries sent`,
  );
  check(
    'Nothing left to send',
    mail.pending === 0 && mail.failed === 0 && mail.dueLeft === 0,
    `${mail.pending} pending, ${mail.failed} failed deliveries; ${mail.dueLeft} due reminders not sent`,
  );
  check(
    'Reminder burst: every due action reminded',
    mail.deadlineSent === due,
    `${rate(mail.deadlineSent)} of ${rate(due)} deadline-day reminders sent`,
  );
  check(
    'Update round: requests out, then cancelled',
    mail.roundSent === roundSize && roundCancelled === 200 && mail.roundLeft === 0,
    `${mail.roundSent} of ${roundSize} requests sent; DELETE through ${apiB.name} ${roundCancelled}; ${mail.roundLeft} round reminders still scheduled`,
  );

  const lost = await noLostUpdate(db, versionsBefore, run, updates);
  check('No lost update', lost.ok, lost.detail);
  const file = await exportComplete(
    apiB.origin,
    exportBody.id,
    headers(),
    exportDone?.sizeBytes,
    actions,
  );
  check(
    `Export: asked through ${apiA.name}, downloaded through ${apiB.name}`,
    file.ok,
    file.detail,
  );

  const [outbox] = await q<{ pending: number }>(
    'SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL',
  );
  check(
    'Outbox drained',
    outbox.pending === 0 && drainedMs !== undefined,
    `${outbox.pending} unrelayed; empty ${ms((drainedMs ?? 0) / 1000)} s after the last update`,
  );

  const chain = await auditChainVerifies(db, checkpointFile, apiA.origin, headers());
  check('Audit chain verifies against the shared checkpoint', chain.ok, chain.detail);
  const jobs = await noFailedJobs(config);
  check('No failed jobs', jobs.ok, jobs.detail);
  const gone = exited(topology);
  check(
    'Two APIs and two workers ran throughout',
    gone.length === 0,
    gone.length === 0 ? 'all four still running' : `exited: ${gone.join(', ')}`,
  );

  // --- 6. Figures --------------------------------------------------------------------------------
  const perApi = new Map<string, number>();
  for (const update of run.accepted) perApi.set(update.api, (perApi.get(update.api) ?? 0) + 1);
  figure(
    'Progress updates',
    `${rate(run.accepted.length)} in ${ms(run.elapsedMs / 1000)} s = ${rate(run.perSecond)}/s ` +
      `(p50 ${ms(run.p50)} / p99 ${ms(run.p99)} ms incl. retries); ` +
      [...perApi].map(([api, n]) => `${api} ${n}`).join(', ') +
      `; ${run.conflicts} × 412 re-read and retried, ${run.unavailable} × 503`,
  );
  figure(
    'Reminder burst',
    burstMs === undefined
      ? 'not complete'
      : `${rate(due)} in ${ms(burstMs / 1000)} s = ${rate((due / burstMs) * 1000)}/s (clock moved → all in)`,
  );
  figure(
    'E-mails in all',
    `${rate(sink.messages.length)} (reminders, round requests, other notices)`,
  );
  for (const worker of workers) {
    const text = await scrape(worker.metricsPort);
    figure(
      `${worker.name}: jobs completed (metrics :${worker.metricsPort})`,
      jobsByQueue(text) || 'none',
    );
  }
  for (const { server, metricsPort } of topology.apis) {
    const text = await scrape(metricsPort);
    figure(
      `${server.name}: requests answered (metrics :${metricsPort})`,
      rate(sumSeries(text, 'sbt_http_requests_total')),
    );
  }
  figure(
    'Load',
    `${ms((performance.now() - loadStarted) / 1000)} s from the first update to the end of the checks`,
  );

  say();
  say('Summary');
  for (const line of table(rows)) say(line);
  return passed(failures);
}

say('Sterk Bestuur Tracker: scale-out benchmark (2 APIs, 2 workers, one PostgreSQL and Redis)');
say();
runBench({}, main, 600_000);
