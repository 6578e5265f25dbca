/**
 * One scenario of `bench:imports`: upload → planned (the dry run), apply → applied, each timed
 * from the client and by the import's own instants, with the worker's resident memory sampled
 * every 50 ms, its statements to PostgreSQL and the CPU time of worker and PostgreSQL; then
 * the wait until the work the apply left behind (outbox events, their jobs) is done.
 */
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import type { ProfileSummary } from './cpu-profile';
import { ms, say, sleep } from './harness';
import {
  importEvents,
  processCpuMs,
  serverCpuMs,
  statementMix,
  type StatementStats,
  type StatementTimes,
} from './imports-postgres';
import { between, type ImportBody, type ImportsClient, type Waited } from './imports-client';
import { type ProbedWorker, waitUntilQuiet } from './imports-processes';
import { memoryOf, type RssSamples, sampleRss } from './process-memory';

const CAPTURE_WINDOW_MS = 3000;

export interface PhaseFigures {
  waited: Waited;
  /** The worker's own time, from the import's instants. */
  serverMs: number;
  rss: RssSamples;
  statements: number;
  /** CPU time in ms of the worker and of the benchmark's PostgreSQL server (NaN: not local). */
  cpu: { worker: number; postgres: number };
  profile?: ProfileSummary;
  /** PostgreSQL's planning and execution time, when pg_stat_statements is there. */
  pgTimes?: StatementTimes;
  /** The statements of a window of the apply, per row applied in it (profiled runs only). */
  mix?: { rows: number; statements: ReturnType<typeof statementMix> };
}

export interface ScenarioFigures {
  importId: string;
  fileBytes: number;
  uploadMs: number;
  dryRun: PhaseFigures;
  apply: PhaseFigures;
  /** The worker's RSS before the upload; the scenario's growth is the peak over both phases. */
  rssBefore: number;
  /** From `applied` until no outbox event or job is pending. */
  settleMs: number;
  /** The database's clock just before the apply (timeline entries after it are the apply's). */
  appliedSince: Date;
}

export interface ScenarioRun {
  dataSource: DataSource;
  config: AppConfig;
  client: ImportsClient;
  worker: ProbedWorker;
  signal: AbortSignal;
  timeoutMs: number;
  statementStats: StatementStats | undefined;
  /** The benchmark's PostgreSQL server, when it runs on this machine (its CPU time). */
  postmaster: number | undefined;
  /** Profile the worker's CPU and capture a window of the apply's statements. */
  profile: boolean;
  /** Between the dry run and the apply: checks of the dry run, snapshots for the checks after. */
  beforeApply?: (planned: ImportBody) => Promise<void>;
}

async function phase(
  run: ScenarioRun,
  work: () => Promise<{ waited: Waited; serverMs: number; mix?: PhaseFigures['mix'] }>,
): Promise<PhaseFigures> {
  const { worker } = run;
  const stopSampling = sampleRss(worker.pid, 50);
  const cpuNow = () => ({
    worker: processCpuMs(worker.pid),
    postgres: serverCpuMs(run.postmaster),
  });
  const cpuBefore = cpuNow();
  await run.statementStats?.reset();
  const statementsBefore = await worker.statements();
  if (run.profile) await worker.profile(true);
  const { waited, serverMs, mix } = await work();
  const profile = run.profile ? await worker.profile(false) : undefined;
  const statements = (await worker.statements()) - statementsBefore;
  const pgTimes = await run.statementStats?.read();
  const cpuAfter = cpuNow();
  const cpu = {
    worker: cpuAfter.worker - cpuBefore.worker,
    postgres: cpuAfter.postgres - cpuBefore.postgres,
  };
  return { waited, serverMs, rss: stopSampling(), statements, cpu, profile, mix, pgTimes };
}

/**
 * The statements the worker sends in CAPTURE_WINDOW_MS of a running apply, a second after its
 * start, per row applied meanwhile (its audit events: one per row in these scenarios).
 */
