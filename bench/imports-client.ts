/**
 * `bench:imports` as a client of the API: the filled workbook, the upload, the apply, and the
 * polls until the worker is done, each timed from the client's side.
 */
import { ms, sleep } from './harness';

export const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import as the API shows it (the fields the benchmark reads). */
export interface ImportBody {
  id: string;
  status: string;
  progress: number;
  counts: Record<string, number>;
  results: Record<string, number>;
  problem: { code: string; reason: string } | null;
  createdAt: string;
  plannedAt: string | null;
  applyRequestedAt: string | null;
  appliedAt: string | null;
}

export interface Waited {
  body: ImportBody;
  /** From the request that started it to the first poll that saw it done. */
  ms: number;
  polls: number;
  progressSeen: number[];
  /** The first poll that saw progress above 0 (ms since the start, and the progress then). */
  firstProgress?: { ms: number; progress: number };
}

export class ImportsClient {
  constructor(
    private readonly origin: string,
    private readonly programmeId: string,
    private readonly token: () => string,
    private readonly signal: AbortSignal,
    private readonly pollMs: number,
  ) {}

  private get base(): string {
    return `${this.origin}/v1/programmes/${this.programmeId}`;
  }

  private headers(accept = 'application/json'): Record<string, string> {
    return { authorization: `Bearer ${this.token()}`, accept };
  }

  /** The filled workbook, read whole; the first byte's time too. */
  async template(): Promise<{ file: Buffer; ms: number; firstByteMs: number }> {
    const started = performance.now();
    const res = await fetch(`${this.base}/import-template.xlsx?filled=true`, {
      headers: this.headers(WORKBOOK_TYPE),
      signal: this.signal,
    });
    const firstByteMs = performance.now() - started;
    if (res.status !== 200) throw new Error(`template: ${res.status} ${await res.text()}`);
    const file = Buffer.from(await res.arrayBuffer());
    return { file, ms: performance.now() - started, firstByteMs };
  }

  /** Uploads a file: the 202's import, and when the request began (the dry run's start). */
  async upload(file: Buffer, filename: string): Promise<{ body: ImportBody; started: number }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: WORKBOOK_TYPE }), filename);
    const started = performance.now();
    const res = await fetch(`${this.base}/imports`, {
      method: 'POST',
      headers: this.headers(),
      body: form,
      signal: this.signal,
    });
    const text = await res.text();
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${text.slice(0, 500)}`);
    return { body: JSON.parse(text) as ImportBody, started };
  }

  async apply(importId: string): Promise<number> {
    const started = performance.now();
    const res = await fetch(`${this.base}/imports/${importId}/apply`, {
      method: 'POST',
      headers: this.headers(),
      signal: this.signal,
    });
    const text = await res.text();
    if (res.status !== 202) throw new Error(`apply: ${res.status} ${text.slice(0, 500)}`);
    return started;
  }

  async read(importId: string): Promise<ImportBody> {
    const res = await fetch(`${this.base}/imports/${importId}`, {
      headers: this.headers(),
      signal: this.signal,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`import: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as ImportBody;
  }

  /** Polls until the import reaches `status` (or `failed`, which throws). */
  async waitFor(
    importId: string,
    status: 'planned' | 'applied',
    started: number,
    timeoutMs: number,
  ): Promise<Waited> {
    const progress = new Set<number>();
    let firstProgress: Waited['firstProgress'];
    let polls = 0;
    for (;;) {
      this.signal.throwIfAborted();
      const body = await this.read(importId);
      polls += 1;
      progress.add(body.progress);
      if (body.progress > 0 && body.progress < 100 && !firstProgress) {
        firstProgress = { ms: performance.now() - started, progress: body.progress };
      }
      if (body.status === status) {
        return {
          body,
          ms: performance.now() - started,
          polls,
          progressSeen: [...progress].sort((a, b) => a - b),
          firstProgress,
        };
      }
      if (body.status === 'failed') {
        throw new Error(`import ${importId} failed: ${JSON.stringify(body.problem)}`);
      }
      if (performance.now() - started > timeoutMs) {
        throw new Error(
          `import ${importId} still ${body.status} (progress ${body.progress}) after ${ms(timeoutMs / 1000)} s`,
        );
      }
      await sleep(this.pollMs);
    }
  }
}

/** The worker's own time between two of the import's instants, in ms. */
export const between = (from: string | null, to: string | null): number =>
  from && to ? new Date(to).getTime() - new Date(from).getTime() : Number.NaN;

/**
 * The apply's own pace, from its first progress seen to the end: the time a job waited in
 * the queue (the apply is enqueued through the outbox) is not in it. NaN without progress.
 */
export function msPerRowWhileRunning(waited: Waited, rows: number): number {
  const first = waited.firstProgress;
  if (!first) return Number.NaN;
  return (waited.ms - first.ms) / ((rows * (100 - first.progress)) / 100);
}
