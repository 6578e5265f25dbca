/**
 * `npm run bench:reports`, step 3: the JSON summary through the API (the first, cold request
 * checked against the SQL counts, sequential polls, autocannon), then its own SQL bare: the
 * GROUP BY, the labels, and the counts per bucket the API keeps with the memory they take.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { amsterdamDate } from '@app/core';
import { addDays, amsterdamInstant } from '@app/reminders';
import { BucketCounts, foldSummary } from '@app/reporting';
import type { ActionReportReader } from '@app/tracking';
import { type LoadResult, measure, pagesScenario } from './api-load';
import { ms, percentile, rate, say } from './harness';
import type { ReportsApi, SummaryResponse } from './reports-api';
import { type Counts, independentCounts, type SummaryBody } from './reports-checks';
import { capturingManager, type Statement } from './reports-queries';

export interface SummaryFigures {
  cold: SummaryResponse;
  coldStatements: number;
  /** The cold summary against the SQL counts: the report's line. */
  correctness: string;
  /** Sorted, ms. */
  latencies: number[];
  p50: number;
  p95: number;
  p99: number;
  pollMs: number;
  pollStatements: number;
  load: LoadResult;
}

export async function measureSummary(options: {
  api: ReportsApi;
  db: Client;
  programmeId: string;
  polls: number;
  connections: number;
  durationSeconds: number;
  check: (label: string, expected: Counts, summary: SummaryBody) => string;
  failures: string[];
  signal: AbortSignal;
}): Promise<SummaryFigures> {
  const { api, db, programmeId, polls, connections, durationSeconds, signal } = options;
  say('3. The JSON summary: cold, polled, under load...');
  let statements = await api.server.statements();
  const cold = await api.getSummary();
  const coldStatements = (await api.server.statements()) - statements;
  const expected = await independentCounts(db, programmeId);
  const correctness = options.check('summary', expected, cold.body.summary);
  const { summary: first } = cold.body;
  say(
    `   cold ${ms(cold.ms)} ms; total ${rate(first.total)}, open ${rate(first.open)}, ` +
      `overdue ${rate(first.overdue)}; ${correctness}`,
  );
  const latencies: number[] = [];
  statements = await api.server.statements();
  const pollStarted = performance.now();
  for (let i = 0; i < polls; i++) {
    signal.throwIfAborted();
    latencies.push((await api.getSummary()).ms);
  }
  const pollMs = performance.now() - pollStarted;
  const pollStatements = ((await api.server.statements()) - statements) / polls;
  latencies.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
  say(`   ${polls} polls: p50 ${ms(p50)} / p95 ${ms(p95)} / p99 ${ms(p99)} ms`);
  const load = await measure(api.server.origin, pagesScenario('summary', [api.summaryPath]), {
    connections,
    warmupSeconds: 2,
    durationSeconds,
    token: api.token(),
  });
  say(
    `   autocannon ${connections} connections: ${rate(load.perSecond)} req/s, ` +
      `p50 ${ms(load.p50)} / p99 ${ms(load.p99)} ms, statuses ${JSON.stringify(load.statuses)}`,
  );
  if (load.failures > 0 || load.errors > 0) {
    options.failures.push(`summary under load: ${load.failures} non-2xx, ${load.errors} errors`);
  }
  return {
    cold,
    coldStatements,
    correctness,
    latencies,
    p50,
    p95,
    p99,
    pollMs,
    pollStatements,
    load,
  };
}

export interface SummarySqlFigures {
  /** countGroups, ms: the first run, then 4 more. */
  bare: number[];
  groups: number;
  /** references(), ms, sorted. */
  referenceTimes: number[];
  /** countGroups as sent, for step 7. */
  groupsStatement: Statement;
  bucketMs: number;
  bucketRows: number;
  /** Bytes per kept entry. */
  countsHeap: number;
  summaryHeap: number;
}

/** The summary's own SQL, bare: the GROUP BY and the labels read on every request. */
export async function measureSummarySql(
  dataSource: DataSource,
  db: Client,
  reader: ActionReportReader,
  programmeId: string,
): Promise<SummarySqlFigures> {
  const reportDate = amsterdamDate(new Date(Date.now() - 1));
  const windowStart = amsterdamInstant(addDays(reportDate, -30), 0);
  const at = { today: reportDate, periodFrom: windowStart, updatedFrom: windowStart };
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await reader.countGroups(dataSource.manager, programmeId, at, {});
    bare.push(performance.now() - started);
  }
  const referenceTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await reader.references(dataSource.manager, programmeId);
    referenceTimes.push(performance.now() - started);
  }
  referenceTimes.sort((a, b) => a - b);
  const groupsCapture = capturingManager();
  await reader.countGroups(groupsCapture.manager, programmeId, at, {});
  const [{ groups }] = (
    await db.query<{ groups: number }>(
      `SELECT count(*)::int AS groups FROM (${groupsCapture.captured[0].sql}) g`,
      groupsCapture.captured[0].parameters,
    )
  ).rows;
  say(
    `   bare GROUP BY: first ${ms(bare[0])} ms, then median ${ms(
      percentile(
        [...bare.slice(1)].sort((a, b) => a - b),
        50,
      ),
    )} ms (${groups} groups); references() median ${ms(percentile(referenceTimes, 50))} ms`,
  );

  // The counts per bucket that the API keeps to recount only what a change touched: their
  // rows, and the memory they and a folded summary take (each built 20 times, after a GC).
  const bucketStarted = performance.now();
  const bucketGroups = await reader.countBucketGroups(
    dataSource.manager,
    programmeId,
    at,
    {},
    'all',
  );
  const bucketMs = performance.now() - bucketStarted;
  const bucketReferences = await reader.references(dataSource.manager, programmeId);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // The heap and the typed arrays' buffers (kept outside the heap).
  const used = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const heapOf = (build: () => unknown): number => {
    gc();
    const before = used();
    const held = Array.from({ length: 20 }, build);
    gc();
    return (used() - before) / held.length;
  };
  const countsHeap = heapOf(() => BucketCounts.of(bucketGroups));
  const summaryHeap = heapOf(() =>
    foldSummary(BucketCounts.of(bucketGroups).groups(), bucketReferences),
  );
  say(
    `   per-bucket GROUP BY (all buckets): ${ms(bucketMs)} ms, ${rate(bucketGroups.length)} rows; ` +
      `memory per kept entry: counts ${(countsHeap / 1024).toFixed(0)} KiB ` +
      `(${(countsHeap / bucketGroups.length).toFixed(0)} B a row), folded summary ${(summaryHeap / 1024).toFixed(0)} KiB`,
  );
  return {
    bare,
    groups,
    referenceTimes,
    groupsStatement: groupsCapture.captured[0],
    bucketMs,
    bucketRows: bucketGroups.length,
    countsHeap,
    summaryHeap,
  };
}
