import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:audit`: figures for the audit log. Audited writes at 32 concurrent clients
 * (no event, design (a) chained, design (b)'s unsealed insert), then BENCH_AUDIT_EVENTS
 * (1,000,000) events appended through the service in batches, a full verify, and an
 * incremental verify from the latest checkpoint. Servers and clean-up as `npm run bench:outbox`.
 *
 * Sizes: BENCH_AUDIT_TRANSACTIONS (2000), BENCH_AUDIT_EVENTS (1000000), BENCH_AUDIT_BATCH (1000).
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AuditIntegrityService } from '@app/audit';
import {
  auditContext,
  benchAuditedWrites,
  createDocuments,
  insertEvents,
  timedVerify,
} from './audit.bench';
import { type BenchSetup, ms, positiveInt, rate, runBench, say, table } from './harness';

const CLIENTS = 32;
const TARGET_FULL_VERIFY_MS = 10_000;
const TARGET_INCREMENTAL_VERIFY_MS = 1_000;
const checkpointFile = path.join(os.tmpdir(), `sbt-bench-audit-checkpoint-${process.pid}.json`);

async function main({ config, cleanup, signal }: BenchSetup): Promise<boolean> {
  const transactions = positiveInt('BENCH_AUDIT_TRANSACTIONS', 2000);
  const events = positiveInt('BENCH_AUDIT_EVENTS', 1_000_000);
  const batch = positiveInt('BENCH_AUDIT_BATCH', 1000);
  cleanup.add('remove checkpoint file', () => {
    rmSync(checkpointFile, { force: true });
    return Promise.resolve();
  });
  const context = await auditContext(config);
  cleanup.add('close Nest context', () => context.close());
  const dataSource = context.get(DataSource);
  await createDocuments(dataSource);

  say(`1. Audited writes: ${transactions} transactions each, ${CLIENTS} concurrent clients...`);
  const writes = [];
  for (const design of ['none', 'chained', 'unsealed'] as const) {
    const result = await benchAuditedWrites(context, design, transactions, CLIENTS, signal);
    say(`   ${design.padEnd(8)} ${rate(result.perSecond)} tx/s, p50 ${ms(result.p50)} ms`);
    writes.push({ design, result });
  }
  const afterWrites = await context.get(AuditIntegrityService).verify();

  say(`2. Appending ${rate(events)} events through AuditService, ${batch} per transaction...`);
  const insert = await insertEvents(context, events, batch, signal, (done) =>
    say(`   ${rate(done)}`),
  );
  say(`   ${rate(insert.perSecond)} events/s`);

  say('3. Verifying the whole chain...');
  const full = await timedVerify(context);
  say(`   ${full.result.checked} events in ${ms(full.elapsedMs)} ms, valid ${full.result.valid}`);

  say('4. Checkpoint, 1,000 more events, incremental verify from the checkpoint...');
  const checkpoint = await context.get(AuditIntegrityService).checkpoint();
  await insertEvents(context, 1000, batch, signal, () => undefined);
  const from = 'sequence' in checkpoint ? BigInt(checkpoint.sequence) : 1n;
  const incremental = await timedVerify(context, from);
  say(`   ${incremental.result.checked} events in ${ms(incremental.elapsedMs)} ms`);
  const [{ size }] = await dataSource.query<{ size: string }[]>(
    `SELECT pg_size_pretty(pg_total_relation_size('audit_events')) AS size`,
  );
  say();

  const label = { none: 'no audit event', chained: '(a) chained', unsealed: '(b) unsealed insert' };
  const fullOk = full.result.valid && full.result.checked >= events;
  const incrementalOk =
    incremental.result.valid && incremental.result.checkpoint.status === 'matches';
  const summary: Array<[string, string]> = [
    ...writes.flatMap(({ design, result }): Array<[string, string]> => [
      [
        `Writes, ${label[design]}: tx/s`,
        `${rate(result.perSecond)} (${transactions} tx, ${CLIENTS} clients, ${ms(result.elapsedMs)} ms)`,
      ],
      [
        `Writes, ${label[design]}: p50 / p95 / p99 (max)`,
        `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.p99)} ms (${ms(result.max)} ms)`,
      ],
    ]),
    [
      'Chain after concurrent writes',
      `${afterWrites.valid ? 'OK' : 'FAILED'}: ${afterWrites.checked} events, no gap, no fork`,
    ],
    [
      `Append ${rate(events)} events (batches of ${batch})`,
      `${rate(insert.perSecond)} events/s (${ms(insert.elapsedMs / 1000)} s)`,
    ],
    [
      `Full verify (target ≤ ${TARGET_FULL_VERIFY_MS / 1000} s)`,
      `${fullOk && full.elapsedMs <= TARGET_FULL_VERIFY_MS ? 'OK' : 'MISSED'}: ${rate(full.result.checked)} events in ${ms(full.elapsedMs / 1000)} s (${rate((full.result.checked / full.elapsedMs) * 1000)} events/s)`,
    ],
    [
      `Incremental verify (target ≤ ${TARGET_INCREMENTAL_VERIFY_MS / 1000} s)`,
      `${incrementalOk && incremental.elapsedMs <= TARGET_INCREMENTAL_VERIFY_MS ? 'OK' : 'MISSED'}: ${rate(incremental.result.checked)} events from the checkpoint in ${ms(incremental.elapsedMs)} ms`,
    ],
    ['audit_events size', `${size} (table and indexes)`],
  ];
  say('Summary');
  for (const line of table(summary)) say(line);
  return afterWrites.valid && fullOk && incrementalOk;
}

say('Sterk Bestuur Tracker: audit log benchmark');
say();
runBench({ AUDIT_CHECKPOINT_FILE: checkpointFile }, main, 1_800_000);
