/**
 * `npm run bench:reports`'s report: the issue's targets, the summary table of every step's
 * figures, and, when a target was missed (or BENCH_EXPLAIN=1), the queries' plans; then the CPU
 * profiles taken.
 */
import type { ProfileSummary } from './cpu-profile';
import { ms, percentile, rate, say, table } from './harness';
import type { ReportsApi } from './reports-api';
import type { ChangeFigures } from './reports-changes';
import type { CsvFigures, CsvProfile } from './reports-csv';
import type { ExportFigures } from './reports-exports';
import { memoryOf, mib } from './process-memory';
import { executionMs, type QueryFigures } from './reports-queries';
import type { SeededReports } from './reports-seed';
import type { SummaryFigures, SummarySqlFigures } from './reports-summary';

export const TARGET = {
  summaryMs: 60,
  csvMs: 3000,
  csvRssMiB: 50,
  exportMs: 60_000,
};

const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

/** A target's verdict for the report; remembers whether any was missed. */
export interface Targets {
  target: (ok: boolean) => string;
  readonly missed: boolean;
}

export function targets(): Targets {
  let missed = false;
  return {
    target: (ok: boolean) => {
      if (!ok) missed = true;
      return verdict(ok);
    },
    get missed() {
      return missed;
    },
  };
}

export interface ReportFigures {
  actions: number;
  polls: number;
  connections: number;
  durationSeconds: number;
  changes: number;
  seedMs: number;
  seeded: SeededReports;
  api: ReportsApi;
  summary: SummaryFigures;
  sql: SummarySqlFigures;
  csv: CsvFigures;
  change: ChangeFigures;
  exports: ExportFigures;
  queries: QueryFigures;
  csvProfile?: CsvProfile;
}