async function captureWindow(run: ScenarioRun, importId: string): Promise<PhaseFigures['mix']> {
  await sleep(1000);
  await run.worker.capture(true);
  const eventsBefore = await importEvents(run.dataSource, importId);
  await sleep(CAPTURE_WINDOW_MS);
  const eventsAfter = await importEvents(run.dataSource, importId);
  const captured = await run.worker.capture(false);
  const rows = eventsAfter - eventsBefore;
  return { rows, statements: statementMix(captured, rows) };
}

export async function runScenario(
  run: ScenarioRun,
  label: string,
  file: Buffer,
  filename: string,
): Promise<ScenarioFigures> {
  const { client, timeoutMs } = run;
  const rssBefore = memoryOf(run.worker.pid)?.rss ?? 0;
  let importId = '';
  let uploadMs = 0;
  say(`   ${label}: uploading ${(file.length / 2 ** 20).toFixed(2)} MiB...`);
  const dryRun = await phase(run, async () => {
    const uploaded = await client.upload(file, filename);
    uploadMs = performance.now() - uploaded.started;
    importId = uploaded.body.id;
    const waited = await client.waitFor(importId, 'planned', uploaded.started, timeoutMs);
    return { waited, serverMs: between(waited.body.createdAt, waited.body.plannedAt) };
  });
  say(
    `   ${label}: planned in ${ms(dryRun.waited.ms / 1000)} s (worker ${ms(dryRun.serverMs / 1000)} s), ` +
      `counts ${JSON.stringify(dryRun.waited.body.counts)}`,
  );
  await run.beforeApply?.(dryRun.waited.body);
  const [{ now: appliedSince }] =
    await run.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
  const apply = await phase(run, async () => {
    const started = await client.apply(importId);
    const mix = run.profile ? await captureWindow(run, importId) : undefined;
    const waited = await client.waitFor(importId, 'applied', started, timeoutMs);
    return { waited, serverMs: between(waited.body.applyRequestedAt, waited.body.appliedAt), mix };
  });
  say(
    `   ${label}: applied in ${ms(apply.waited.ms / 1000)} s (worker ${ms(apply.serverMs / 1000)} s), ` +
      `results ${JSON.stringify(apply.waited.body.results)}`,
  );
  const settleMs = await waitUntilQuiet(run.dataSource, run.config, run.signal);
  return {
    importId,
    fileBytes: file.length,
    uploadMs,
    dryRun,
    apply,
    rssBefore,
    settleMs,
    appliedSince,
  };
}

export function printProfile(label: string, figures: PhaseFigures): void {
  const { profile } = figures;
  if (!profile) return;
  say();
  say(
    `Worker CPU profile, ${label} (busy ${(profile.busyShare * 100).toFixed(0)} % of the wall time):`,
  );
  for (const { area, share } of profile.byArea) {
    say(`  ${(share * 100).toFixed(1).padStart(5)} %  ${area}`);
  }
  say('  top functions (self time):');
  for (const { name, share } of profile.topFunctions) {
    say(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
}

export function printMix(label: string, figures: PhaseFigures): void {
  const { mix } = figures;
  if (!mix) return;
  say();
  say(
    `Worker statements per row, ${label} (${mix.rows} rows applied in a ${CAPTURE_WINDOW_MS} ms window):`,
  );
  for (const { perRow, statement } of mix.statements) {
    say(`  ${perRow.toFixed(2).padStart(6)}  ${statement}`);
  }
}

/** PostgreSQL's costliest statements of a phase, by planning plus execution time. */
export function printStatementTimes(label: string, figures: PhaseFigures, rows: number): void {
  const times = figures.pgTimes;
  if (!times) return;
  say();
  say(
    `PostgreSQL time by statement, ${label} (pg_stat_statements, all clients): plan ` +
      `${ms(times.planMs)} ms + execute ${ms(times.execMs)} ms in ${times.calls} statements; per row:`,
  );
  say('    calls    plan ms    exec ms');
  for (const top of times.top) {
    say(
      `  ${(top.calls / rows).toFixed(2).padStart(7)} ${(top.planMs / rows).toFixed(3).padStart(10)} ` +
        `${(top.execMs / rows).toFixed(3).padStart(10)}  ${top.statement}`,
    );
  }
}
