/**
 * The processes of the scale-out benchmark: two workers (the built worker, each with its own
 * heartbeat file and metrics port) and two APIs (bench/serve-api.ts, one per core), on the
 * same database and Redis prefix, with one audit checkpoint file between them as on a shared
 * volume.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../scripts/services';
import { type BenchServer, startServer } from './api-servers';
import { type Cleanup, positiveInt, sleep } from './harness';
import { startWorker } from './worker-child';

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  metricsPort: number;
}

export interface ApiProcess {
  server: BenchServer;
  metricsPort: number;
}

export interface Topology {
  workers: WorkerProcess[];
  apis: ApiProcess[];
  checkpointFile: string;
}

const removeLater = (cleanup: Cleanup, name: string, target: string, recursive = false) =>
  cleanup.add(name, () => {
    rmSync(target, { recursive, force: true });
    return Promise.resolve();
  });

export async function startTopology(
  environment: Record<string, string>,
  cleanup: Cleanup,
): Promise<Topology> {
  const folder = path.join(
    os.tmpdir(),
    `sbt-scale-out-${process.pid}-${randomBytes(3).toString('hex')}`,
  );
  removeLater(cleanup, 'remove the checkpoint folder', folder, true);
  const checkpointFile = path.join(folder, 'checkpoint.json');
  const shared: Record<string, string> = {
    ...environment,
    // Both workers write it (one at a time), the APIs verify against it.
    AUDIT_CHECKPOINT_FILE: checkpointFile,
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '5',
  };
  const workers = await Promise.all(
    ['worker-1', 'worker-2'].map(async (name): Promise<WorkerProcess> => {
      const metricsPort = await findFreePort();
      const healthFile = path.join(folder, `${name}.health`);
      const child = await startWorker(
        {
          ...shared,
          WORKER_HEALTH_FILE: healthFile,
          METRICS_PORT: String(metricsPort),
          WORKER_CONCURRENCY: String(positiveInt('BENCH_WORKER_CONCURRENCY', 5)),
          MAIL_CONCURRENCY: String(positiveInt('BENCH_MAIL_CONCURRENCY', 10)),
          DATABASE_POOL_SIZE: String(positiveInt('BENCH_WORKER_POOL_SIZE', 16)),
        },
        healthFile,
      );
      cleanup.add(`stop ${name}`, async () => {
        child.kill('SIGTERM');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (!(await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)])))
          child.kill('SIGKILL');
      });
      return { name, child, metricsPort };
    }),
  );
  const apis: ApiProcess[] = [];
  for (const [index, name] of ['api-a', 'api-b'].entries()) {
    const metricsPort = await findFreePort();
    const server = await startServer(
      name,
      'serve-api',
      index % os.cpus().length,
      {
        ...shared,
        DATABASE_POOL_SIZE: String(positiveInt('BENCH_API_POOL_SIZE', 10)),
        METRICS_PORT: String(metricsPort),
      },
      cleanup,
    );
    apis.push({ server, metricsPort });
  }
  return { workers, apis, checkpointFile };
}

/** The processes that have exited (none, when all four ran throughout). */
export function exited({ workers, apis }: Topology): string[] {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return [
    ...workers.filter((worker) => worker.child.exitCode !== null).map((worker) => worker.name),
    ...apis.filter((api) => !alive(api.server.pid)).map((api) => api.server.name),
  ];
}
