/**
 * Starts the servers the API benchmark measures as child processes pinned to one core
 * (`taskset -c <core> node dist/bench/<entry>.js`), waits until they listen, asks them for
 * their probe figures over IPC, and stops them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../scripts/services';
import { OutputTail, supervise } from '../scripts/services/service-process';
import type { CapturedStatement, ProbeMessage, ProbeRequest, StallSummary } from './server-probe';
import type { ProfileSummary } from './cpu-profile';
import type { Cleanup } from './harness';

const START_TIMEOUT_MS = 60_000;

export type ServerEntry = 'serve-api' | 'bare-server' | 'floor-server';

export interface BenchServer {
  name: string;
  /** The server's process (taskset execs node in its place). */
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  statements(): Promise<number>;
  capture(on: boolean): Promise<CapturedStatement[]>;
  profile(on: true): Promise<null>;
  profile(on: false): Promise<ProfileSummary>;
  /** Watches the event loop's delay and GC pauses (true), or ends that and tells them. */
  stalls(on: boolean): Promise<StallSummary | null>;
  stop(): Promise<void>;
}

/** Pins this process (all its threads) to `core`: the load generator's side. */
export function pinSelf(core: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], {
    stdio: 'ignore',
  });
}

/**
 * Raises this process's priority (all its threads: nice -20), or puts it back (0). The open
 * loop's generator shares its core with PostgreSQL; at equal priority a backend's slice
 * delays the generator's timers by tens of milliseconds, and the generator's lateness counts
 * as latency of whatever server is measured. Needs CAP_SYS_NICE (root on this machine);
 * answers whether it took effect. The generator uses a fifth of its core, so it cannot starve
 * PostgreSQL. (Not the real-time class: V8's helper threads spin-wait, and at real-time
 * priority that took the whole core.)
 */
export function prioritySelf(raised: boolean): boolean {
  try {
    const threads = readdirSync(`/proc/${process.pid}/task`);
    execFileSync('renice', ['-n', raised ? '-20' : '0', '-p', ...threads], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Node options from an environment variable, split on spaces. */
export function flagsFrom(variable: string): string[] {
  return (process.env[variable] ?? '').split(' ').filter(Boolean);
}

/**
 * `dir`: the built bench folder to start the entry from (another build of the product, for
 * `bench:ab`); this build's by default. `flags`: Node's options, by default BENCH_NODE_FLAGS
 * (for every server the benchmarks start, the product and its comparators alike: experiments
 * with V8's settings such as `--max-semi-space-size=64`; none unless given).
 */
export async function startServer(
  name: string,
  entry: ServerEntry,
  core: number,
  environment: Record<string, string>,
  cleanup: Cleanup,
  dir: string = __dirname,
  flags: readonly string[] = flagsFrom('BENCH_NODE_FLAGS'),
): Promise<BenchServer> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'taskset',
    ['-c', String(core), process.execPath, ...flags, path.join(dir, `${entry}.js`)],
    {
      env: { ...process.env, ...environment, PORT: String(port), PUBLIC_URL: origin },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const output = new OutputTail(30);
  output.follow(child.stdout);
  output.follow(child.stderr, (line) => process.stderr.write(`  [${name}] ${line}\n`));
  let exited: string | undefined;
  const stop = supervise(
    child,
    [
      ['SIGTERM', 15_000],
      ['SIGKILL', 5_000],
    ],
    (exit) => {
      exited = exit;
    },
  );
  cleanup.add(`stop ${name}`, stop);

  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.on(
      'message',
      (message: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
        if (message.ready) {
          clearTimeout(timer);
          resolve();
          return;
        }
        const waiting = pending.get(message.id ?? -1);
        if (!waiting) return;
        pending.delete(message.id!);
        if (message.error) waiting.reject(new Error(`${name}: ${message.error}`));
        else waiting.resolve(message.result);
      },
    );
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${exited ?? 'at start'}):\n${output.lines().join('\n')}`));
    });
  });
  await ready;

  const ask = <T>(request: ProbeRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, request } satisfies ProbeMessage);
    });
  return {
    name,
    pid: child.pid!,
    port,
    origin,
    statements: () => ask<number>({ kind: 'statements' }),
    capture: (on) => ask<CapturedStatement[]>({ kind: 'capture', on }),
    profile: ((on: boolean) => ask({ kind: 'profile', on })) as BenchServer['profile'],
    stalls: (on) => ask<StallSummary | null>({ kind: 'stalls', on }),
    stop,
  };
}
