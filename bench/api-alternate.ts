/**
 * The product and the bare comparator measured in turns (bench/api.ts, issue 23's targets).
 * On this machine one build's throughput moves by a third within minutes (2026-12-07: bare's
 * one action 5,583 and 7,463 req/s in two runs an hour apart, the product's 3,496 and 3,848),
 * so a ratio of two runs made minutes apart says as much about those minutes as about the
 * servers, and so does a p99 at a rate taken from another minute. Here both servers are up at
 * once, on the same core, and each route is loaded on one and then the other, round after
 * round (the order swapped every round): saturated first, then open loop at half of bare's
 * mean saturated throughput of those same rounds.
 */
import { type LoadResult, type LoadSettings, measure, type Scenario } from './api-load';
import { measureOpenLoop, type OpenLoopResult, type OpenLoopSettings } from './api-open-loop';
import { type RouteKey, ROUTES } from './api-probes';
import type { BenchServer } from './api-servers';
import { mean } from './concurrency';
import { sampleCpu } from './cpu-usage';

export type Side = 'product' | 'bare';

/** One route's rounds: every saturated run and every open-loop run of both servers. */
export interface Alternation {
  saturated: Record<Side, LoadResult[]>;
  /** Half of bare's mean saturated req/s over the rounds: the open loop's rate. */
  rate: number;
  open: Record<Side, OpenLoopResult[]>;
}

/** The product's mean saturated req/s over bare's, in the same rounds. */
export const alternatedRatio = (alternation: Alternation): number =>
  mean(alternation.saturated.product.map((run) => run.perSecond)) /
  mean(alternation.saturated.bare.map((run) => run.perSecond));

/** Hears each run as it ends; `label` names the route and the round. */
export interface AlternationListener {
  saturated(side: Side, label: string, result: LoadResult): void;
  open(side: Side, label: string, result: OpenLoopResult): void;
}

/** Both servers in turns on every route. */
export async function alternate(
  servers: Record<Side, BenchServer>,
  routes: Record<RouteKey, Scenario>,
  load: LoadSettings,
  openLoop: Omit<OpenLoopSettings, 'rate'>,
  rounds: number,
  listener: AlternationListener,
): Promise<Record<RouteKey, Alternation>> {
  const results = {} as Record<RouteKey, Alternation>;
  for (const route of ROUTES) {
    const saturated: Record<Side, LoadResult[]> = { product: [], bare: [] };
    await inTurns(rounds, async (side, label) => {
      const server = servers[side];
      const result = await measure(server.origin, routes[route], load, {
        cpu: () => sampleCpu(server.pid),
      });
      saturated[side].push(result);
      listener.saturated(side, `${route} ${label}`, result);
    });
    const rate = Math.round(mean(saturated.bare.map((run) => run.perSecond)) / 2);
    const open: Record<Side, OpenLoopResult[]> = { product: [], bare: [] };
    await inTurns(rounds, async (side, label) => {
      const result = await measureOpenLoop(servers[side], routes[route], { ...openLoop, rate });
      open[side].push(result);
      listener.open(side, `${route} ${label}`, result);
    });
    results[route] = { saturated, rate, open };
  }
  return results;
}

/** `run` for each round and side: the product first in even rounds, bare first in odd ones. */
async function inTurns(
  rounds: number,
  run: (side: Side, label: string) => Promise<void>,
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    const sides: Side[] = round % 2 === 0 ? ['product', 'bare'] : ['bare', 'product'];
    for (const side of sides) await run(side, `(${round + 1})`);
  }
}
