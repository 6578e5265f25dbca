/**
 * Latency at a fixed offered load (issue 23): requests sent on a fixed schedule, `rate` a
 * second, whether or not earlier ones have been answered (open loop), and each latency
 * counted from the moment its request was due, so that a server falling behind shows as the
 * queue it builds (no coordinated omission).
 *
 * Not autocannon: its `overallRate` gives each connection a budget of requests per second,
 * which it spends back to back at the start of every second and then waits for its
 * responses (closed loop, bursty); a slow answer delays the requests behind it and their
 * latency is counted from when they were finally sent. Here a pool of keep-alive sockets
 * (raw-http.ts, lean enough not to fall behind on its shared core) carries the requests; one
 * it cannot send at once waits in its queue, and that wait is part of the latency. The
 * scenarios are the autocannon ones (their `setupRequest` and `onResponse` drive the ETags of
 * the progress updates here too).
 */
import type { Scenario } from './api-load';
import { percentile, sleep } from './harness';
import { type BenchServer, prioritySelf } from './api-servers';
import { RawHttpPool } from './raw-http';
import type { StallSummary } from './server-probe';

/** The server measured: where to send, and its probe for stalls over the measured run. */
export type OpenLoopTarget = Pick<BenchServer, 'origin' | 'stalls'>;

export interface OpenLoopSettings {
  /** Requests a second, offered on a fixed schedule. */
  rate: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Connections of the pool (enough that the rate is offered: rate × latency). */
  connections: number;
  token: string;
  /** As LoadSettings.before. */
  before?: () => Promise<unknown>;
}

export interface OpenLoopResult {
  rate: number;
  /** Requests answered a second over the measured run. */
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  /** Connection errors. */
  errors: number;
  /**
   * How late this process sent its requests (from the moment each was due until it was
   * handed to the socket pool), p99 and max: the generator's own delay, part of the latencies.
   */
  sendLagP99: number;
  sendLagMax: number;
  /** This process's CPU over the measured run, in cores (the generator's share of its core). */
  generatorCores: number;
  /** Whether the generator ran at raised priority (prioritySelf). */
  raised: boolean;
  /** The server's event-loop delay and GC pauses over the measured run. */
  stalls: StallSummary | null;
}

type Headers = Record<string, string | string[] | undefined>;

async function run(
  origin: string,
  scenario: Scenario,
  settings: OpenLoopSettings,
  seconds: number,
): Promise<{
  latencies: number[];
  lags: number[];
  statuses: Record<string, number>;
  errors: number;
}> {
  const pool = new RawHttpPool(origin, settings.connections);
  const base = { authorization: `Bearer ${settings.token}`, accept: 'application/json' };
  const list = scenario.requests();
  const total = Math.round(settings.rate * seconds);
  const interval = 1000 / settings.rate;
  // Typed arrays and a count of requests in flight, not a promise kept per request: a heap
  // that grows with every request makes V8's scavenges copy it, and a 30 ms pause of the
  // generator is 30 ms added to every latency due in it.
  const latencies = new Float64Array(total);
  const lags = new Float64Array(total);
  let answered = 0;
  const statuses: Record<string, number> = {};
  let errors = 0;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const settled = () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };
  const send = (n: number, due: number) => {
    lags[n] = performance.now() - due;
    const template = list[n % list.length];
    const context = {};
    const request = template.setupRequest
      ? (template.setupRequest as (r: typeof template, c: object) => typeof template)(
          { ...template, headers: { ...base, ...template.headers } },
          context,
        )
      : { ...template, headers: { ...base, ...template.headers } };
    const onResponse = template.onResponse as
      ((status: number, body: string, context: object, headers: Headers) => void) | undefined;
    inFlight += 1;
    pool
      .request(
        request.method ?? 'GET',
        request.path ?? '/',
        request.headers as Record<string, string>,
        request.body as string | undefined,
      )
      .then(
        (response) => {
          latencies[answered++] = performance.now() - due;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          onResponse?.(response.status, response.body.toString('utf8'), context, response.headers);
          settled();
        },
        () => {
          errors += 1;
          settled();
        },
      );
  };
  const start = performance.now() + 5;
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Every request whose moment has come, then back to the event loop for the answers.
    while (sent < total && start + sent * interval <= now) {
      send(sent, start + sent * interval);
      sent += 1;
    }
    await sleep(Math.max(0, Math.min(1, start + sent * interval - performance.now())));
  }
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  pool.destroy();
  return {
    latencies: Array.from(latencies.subarray(0, answered)),
    lags: Array.from(lags),
    statuses,
    errors,
  };
}

/** A warm-up at the same rate (not counted), then `durationSeconds` measured. */
export async function measureOpenLoop(
  server: OpenLoopTarget,
  scenario: Scenario,
  settings: OpenLoopSettings,
): Promise<OpenLoopResult> {
  await settings.before?.();
  const raised = prioritySelf(true);
  try {
    return { ...(await measureAt(server, scenario, settings)), raised };
  } finally {
    if (raised) prioritySelf(false);
  }
}

async function measureAt(
  server: OpenLoopTarget,
  scenario: Scenario,
  settings: OpenLoopSettings,
): Promise<Omit<OpenLoopResult, 'raised'>> {
  if (settings.warmupSeconds > 0) {
    await scenario.reset?.();
    await run(server.origin, scenario, settings, settings.warmupSeconds);
  }
  await scenario.reset?.();
  await server.stalls(true);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { latencies, lags, statuses, errors } = await run(
    server.origin,
    scenario,
    settings,
    settings.durationSeconds,
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const stalls = await server.stalls(false);
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    rate: settings.rate,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    statuses,
    errors,
    sendLagP99: percentile(lags, 99),
    sendLagMax: lags[lags.length - 1] ?? Number.NaN,
    generatorCores: (cpu.user + cpu.system) / 1e6 / elapsed,
    stalls,
  };
}