function printProfile(title: string, profile: ProfileSummary): void {
  say();
  say(title);
  for (const { area, share } of profile.byArea)
    say(`  ${(share * 100).toFixed(1).padStart(5)} %  ${area}`);
  say('  top functions:');
  for (const { name, share } of profile.topFunctions)
    say(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
}

export function printReport(figures: ReportFigures, targets: Targets): void {
  const { actions, polls, connections, durationSeconds, changes, seedMs, seeded } = figures;
  const { cold, coldStatements, correctness, latencies, p50, p95, p99 } = figures.summary;
  const { pollMs, pollStatements, load } = figures.summary;
  const { bare, groups, referenceTimes, bucketMs, bucketRows, countsHeap, summaryHeap } =
    figures.sql;
  const { csvMs, ttfb, bytes, lines, csvMemory, csvGrowth, linesOk } = figures.csv;
  const { postMs, after, again, reflected, afterCheck, cyclesCheck } = figures.change;
  const { cyclesP50, cyclesP90, cyclesMax, cyclesProfile } = figures.change;
  const { exportRows, idleWorker, workerAfter } = figures.exports;
  const { groupsPlan, groupsPlanNoJit, cursorPlan, cursorPlanNoJit } = figures.queries;
  const { groupsJit, groupsNoJit, cursorJit, cursorNoJit, jit, jitAbove, workMem } =
    figures.queries;
  const { target } = targets;
  const rows: Array<[string, string]> = [];
  say();
  rows.push(
    [
      'Seeded',
      `${ms(seedMs / 1000)} s: ${seeded.elapsedMs.map(([k, v]) => `${k} ${ms(v / 1000)} s`).join(', ')}`,
    ],
    [
      'Data',
      Object.entries(seeded.counts)
        .map(([k, v]) => `${k} ${rate(v)}`)
        .join(', '),
    ],
    [
      'Summary: first request, cold (target ≤ 60 ms)',
      `${ms(cold.ms)} ms (${coldStatements} statements): ${target(cold.ms <= TARGET.summaryMs)}`,
    ],
    [
      `Summary: ${polls} sequential polls p50 / p95 / p99 (target ≤ 60 ms)`,
      `${ms(p50)} / ${ms(p95)} / ${ms(p99)} ms (max ${ms(latencies.at(-1)!)}; ${rate((polls / pollMs) * 1000)} req/s; ${pollStatements.toFixed(1)} statements each): ${target(p95 <= TARGET.summaryMs)}`,
    ],
    [
      `Summary: autocannon ${connections} connections, ${durationSeconds} s`,
      `${rate(load.perSecond)} req/s, p50 ${ms(load.p50)} / p99 ${ms(load.p99)} ms, ${rate(load.requests)} requests, ${load.failures} failed, ${load.errors} errors`,
    ],
    [
      'Bare GROUP BY (countGroups), first / median of 4',
      `${ms(bare[0])} / ${ms(
        percentile(
          bare.slice(1).sort((a, b) => a - b),
          50,
        ),
      )} ms (${groups} groups; EXPLAIN ANALYZE ${ms(executionMs(groupsPlan))} ms)`,
    ],
    [
      'Per-bucket GROUP BY, all buckets (a cold summary) / memory per kept entry',
      `${ms(bucketMs)} ms, ${rate(bucketRows)} rows / counts ${(countsHeap / 1024).toFixed(0)} KiB, summary ${(summaryHeap / 1024).toFixed(0)} KiB`,
    ],
    [
      'references() (a report of now: its rows; a summary keeps its names)',
      `median ${ms(percentile(referenceTimes, 50))} ms`,
    ],
    [
      `GROUP BY SQL alone, median of 5: jit on / off (server jit=${jit}, above cost ${jitAbove})`,
      `${ms(groupsJit)} / ${ms(groupsNoJit)} ms (EXPLAIN ANALYZE ${ms(executionMs(groupsPlan))} / ${ms(executionMs(groupsPlanNoJit))} ms)`,
    ],
    [
      `CSV cursor SQL alone, all rows: jit on / off (work_mem ${workMem})`,
      `${ms(cursorJit)} / ${ms(cursorNoJit)} ms (EXPLAIN ANALYZE ${ms(executionMs(cursorPlan))} / ${ms(executionMs(cursorPlanNoJit))} ms)`,
    ],
    ['Summary = independent SQL counts', correctness],
    [
      `CSV, ${rate(actions)} rows: wall time (target ≤ 3 s)`,
      `${ms(csvMs)} ms (first byte ${ms(ttfb)} ms; cursor query EXPLAIN ANALYZE ${ms(executionMs(cursorPlan))} ms): ${target(csvMs <= TARGET.csvMs)}`,
    ],
    [
      'CSV: API RSS growth (target < 50 MB)',
      `+${csvGrowth.toFixed(1)} MiB (${csvMemory.before.toFixed(0)} → ${csvMemory.max.toFixed(0)} MiB, ${csvMemory.n} samples at 50 ms): ${target(csvGrowth < TARGET.csvRssMiB)}`,
    ],
    [
      'CSV: bytes / lines (expected lines: actions + 1)',
      `${rate(bytes)} (${mib(bytes)}) / ${rate(lines)}: ${linesOk ? 'OK' : 'FAILED'}`,
    ],
    [
      'After one progress update: POST / next summary (recomputed) / the one after',
      `${ms(postMs)} / ${ms(after.ms)} / ${ms(again.ms)} ms: ${target(after.ms <= TARGET.summaryMs)}`,
    ],
    [
      `After each of ${changes} more changes (another bucket each): next summary p50 / p90 / max`,
      `${ms(cyclesP50)} / ${ms(cyclesP90)} / ${ms(cyclesMax)} ms: ${target(cyclesP50 <= TARGET.summaryMs)}`,
    ],
    [`After the ${changes} more: summary = SQL counts`, cyclesCheck],
    ['After the change: summary shows it', reflected ? 'OK' : 'FAILED'],
    ['After the change: summary = SQL counts', afterCheck],
    ...exportRows,
    [
      'API RSS: idle / peak (HWM) at end',
      `${figures.api.idle?.rss.toFixed(0)} / ${memoryOf(figures.api.server.pid)?.peak.toFixed(0)} MiB`,
    ],
    [
      'Worker RSS: idle / peak (HWM) / after',
      `${idleWorker?.rss.toFixed(0)} / ${workerAfter?.peak.toFixed(0)} / ${workerAfter?.rss.toFixed(0)} MiB`,
    ],
  );
  say('Summary');
  for (const line of table(rows)) say(line);
  if (targets.missed || process.env.BENCH_EXPLAIN) {
    say();
    say('EXPLAIN ANALYZE of the summary GROUP BY (ActionReportReader.countGroups):');
    for (const line of groupsPlan) say(`  ${line}`);
    say();
    say('EXPLAIN ANALYZE of the CSV cursor query (ActionReportReader.rows):');
    for (const line of cursorPlan) say(`  ${line}`);
  }
  if (targets.missed || process.env.BENCH_EXPLAIN) {
    say();
    say('The same with jit = off: the summary GROUP BY');
    for (const line of groupsPlanNoJit) say(`  ${line}`);
    say();
    say('The same with jit = off: the CSV cursor query');
    for (const line of cursorPlanNoJit) say(`  ${line}`);
  }
  if (cyclesProfile) {
    printProfile(
      `CPU profile of the API during the summaries after ${changes} more changes (merged; busy ${(cyclesProfile.busyShare * 100).toFixed(0)} %):`,
      cyclesProfile,
    );
  }
  if (figures.csvProfile) {
    const { profile, profiledMs } = figures.csvProfile;
    printProfile(
      `CPU profile of the API during a second CSV download (${ms(profiledMs)} ms, busy ${(profile.busyShare * 100).toFixed(0)} %):`,
      profile,
    );
  }
}
