/**
 * The checks of the scale-out benchmark that read the outcome back: the e-mails, the timeline
 * and versions of the actions written concurrently, the export file, the outbox, the audit
 * chain against the workers' checkpoint file, the queues' failed jobs and the processes. Each
 * answers whether it holds and what it saw; `checkOutcome` runs them all into the report.
 */
import ExcelJS from 'exceljs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';
import { type AppConfig, QueueName } from '@app/core';
import type { SmtpSink } from '../scripts/services/smtp-sink';
import type { BenchServer } from './api-servers';
import { ms, rate, say, sleep } from './harness';
import { DUE_DATE, DUE_MOMENT } from './reminders-seed';
import type { Rows } from './scale-out-data';
import { exited, type Topology } from './scale-out-processes';
import type { Report } from './scale-out-report';
import type { UpdateRun } from './scale-out-updates';

export interface Verdict {
  ok: boolean;
  detail: string;
}

/**
 * No lost update: every update accepted, as many timeline entries as accepted updates, each
 * narrative once, and each action's version moved by exactly its accepted updates.
 */
export async function noLostUpdate(
  db: Client,
  versionsBefore: ReadonlyMap<string, number>,
  run: UpdateRun,
  expected: number,
): Promise<Verdict> {
  const ids = [...versionsBefore.keys()];
  const { rows: versionsAfter } = await db.query<{ id: string; version: number }>(
    'SELECT id, version FROM actions WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const acceptedPer = new Map<string, number>();
  for (const update of run.accepted)
    acceptedPer.set(update.actionId, (acceptedPer.get(update.actionId) ?? 0) + 1);
  const versionErrors = versionsAfter.filter(
    (row) => row.version - versionsBefore.get(row.id)! !== (acceptedPer.get(row.id) ?? 0),
  );
  const { rows: timeline } = await db.query<{ narrative: string; n: number }>(
    `SELECT narrative, count(*)::int AS n FROM progress_updates
      WHERE action_id = ANY($1::uuid[]) GROUP BY narrative`,
    [ids],
  );
  const inTimeline = new Map(timeline.map((row) => [row.narrative, row.n]));
  const entries = timeline.reduce((sum, row) => sum + row.n, 0);
  const notOnce = run.accepted.filter((update) => inTimeline.get(update.narrative) !== 1);
  return {
    ok:
      run.failures.length === 0 &&
      run.accepted.length === expected &&
      versionErrors.length === 0 &&
      notOnce.length === 0 &&
      entries === run.accepted.length,
    detail:
      `${rate(run.accepted.length)} of ${rate(expected)} accepted, ${entries} timeline entries, ` +
      `${versionErrors.length} actions whose version moved otherwise, ${notOnce.length} narratives not once` +
      (run.failures.length > 0 ? `; ${run.failures[0]}` : ''),
  };
}

/** The export's file, downloaded from `origin`: all its bytes, one worksheet row per action. */
export async function exportComplete(
  origin: string,
  exportId: string,
  headers: Record<string, string>,
  sizeBytes: number | undefined,
  actions: number,
): Promise<Verdict> {
  const file = await fetch(`${origin}/v1/report-exports/${exportId}/file`, {
    headers: { ...headers, accept: '*/*' },
  });
  const data = Buffer.from(await file.arrayBuffer());
  let sheetRows = 0;
  if (file.status === 200) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as never);
    sheetRows = workbook.worksheets[1]?.rowCount ?? 0;
  }
  return {
    ok: file.status === 200 && data.length === sizeBytes && sheetRows === 1 + actions,
    detail:
      `${file.status}, ${rate(data.length)} of ${rate(sizeBytes ?? 0)} bytes, ` +
      `${rate(sheetRows - 1)} action rows of ${rate(actions)}`,
  };
}

/**
 * The chain verified through the API against the checkpoint the workers keep in
 * `checkpointFile`, once a checkpoint (every 5 s) has reached the head.
 */
export async function auditChainVerifies(
  db: Client,
  checkpointFile: string,
  origin: string,
  headers: Record<string, string>,
): Promise<Verdict> {
  const {
    rows: [{ head }],
  } = await db.query<{ head: string }>(
    'SELECT coalesce(max(sequence), 0)::text AS head FROM audit_events',
  );
  const checkpointed = (): bigint => {
    try {
      const stored = JSON.parse(readFileSync(checkpointFile, 'utf8')) as { sequence?: string };
      return BigInt(stored.sequence ?? '0');
    } catch {
      return 0n;
    }
  };
  const by = performance.now() + 20_000;
  while (checkpointed() < BigInt(head) && performance.now() < by) await sleep(500);
  const res = await fetch(`${origin}/v1/audit-events/verify`, { headers });
  const verify = (await res.json()) as {
    valid?: boolean;
    checked?: number;
    checkpoint?: { status?: string; sequence?: number };
  };
  return {
    ok:
      res.status === 200 &&
      verify.valid === true &&
      verify.checkpoint?.status === 'matches' &&
      String(verify.checkpoint.sequence) === head,
    detail: `valid ${verify.valid}, ${rate(verify.checked ?? 0)} events, checkpoint ${verify.checkpoint?.status} at ${verify.checkpoint?.sequence} (head ${head})`,
  };
}

/** No failed job in any queue. */
export async function noFailedJobs(config: AppConfig): Promise<Verdict> {
  const redis = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
  try {
    const failed: string[] = [];
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection: redis, prefix: config.redis.prefix });
      const counts = await queue.getJobCounts('failed');
      if (counts.failed > 0) failed.push(`${name} ${counts.failed}`);
      await queue.close();
    }
    return { ok: failed.length === 0, detail: failed.join(', ') || 'none in any queue' };
  } finally {
    redis.disconnect();
  }
}

/** Every check, once everything has settled: a failed one fails the run. */
export async function checkOutcome(
  { check }: Report,
  options: {
    config: AppConfig;
    db: Client;
    q: Rows;
    sink: SmtpSink;
    topology: Topology;
    apiA: BenchServer;
    apiB: BenchServer;
    headers: () => Record<string, string>;
    actions: number;
    due: number;
    roundSize: number;
    roundIds: readonly string[];
    updates: number;
    versionsBefore: ReadonlyMap<string, number>;
    exportId: string;
    run: UpdateRun;
    roundCancelled: number | undefined;
    exportDone: { sizeBytes: number } | undefined;
    drainedMs: number | undefined;
  },
): Promise<void> {
  const { config, db, q, sink, topology, apiA, apiB, headers, due, roundSize } = options;
  const { roundCancelled, drainedMs } = options;
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
    [DUE_DATE, options.roundIds, new Date(DUE_MOMENT)],
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

  const lost = await noLostUpdate(db, options.versionsBefore, options.run, options.updates);
  check('No lost update', lost.ok, lost.detail);
  const file = await exportComplete(
    apiB.origin,
    options.exportId,
    headers(),
    options.exportDone?.sizeBytes,
    options.actions,
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

  const chain = await auditChainVerifies(db, topology.checkpointFile, apiA.origin, headers());
  check('Audit chain verifies against the shared checkpoint', chain.ok, chain.detail);
  const jobs = await noFailedJobs(config);
  check('No failed jobs', jobs.ok, jobs.detail);
  const gone = exited(topology);
  check(
    'Two APIs and two workers ran throughout',
    gone.length === 0,
    gone.length === 0 ? 'all four still running' : `exited: ${gone.join(', ')}`,
  );
}
