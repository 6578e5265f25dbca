/**
 * `npm run bench:reports`, step 6: the XLSX and PDF exports through the queue, rendered by the
 * real worker as a child process (its memory its own): POST → done, the file checked, the
 * worker's memory sampled meanwhile. Answers the report's rows for them.
 */
import { type Cleanup, ms, rate, say, sleep } from './harness';
import type { ReportsApi } from './reports-api';
import { memoryOf, mib, sampleRss } from './process-memory';
import { TARGET } from './reports-report';
import { startWorker } from './worker-child';

export interface ExportFigures {
  exportRows: Array<[string, string]>;
  idleWorker: ReturnType<typeof memoryOf>;
  workerAfter: ReturnType<typeof memoryOf>;
}

export async function runExports(options: {
  environment: Record<string, string>;
  cleanup: Cleanup;
  api: ReportsApi;
  programmeId: string;
  formats: readonly ('xlsx' | 'pdf')[];
  timeoutMs: number;
  target: (ok: boolean) => string;
  failures: string[];
  signal: AbortSignal;
}): Promise<ExportFigures> {
  const { environment, cleanup, api, programmeId, target, failures, signal } = options;
  const headers = api.headers;
  say('6. XLSX and PDF exports through the worker (child process)...');
  const worker = await startWorker(
    { ...environment, REMINDER_RECONCILE_INTERVAL_SECONDS: '3600' },
    environment.WORKER_HEALTH_FILE,
  );
  cleanup.add('stop the worker', async () => {
    worker.kill('SIGTERM');
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) {
      worker.kill('SIGKILL');
    }
  });
  await sleep(2000);
  const idleWorker = memoryOf(worker.pid!);
  const exportRows: Array<[string, string]> = [];
  for (const format of options.formats) {
    signal.throwIfAborted();
    const stop = sampleRss(worker.pid!, 50);
    const started = performance.now();
    const created = await fetch(`${api.server.origin}/v1/report-exports`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ programmeId, format }),
    });
    const location = created.headers.get('location');
    const createdBody = await created.text();
    if (created.status !== 202 || !location) {
      throw new Error(`export ${format}: ${created.status} ${createdBody.slice(0, 500)}`);
    }
    let status = 'queued';
    let body: {
      status: string;
      progress: number;
      sizeBytes?: number;
      _links?: { file?: { href: string } };
    } = JSON.parse(createdBody) as typeof body;
    const progressSeen = new Set<number>();
    let firstRunningMs: number | undefined;
    while (status !== 'done' && status !== 'failed') {
      signal.throwIfAborted();
      if (performance.now() - started > options.timeoutMs) break;
      await sleep(200);
      const res = await fetch(location, { headers: headers() });
      body = (await res.json()) as typeof body;
      status = body.status;
      if (status === 'running' && firstRunningMs === undefined)
        firstRunningMs = performance.now() - started;
      progressSeen.add(body.progress);
    }
    const exportMs = performance.now() - started;
    const memory = stop();
    if (status !== 'done') {
      failures.push(`${format} export: ${status} after ${ms(exportMs / 1000)} s`);
      exportRows.push([
        `${format.toUpperCase()} export`,
        `FAILED: ${status} after ${ms(exportMs / 1000)} s`,
      ]);
      continue;
    }
    const downloadStarted = performance.now();
    const file = await fetch(body._links?.file?.href ?? `${location}/file`, { headers: headers() });
    const data = Buffer.from(await file.arrayBuffer());
    const downloadMs = performance.now() - downloadStarted;
    const magic = format === 'xlsx' ? 'PK' : '%PDF';
    const fileOk =
      file.status === 200 &&
      data.length === Number(body.sizeBytes) &&
      data.subarray(0, magic.length).toString('latin1') === magic;
    if (!fileOk) {
      failures.push(
        `${format} file: status ${file.status}, ${data.length} bytes of ${body.sizeBytes}`,
      );
    }
    say(
      `   ${format}: done in ${ms(exportMs / 1000)} s (running after ${ms((firstRunningMs ?? 0) / 1000)} s), ` +
        `${mib(data.length)}, progress seen ${[...progressSeen].sort((a, b) => a - b).join(',')}; ` +
        `worker RSS ${memory.before.toFixed(0)} → max ${memory.max.toFixed(0)} MiB`,
    );
    exportRows.push(
      [
        `${format.toUpperCase()} export: POST → done (target ≤ 60 s)`,
        `${ms(exportMs / 1000)} s (running after ${ms((firstRunningMs ?? 0) / 1000)} s): ${target(exportMs <= TARGET.exportMs)}`,
      ],
      [
        `${format.toUpperCase()} file`,
        `${mib(data.length)} (${rate(data.length)} bytes, download ${ms(downloadMs)} ms): ${fileOk ? 'OK' : 'FAILED'}`,
      ],
      [
        `${format.toUpperCase()} worker RSS: before / peak sampled`,
        `${memory.before.toFixed(0)} / ${memory.max.toFixed(0)} MiB (+${(memory.max - memory.before).toFixed(0)} MiB)`,
      ],
    );
  }
  return { exportRows, idleWorker, workerAfter: memoryOf(worker.pid!) };
}
