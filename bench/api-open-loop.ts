/**
 * Latency at a fixed offered load (issue 23): requests sent on a fixed schedule, `rate` a
 * second, whether or not earlier ones have been answered (open loop), and each latency
 * counted from the moment its request was due, so that a server falling behind shows as the
 * queue it builds (no coordinated omission).
 *
 * Not autocannon: its `overallRate` gives each connection a budget of requests per second,
 * which it spends back to back at the start of every second and then waits for its
 * responses (closed loop, bursty); a slow answer delays the requests behind it and their
 * latency is counted from when they were finally sent. Here a keep-alive node:http Agent with
 * enough sockets carries the requests; one it cannot send at once waits in its queue, and
 * that wait is part of the latency. The scenarios are the autocannon ones (their `setupRequest`
 * and `onResponse` drive the ETags of the progress updates here too).
 */
import { Agent, request as httpRequest } from 'node:http';
import type { Scenario } from './api-load';
import { percentile, sleep } from './harness';

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
}

type Headers = Record<string, string | string[] | undefined>;

async function run(
  origin: string,
  scenario: Scenario,
  settings: OpenLoopSettings,
  seconds: number,
): Promise<{ latencies: number[]; statuses: Record<string, number>; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: settings.connections });
  const base = { authorization: `Bearer ${settings.token}`, accept: 'application/json' };
  const list = scenario.requests();
  const total = Math.round(settings.rate * seconds);
  const interval = 1000 / settings.rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const pending: Promise<void>[] = [];
  const send = (n: number, due: number) => {
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
    pending.push(
      new Promise<void>((resolve) => {
        const outgoing = httpRequest(
          `${origin}${request.path ?? '/'}`,
          { method: request.method ?? 'GET', headers: request.headers, agent },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const status = response.statusCode ?? 0;
              latencies.push(performance.now() - due);
              statuses[status] = (statuses[status] ?? 0) + 1;
              const body = Buffer.concat(chunks).toString('utf8');
              onResponse?.(status, body, context, response.headers);
              resolve();
            });
            response.on('error', () => {
              errors += 1;
              resolve();
            });
          },
        );
        outgoing.on('error', () => {
          errors += 1;
          resolve();
        });
        outgoing.end(request.body);
      }),
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
  await Promise.all(pending);
  agent.destroy();
  return { latencies, statuses, errors };
}

/** A warm-up at the same rate (not counted), then `durationSeconds` measured. */
export async function measureOpenLoop(
  origin: string,
  scenario: Scenario,
  settings: OpenLoopSettings,
): Promise<OpenLoopResult> {
  await settings.before?.();
  if (settings.warmupSeconds > 0) {
    await scenario.reset?.();
    await run(origin, scenario, settings, settings.warmupSeconds);
  }
  await scenario.reset?.();
  const started = performance.now();
  const { latencies, statuses, errors } = await run(
    origin,
    scenario,
    settings,
    settings.durationSeconds,
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate: settings.rate,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    statuses,
    errors,
  };
}

/** Each route in turn at its rate; `line` reports each result as it comes. */
export async function openLoopRoutes<K extends string>(
  origin: string,
  routes: Readonly<Record<K, Scenario>>,
  rates: Readonly<Record<K, number>>,
  settings: Omit<OpenLoopSettings, 'rate'>,
  line: (route: K, result: OpenLoopResult) => void,
): Promise<Record<K, OpenLoopResult>> {
  const results = {} as Record<K, OpenLoopResult>;
  for (const route of Object.keys(routes) as K[]) {
    results[route] = await measureOpenLoop(origin, routes[route], {
      ...settings,
      rate: rates[route],
    });
    line(route, results[route]);
  }
  return results;
}
