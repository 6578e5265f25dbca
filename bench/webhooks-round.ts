/**
 * One round of `bench:webhooks`: a fresh worker, the events it must fan out and deliver, and
 * what that took: arrivals per second at the receiver, when the fan-out was through, losses
 * and duplicates, the worker's memory, CPU time of the three processes at work (worker,
 * this process as the receiver, PostgreSQL) and the worker's statements per delivery.
 */
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import type { ProfileSummary } from './cpu-profile';
import { ms, percentile, positiveInt, rate, say, sleep } from './harness';
import { processCpuMs, serverCpuMs, statementMix } from './imports-postgres';
import { type ProbedWorker, waitUntilQuiet } from './imports-processes';
import { memoryOf, sampleRss } from './process-memory';
import type { CountingReceiver } from './webhooks-receiver';

export interface RoundRun {
  label: string;
  concurrency: number;
  expected: number;
  config: AppConfig;
  dataSource: DataSource;
  receiver: CountingReceiver;
  signal: AbortSignal;
  postmaster: number | undefined;
  /** Profile the worker's CPU and group its statements by text over the round. */
  profile: boolean;
  /** Live: whether the worker was started before the events were made. */
  live: boolean;
  start: () => Promise<ProbedWorker>;
  /** Makes (or finds) the events; answers the log sequence of the last one. */
  events: () => Promise<string>;
}

export interface RoundFigures {
  label: string;
  live: boolean;
  concurrency: number;
  expected: number;
  received: number;
  duplicates: number;
  unverified: number;
  /** Worker spawned → ready (health file), ms. */
  bootMs: number;
  /** From the round's start (live: the first creation; backlog: the spawn), ms. */
  firstMs: number;
  fanoutMs: number;
  lastMs: number;
  perSecond: number;
  /** From the first arrival to the last. */
  steadyPerSecond: number;
  /** Event time (CloudEvent `time`) → arrival, ms. */
  latency: { p50: number; p95: number; max: number };
  rss: { ready: number; max: number; peak: number };
  statementsPerDelivery: number;
  /** CPU time from ready to the last arrival, as cores busy on average. */
  cores: { worker: number; receiver: number; postgres: number };
  database: { delivered: number; pending: number; retried: number };
  /** After the last arrival, until the outbox and the job queues were empty, ms. */
  quietMs: number;
  profile?: ProfileSummary;
  mix?: ReturnType<typeof statementMix>;
  ok: boolean;
}

