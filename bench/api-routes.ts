/**
 * The API benchmark's routes (bench/api.ts): the three scenarios, a warm-up pass after a server
 * starts, and the saturated runs with their CPU and backend samples.
 */
import type { Client } from 'pg';
import {
  type LoadResult,
  type LoadSettings,
  measure,
  pagesScenario,
  getScenario,
  progressScenario,
  type Scenario,
} from './api-load';
import { type Fixture, type RouteKey, ROUTES, sampleBackends } from './api-probes';
import { loadLine } from './api-report';
import type { BenchServer } from './api-servers';
import { sampleCpu } from './cpu-usage';
import { say } from './harness';

export function scenarios(
  fixture: Fixture,
  pages: string[],
  db: Client,
): Record<RouteKey, Scenario> {
  return {
    list: pagesScenario('list', pages),
    get: getScenario('get', fixture.getIds),
    update: progressScenario('update', fixture.updateIds, async () => {
      const { rows } = await db.query<{ id: string; version: number }>(
        'SELECT id, version FROM actions WHERE id = ANY($1::uuid[])',
        [fixture.updateIds],
      );
      return new Map(rows.map((row) => [row.id, row.version]));
    }),
  };
}

/**
 * Load on each route for `seconds`, not measured, right after a server starts. The product
 * takes about half a minute of load to reach its speed (2026-12-07, one action at 20,000
 * actions: 2,128 → 2,243 → 2,302 → 2,572 req/s in four runs of 8 s on one process, server
 * CPU 0.40 → 0.29 ms a request; V8 optimising a large code base, and each of PostgreSQL's 32
 * backends its own caches), against a second or two for the comparator. Measured from a cold
 * start, the product's first routes paid for that.
 */
export async function warmUp(
  server: BenchServer,
  routes: Partial<Record<RouteKey, Scenario>>,
  settings: LoadSettings,
  seconds: number,
): Promise<void> {
  if (seconds <= 0) return;
  const keys = ROUTES.filter((route) => routes[route]);
  say(`   warming ${server.name} up: ${seconds} s on ${keys.join(', ')} (not measured)...`);
  for (const route of keys) {
    await measure(server.origin, routes[route] as Scenario, {
      ...settings,
      warmupSeconds: 0,
      durationSeconds: seconds,
    });
  }
}

export async function runRoutes(
  server: BenchServer,
  routes: Record<RouteKey, Scenario>,
  settings: LoadSettings,
  db: Client,
): Promise<Record<RouteKey, LoadResult>> {
  const results = {} as Record<RouteKey, LoadResult>;
  for (const route of ROUTES) {
    results[route] = await measure(server.origin, routes[route], settings, {
      cpu: () => sampleCpu(server.pid),
      backends: () => sampleBackends(db),
    });
    say(loadLine(server.name, route, results[route]));
  }
  return results;
}
