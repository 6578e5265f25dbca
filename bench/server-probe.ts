/**
 * What the benchmark asks of a server it started (the product or the comparator), over the
 * IPC channel: how many statements it sent to PostgreSQL, the statements themselves while
 * capturing, and a CPU profile of a window. Counting is one increment per statement in both
 * servers alike; capturing and profiling run only in windows that are not measured.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import {
  constants,
  type ELDHistogram,
  monitorEventLoopDelay,
  type PerformanceEntry,
  PerformanceObserver,
} from 'node:perf_hooks';
import pg from 'pg';
import { summariseProfile } from './cpu-profile';

export interface CapturedStatement {
  text: string;
  values: unknown[];
}

export type ProbeRequest =
  | { kind: 'statements' }
  | { kind: 'capture'; on: boolean }
  | { kind: 'profile'; on: boolean }
  | { kind: 'stalls'; on: boolean };

/**
 * What held the server's event loop up over a window: its delay (how late a timer due every
 * 10 ms ran: p99 and max, in ms) and V8's garbage-collection pauses. A request that arrives in
 * such a stall waits it out, so these say whether a latency tail is the server's own.
 */
export interface StallSummary {
  loopP99: number;
  loopMax: number;
  gcPauses: number;
  gcMs: number;
  gcMaxMs: number;
  /** Mark-compact (major) collections among the pauses. */
  majorPauses: number;
}

export interface ProbeMessage {
  id: number;
  request: ProbeRequest;
}

let statements = 0;
let capturing: CapturedStatement[] | undefined;

/** Counts (and while capturing, keeps) every statement a `pg` client sends. */
export function instrumentPg(): void {
  const prototype = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const query = prototype.query;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    statements += 1;
    if (capturing) {
      const [first, second] = args as [unknown, unknown];
      const text =
        typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
      const values = Array.isArray(second)
        ? second
        : ((first as { values?: unknown[] } | null)?.values ?? []);
      capturing.push({ text, values });
    }
    return query.apply(this, args);
  };
}

const session = new Session();
let profiling = false;

const LOOP_RESOLUTION_MS = 10;

let stalls: { loop: ELDHistogram; gc: PerformanceObserver; summary: StallSummary } | undefined;

function watchStalls(): void {
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const summary: StallSummary = {
    loopP99: 0,
    loopMax: 0,
    gcPauses: 0,
    gcMs: 0,
    gcMaxMs: 0,
    majorPauses: 0,
  };
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      summary.gcPauses += 1;
      summary.gcMs += entry.duration;
      summary.gcMaxMs = Math.max(summary.gcMaxMs, entry.duration);
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) summary.majorPauses += 1;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  loop.enable();
  stalls = { loop, gc, summary };
}

function stallsSeen(): StallSummary | null {
  if (!stalls) return null;
  const { loop, gc, summary } = stalls;
  stalls = undefined;
  loop.disable();
  gc.disconnect();
  // The histogram holds the whole time between the timer's runs: its lateness is beyond that.
  const late = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  return { ...summary, loopP99: late(loop.percentile(99)), loopMax: late(loop.max) };
}

async function answer(request: ProbeRequest): Promise<unknown> {
  switch (request.kind) {
    case 'statements':
      return statements;
    case 'capture': {
      const captured = capturing ?? [];
      capturing = request.on ? [] : undefined;
      return captured;
    }
    case 'stalls':
      if (request.on) {
        stallsSeen();
        watchStalls();
        return null;
      }
      return stallsSeen();
    case 'profile':
      if (request.on) {
        if (!profiling) session.connect();
        profiling = true;
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
        return null;
      } else {
        const { profile } = await session.post('Profiler.stop');
        await session.post('Profiler.disable');
        // BENCH_PROFILE_DIR: each profile also as a .cpuprofile file (DevTools, or inclusive times).
        const dir = process.env.BENCH_PROFILE_DIR;
        if (dir)
          writeFileSync(`${dir}/${process.pid}-${Date.now()}.cpuprofile`, JSON.stringify(profile));
        return summariseProfile(profile);
      }
  }
}

/** Answers the parent's probe requests; tells it the server listens on `port`. */
export function serveProbe(port: number): void {
  if (!process.send) throw new Error('start this server through the benchmark (no IPC channel)');
  process.on('message', (message: ProbeMessage) => {
    answer(message.request).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
  process.send({ ready: true, port });
  // The parent going away ends the server too (no orphan pinned to a core).
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
