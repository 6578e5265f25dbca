/**
 * The progress updates of the scale-out benchmark: `clients` concurrent clients, alternately
 * on each API, post `count` progress updates to a few shared actions with `If-Match`, as a
 * client would: a 412 makes it read the action again and retry; a 503 (nothing was written)
 * makes it wait and retry. Every accepted update is remembered, to be held against the
 * database afterwards.
 */
import { percentile, sleep } from './harness';

export interface UpdateTarget {
  name: string;
  origin: string;
}

export interface AcceptedUpdate {
  actionId: string;
  narrative: string;
  api: string;
}

export interface UpdateRun {
  accepted: AcceptedUpdate[];
  /** 412 answers: a stale ETag, the other client won; the client read again and retried. */
  conflicts: number;
  /** 503 answers (a deadlock or lock timeout the API gave up on): retried. */
  unavailable: number;
  /** Anything else: a failure of the run. */
  failures: string[];
  elapsedMs: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const MAX_ATTEMPTS = 60;

export async function runUpdates(options: {
  apis: readonly UpdateTarget[];
  actionIds: readonly string[];
  count: number;
  clients: number;
  tag: string;
  token: () => string;
  signal: AbortSignal;
}): Promise<UpdateRun> {
  const { apis, actionIds, count, clients, tag, token, signal } = options;
  const run: UpdateRun = {
    accepted: [],
    conflicts: 0,
    unavailable: 0,
    failures: [],
    elapsedMs: 0,
    perSecond: 0,
    p50: 0,
    p99: 0,
  };
  const latencies: number[] = [];
  let next = 0;

  const client = async (index: number): Promise<void> => {
    const api = apis[index % apis.length];
    const etags = new Map<string, string>();
    const read = async (id: string): Promise<string> => {
      const res = await fetch(`${api.origin}/v1/actions/${id}`, {
        headers: { authorization: `Bearer ${token()}`, accept: 'application/json' },
      });
      await res.arrayBuffer();
      const etag = res.headers.get('etag');
      if (res.status !== 200 || !etag) throw new Error(`GET action ${id}: ${res.status}`);
      etags.set(id, etag);
      return etag;
    };
    for (let n = next++; n < count && run.failures.length === 0; n = next++) {
      signal.throwIfAborted();
      // Consecutive updates go to different actions; every action is written by all clients.
      const id = actionIds[(n * 7) % actionIds.length];
      const narrative = `Schaaltest ${tag}: update ${n} via ${api.name}.`;
      let etag = etags.get(id) ?? (await read(id));
      const begun = performance.now();
      for (let attempt = 1; ; attempt += 1) {
        if (attempt > MAX_ATTEMPTS) {
          run.failures.push(`update ${n}: no success after ${MAX_ATTEMPTS} attempts`);
          break;
        }
        const res = await fetch(`${api.origin}/v1/actions/${id}/progress-updates`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token()}`,
            'content-type': 'application/json',
            accept: 'application/json',
            'if-match': etag,
            // Each attempt is a request of its own: a 412 or 503 wrote nothing.
            'idempotency-key': `${tag}-${n}-${attempt}`,
          },
          body: JSON.stringify({
            health: 'on_track',
            percentComplete: 1 + (n % 99),
            narrative,
          }),
        });
        const body = await res.text();
        if (res.status === 201) {
          latencies.push(performance.now() - begun);
          run.accepted.push({ actionId: id, narrative, api: api.name });
          const fresh = res.headers.get('etag');
          if (fresh) etags.set(id, fresh);
          break;
        }
        if (res.status === 412) {
          run.conflicts += 1;
          etag = await read(id);
          continue;
        }
        if (res.status === 503) {
          run.unavailable += 1;
          await sleep(Number(res.headers.get('retry-after') ?? 0) * 1000 || 50);
          continue;
        }
        run.failures.push(`update ${n} via ${api.name}: ${res.status} ${body.slice(0, 300)}`);
        break;
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  run.elapsedMs = performance.now() - started;
  run.perSecond = (run.accepted.length / run.elapsedMs) * 1000;
  latencies.sort((a, b) => a - b);
  run.p50 = percentile(latencies, 50);
  run.p99 = percentile(latencies, 99);
  return run;
}
