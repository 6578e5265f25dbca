/**
 * The built worker (`dist/apps/worker/src/main.js`) as a child process, started as in
 * production (its heap cap), for the benchmarks that need the real one: bench:reminders,
 * bench:reports' exports and bench:scale-out. BENCH_WORKER_PROFILE (a directory): a CPU
 * profile of it, written when it stops.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags';
import { sleep } from './harness';

const root = path.resolve(__dirname, '../..');

/** Starts the worker and waits until its health file says its queues are being worked. */
export async function startWorker(
  environment: Record<string, string>,
  healthFile: string,
): Promise<ChildProcess> {
  const script = path.join(root, 'dist/apps/worker/src/main.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: npm run build`);
  const child = spawn(
    process.execPath,
    [
      // As in production, with its heap cap.
      ...WORKER_NODE_FLAGS,
      ...(process.env.BENCH_WORKER_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_WORKER_PROFILE]
        : []),
      script,
    ],
    {
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 60_000;
  while (!(existsSync(healthFile) && statSync(healthFile).mtimeMs > Date.now() - 20_000)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error('the worker did not start');
    await sleep(100);
  }
  return child;
}
