/**
 * The load of the API benchmark: autocannon on loopback against one server, a warm-up whose
 * figures are dropped, then the measured run. Scenarios build autocannon's request list;
 * progress updates carry the current ETag of their action, learnt from the responses.
 */
import autocannon from 'autocannon';
import { type CpuSample, cpuPerRequest, cpuSpent } from './cpu-usage';
import { percentile, sleep } from './harness';

/** Requests in flight when a run ends still finish at the server; let them. */
const SETTLE_MS = 1000;

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  token: string;
  /**
   * Run before each route's warm-up (the API bench: a CHECKPOINT, so that no route's run pays
   * for flushing what the seeding or the route before wrote).
   */
  before?: () => Promise<unknown>;
}

export interface Scenario {
  name: string;
  /** A fresh request list per run: autocannon keeps state on the objects. */
  requests: () => autocannon.Request[];
  /** Resets what the scenario learnt (ETags) before a server's run. */
  reset?: () => Promise<void>;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Responses by status, e.g. { 200: 12000 }. */
  statuses: Record<string, number>;
  /** Non-2xx responses other than 412. */
  failures: number;
  /** 412 Precondition Failed: a stale If-Match (a conflict, not an error of the server). */
  conflicts: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** CPU ms per request of the server, the load generator and PostgreSQL. */
  cpuPerRequest?: CpuSample;
  /** Average number of active PostgreSQL backends by what they waited on (`running`: none). */
  backends?: Record<string, number>;
}

/** What to watch during the measured run (not the warm-up). */
export interface Observers {
  cpu?: () => CpuSample;
  /** Starts sampling the database's backends; the returned function stops and averages. */
  backends?: () => () => Promise<Record<string, number>>;
}

function run(
  origin: string,
  scenario: Scenario,
  settings: LoadSettings,
  seconds: number,
): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: settings.connections,
        duration: seconds,
        headers: { authorization: `Bearer ${settings.token}`, accept: 'application/json' },
        requests: scenario.requests(),
      },
      (error, result) => (error ? reject(error as Error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/** A warm-up (not counted), then `durationSeconds` measured. */
export async function measure(
  origin: string,
  scenario: Scenario,
  settings: LoadSettings,
  observers: Observers = {},
): Promise<LoadResult> {
  await settings.before?.();
  if (settings.warmupSeconds > 0) {
    await scenario.reset?.();
    await run(origin, scenario, settings, settings.warmupSeconds);
    await sleep(SETTLE_MS);
  }
  // Again after the warm-up: its last requests changed versions no response told us of.
  await scenario.reset?.();
  const before = observers.cpu?.();
  const stopSampling = observers.backends?.();
  const { result, latencies } = await run(origin, scenario, settings, settings.durationSeconds);
  const spent = before && observers.cpu ? cpuSpent(before, observers.cpu()) : undefined;
  const backends = await stopSampling?.();
  await sleep(SETTLE_MS);
  latencies.sort((a, b) => a - b);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  );
  const conflicts = statuses['412'] ?? 0;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    failures: result.non2xx - conflicts,
    conflicts,
    errors: result.errors + result.timeouts,
    ...(spent && { cpuPerRequest: cpuPerRequest(spent, result.requests.total) }),
    ...(backends && { backends }),
  };
}

/** Each connection walks the same pages in order, then starts again at the first. */
export function pagesScenario(name: string, paths: readonly string[]): Scenario {
  return { name, requests: () => paths.map((path) => ({ method: 'GET', path })) };
}

/** One action after the other, over all connections. */
export function getScenario(name: string, ids: readonly string[]): Scenario {
  let next = 0;
  return {
    name,
    requests: () => [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/v1/actions/${ids[next++ % ids.length]}`,
        }),
      },
    ],
  };
}

/**
 * Progress updates round-robin over `ids` (so that one action is never updated twice at
 * the same time: conflicts stay rare), each with `If-Match` set to the version the last
 * response for that action answered. `versions` reads the stored versions before a run.
 */
export function progressScenario(
  name: string,
  ids: readonly string[],
  versions: () => Promise<Map<string, number>>,
): Scenario {
  let known = new Map<string, number>();
  let next = 0;
  return {
    name,
    requests: () => [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const n = next++;
          const id = ids[n % ids.length];
          (context as { id?: string }).id = id;
          return {
            ...request,
            path: `/v1/actions/${id}/progress-updates`,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              'if-match': `"${known.get(id)}"`,
            },
            body: JSON.stringify({
              health: 'on_track',
              percentComplete: 5 + (n % 90),
              narrative: `Voortgang besproken in het ambtelijk overleg (${n}); de planning blijft staan.`,
            }),
          };
        },
        onResponse: (status, _body, context, headers) => {
          const id = (context as { id?: string }).id;
          const etag = headers?.etag ?? headers?.ETag;
          if (id && status === 201 && typeof etag === 'string') {
            known.set(id, Number(etag.replace(/"/g, '')));
          }
        },
      },
    ],
    reset: async () => {
      known = await versions();
    },
  };
}
