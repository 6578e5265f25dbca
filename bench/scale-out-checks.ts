/**
 * The checks of the scale-out benchmark that read the outcome back: the timeline and versions
 * of the actions written concurrently, the export file, the audit chain against the workers'
 * checkpoint file, and the queues' failed jobs. Each answers whether it holds and what it saw.
 */
import ExcelJS from 'exceljs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';
import { type AppConfig, QueueName } from '@app/core';
import { rate, sleep } from './harness';
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
