/**
 * The scale-out benchmark's load, all at once: the progress updates from both APIs, the clock
 * moved so that the reminder burst falls due, an update round opened through one API and an
 * export asked through it; then the wait until everything has settled, meanwhile cancelling
 * the round through the other API once its requests are out and polling the export there.
 */
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import type { AppConfig } from '@app/core';
import type { SmtpSink } from '../scripts/services/smtp-sink';
import type { BenchServer } from './api-servers';
import { type Cleanup, sleep } from './harness';
import { DUE_MOMENT } from './reminders-seed';
import type { Rows, ScaleOutData } from './scale-out-data';
import { runUpdates, type UpdateRun } from './scale-out-updates';

/** The round's date: the Friday of the week after the due Monday. */
const ROUND_DUE_DATE = '2031-12-19';

type Headers = (extra?: Record<string, string>) => Record<string, string>;

export interface Burst {
  load: Promise<UpdateRun>;
  /** When the updates ended (performance.now()), once they have. */
  readonly loadEndedAt: number | undefined;
  loadStarted: number;
  burstStarted: number;
  roundId: string;
  exportId: string;
}

export async function startBurst(options: {
  config: AppConfig;
  cleanup: Cleanup;
  apis: readonly BenchServer[];
  data: ScaleOutData;
  updates: number;
  clients: number;
  headers: Headers;
  signal: AbortSignal;
}): Promise<Burst> {
  const { config, cleanup, apis, headers, signal } = options;
  const { programmeId, hotIds, roundIds, token } = options.data;
  const [apiA] = apis;
  const tag = randomBytes(3).toString('hex');
  const loadStarted = performance.now();
  const load = runUpdates({
    apis: apis.map((api) => ({ name: api.name, origin: api.origin })),
    actionIds: hotIds,
    count: options.updates,
    clients: options.clients,
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
  return {
    load,
    get loadEndedAt() {
      return loadEndedAt;
    },
    loadStarted,
    burstStarted,
    roundId: round.id,
    exportId: exportBody.id,
  };
}

export interface Settled {
  run: UpdateRun;
  /** The DELETE's status. */
  roundCancelled: number | undefined;
  exportDone: { sizeBytes: number } | undefined;
  /** From the clock moved to every due reminder sent and delivered, ms. */
  burstMs: number | undefined;
  /** From the last update to the outbox empty, ms. */
  drainedMs: number | undefined;
}

/** Polls until everything has settled, or `settleMs` has passed (a failure of the run). */
export async function settle(options: {
  burst: Burst;
  q: Rows;
  sink: SmtpSink;
  apiB: BenchServer;
  programmeId: string;
  due: number;
  roundSize: number;
  settleMs: number;
  headers: Headers;
  failures: string[];
  signal: AbortSignal;
}): Promise<Settled> {
  const { burst, q, sink, apiB, programmeId, due, roundSize, settleMs, headers, signal } = options;
  const { burstStarted } = burst;
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
        `${apiB.origin}/v1/programmes/${programmeId}/update-rounds/${burst.roundId}`,
        { method: 'DELETE', headers: headers() },
      );
      await res.arrayBuffer();
      roundCancelled = res.status;
    }
    if (!exportDone) {
      const res = await fetch(`${apiB.origin}/v1/report-exports/${burst.exportId}`, {
        headers: headers(),
      });
      const body = (await res.json()) as { status: string; sizeBytes?: number };
      if (body.status === 'failed') throw new Error('the export failed');
      if (body.status === 'done') exportDone = { sizeBytes: Number(body.sizeBytes) };
    }
    const { loadEndedAt } = burst;
    const loadDone = loadEndedAt !== undefined;
    if (loadDone && state.outbox === 0 && drainedMs === undefined)
      drainedMs = performance.now() - loadEndedAt;
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
      options.failures.push(`not settled within ${settleMs / 1000} s: ${JSON.stringify(state)}`);
      break;
    }
    await sleep(250);
  }
  const run = await burst.load;
  // Late duplicates would arrive now, if any.
  await sleep(2000);
  return { run, roundCancelled, exportDone, burstMs, drainedMs };
}