/** Reads the fan-out cursor until it passes `target` (set once the events are known). */
function watchFanout(dataSource: DataSource) {
  let target: bigint | undefined;
  let doneAt: number | undefined;
  let busy = false;
  const timer = setInterval(() => {
    if (busy || doneAt !== undefined || target === undefined) return;
    busy = true;
    dataSource
      .query<{ sequence: string }[]>('SELECT sequence::text AS sequence FROM webhook_fanout_cursor')
      .then(([row]) => {
        if (target !== undefined && BigInt(row.sequence) >= target) doneAt = performance.now();
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, 50);
  return {
    until: (sequence: string) => {
      target = BigInt(sequence);
    },
    stop: () => {
      clearInterval(timer);
      return doneAt;
    },
  };
}

export async function runRound(run: RoundRun): Promise<RoundFigures> {
  const { receiver, dataSource } = run;
  const timeoutMs = positiveInt('BENCH_WEBHOOK_ROUND_TIMEOUT_MS', 600_000);
  const fanout = watchFanout(dataSource);
  const spawned = performance.now();
  const worker = await run.start();
  const ready = performance.now();
  const stopSampling = sampleRss(worker.pid);
  const cpu = () => ({
    worker: processCpuMs(worker.pid),
    receiver: processCpuMs(process.pid),
    postgres: serverCpuMs(run.postmaster),
  });
  const cpuBefore = cpu();
  const statementsBefore = await worker.statements();
  if (run.profile) {
    await worker.profile(true);
    await worker.capture(true);
  }
  const started = run.live ? performance.now() : spawned;
  fanout.until(await run.events());
  const arrived = await receiver.whenReceived(run.expected, timeoutMs);
  const done = performance.now();
  run.signal.throwIfAborted();
  const cpuAfter = cpu();
  const statements = (await worker.statements()) - statementsBefore;
  const profile = run.profile ? await worker.profile(false) : undefined;
  const captured = run.profile ? await worker.capture(false) : undefined;
  // Whatever would still come twice (a settle that failed) comes within the poll interval.
  await sleep(1500);
  const peak = memoryOf(worker.pid)?.peak ?? Number.NaN;
  const rss = stopSampling();
  const fanoutAt = fanout.stop();
  // The worker's other work (the creations' outbox events and the jobs they become) must not
  // spill into the next round's worker.
  await waitUntilQuiet(dataSource, run.config, run.signal);
  const quietMs = performance.now() - done;
  await worker.stop();
  const [database] = await dataSource.query<RoundFigures['database'][]>(
    `SELECT count(*) FILTER (WHERE state = 'delivered')::int AS delivered,
            count(*) FILTER (WHERE state = 'pending')::int AS pending,
            count(*) FILTER (WHERE attempts > 1)::int AS retried
       FROM webhook_deliveries`,
  );
  const latencies = [...receiver.latencies].sort((a, b) => a - b);
  const lastAt = receiver.lastNewAt ?? done;
  const firstAt = receiver.firstAt ?? done;
  const wall = done - ready;
  const figures: RoundFigures = {
    label: run.label,
    live: run.live,
    concurrency: run.concurrency,
    expected: run.expected,
    received: receiver.unique,
    duplicates: receiver.duplicates,
    unverified: receiver.unverified,
    bootMs: ready - spawned,
    firstMs: firstAt - started,
    fanoutMs: fanoutAt === undefined ? Number.NaN : fanoutAt - started,
    lastMs: lastAt - started,
    perSecond: (receiver.unique / (lastAt - started)) * 1000,
    steadyPerSecond: (receiver.unique / (lastAt - firstAt)) * 1000,
    latency: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.at(-1) ?? Number.NaN,
    },
    rss: { ready: rss.before, max: rss.max, peak },
    statementsPerDelivery: statements / Math.max(1, receiver.unique),
    cores: {
      worker: (cpuAfter.worker - cpuBefore.worker) / wall,
      receiver: (cpuAfter.receiver - cpuBefore.receiver) / wall,
      postgres: (cpuAfter.postgres - cpuBefore.postgres) / wall,
    },
    database,
    quietMs,
    profile,
    mix: captured && statementMix(captured, receiver.unique, 12),
    ok:
      arrived &&
      receiver.unique === run.expected &&
      receiver.unverified === 0 &&
      database.delivered === run.expected,
  };
  say(
    `   ${rate(figures.received)} of ${rate(run.expected)} in ${ms(figures.lastMs)} ms: ` +
      `${rate(figures.perSecond)}/s, ${figures.duplicates} duplicates` +
      (arrived ? '' : ` (TIMED OUT after ${timeoutMs} ms)`),
  );
  printDiagnostics(figures);
  return figures;
}

function printDiagnostics({ label, profile, mix }: RoundFigures): void {
  if (profile) {
    say(`   Worker CPU profile, ${label} (busy ${(profile.busyShare * 100).toFixed(0)} %):`);
    for (const { area, share } of profile.byArea.slice(0, 8))
      say(`   ${(share * 100).toFixed(1).padStart(6)} %  ${area}`);
    for (const { name, share } of profile.topFunctions.slice(0, 8))
      say(`   ${(share * 100).toFixed(1).padStart(6)} %  ${name}`);
  }
  if (mix) {
    say(`   Worker statements per delivery, ${label}:`);
    for (const { perRow, statement } of mix)
      say(`   ${perRow.toFixed(3).padStart(7)}  ${statement}`);
  }
}

const share = (value: number) => `${(value * 100).toFixed(0)} %`;

/** The summary's rows of every round, with the target for deliveries/s. */
export function summaryRows(rounds: RoundFigures[], target: number): Array<[string, string]> {
  return rounds.flatMap((r): Array<[string, string]> => {
    const from = r.live ? 'first creation' : 'worker spawn';
    return [
      [`[${r.label}]`, r.ok ? 'OK' : 'FAILED'],
      [
        `  Deliveries/s, ${from} → last arrival (target ≥ ${target})`,
        `${rate(r.perSecond)} (${rate(r.received)} in ${ms(r.lastMs / 1000)} s)`,
      ],
      ['  Deliveries/s, first → last arrival', rate(r.steadyPerSecond)],
      [
        `  Worker boot / first arrival / fan-out through (from ${from})`,
        `${ms(r.bootMs / 1000)} / ${ms(r.firstMs / 1000)} / ${ms(r.fanoutMs / 1000)} s`,
      ],
      [
        '  Lost / duplicates / unverified',
        `${rate(r.expected - r.received)} / ${rate(r.duplicates)} / ${rate(r.unverified)}`,
      ],
      [
        '  Database: delivered / pending / retried',
        `${rate(r.database.delivered)} / ${rate(r.database.pending)} / ${rate(r.database.retried)}`,
      ],
      [
        r.live
          ? '  Event time → arrival p50 / p95 / max'
          : '  Event time → arrival p50 / p95 (backlog: since the events were made)',
        `${ms(r.latency.p50)} / ${ms(r.latency.p95)} / ${ms(r.latency.max)} ms`,
      ],
      [
        '  Worker RSS ready / max / peak (HWM)',
        `${r.rss.ready.toFixed(0)} / ${r.rss.max.toFixed(0)} / ${r.rss.peak.toFixed(0)} MiB`,
      ],
      [
        '  CPU, cores busy: worker / receiver+bench / PostgreSQL',
        `${share(r.cores.worker)} / ${share(r.cores.receiver)} / ${share(r.cores.postgres)}`,
      ],
      ['  Worker statements per delivery', r.statementsPerDelivery.toFixed(2)],
      ['  Outbox and job queues empty, after the last arrival', `${ms(r.quietMs / 1000)} s`],
    ];
  });
}
