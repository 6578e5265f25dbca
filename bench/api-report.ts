/** The API benchmark's report: figures, ratios and targets, statements, plans, profiles. */
import type { PlanFinding } from './api-explain';
import { type Alternation, alternatedRatio, type Side } from './api-alternate';
import type { LoadResult } from './api-load';
import type { OpenLoopResult } from './api-open-loop';
import type { StallSummary } from './server-probe';
import { type ListPlans, oneLine, type RouteKey, ROUTES, type StatementCounts } from './api-probes';
import { mean } from './concurrency';
import type { ProfileSummary } from './cpu-profile';
import { ms, rate, say, table } from './harness';

export const LABELS: Record<RouteKey, string> = {
  list: 'GET /v1/actions (filtered, cursor)',
  get: 'GET /v1/actions/{id}',
  update: 'POST /v1/actions/{id}/progress-updates',
};

/**
 * The issues' targets (product vs bare comparator, at 32 connections): issue 5's, and issue
 * 23's for the reads (list ≥ 0.8×, one action ≥ 0.6×).
 */
const TARGETS: Record<RouteKey, { ratio?: number; p99?: number }> = {
  list: { ratio: 0.8, p99: 60 },
  get: { ratio: 0.6 },
  update: { ratio: 0.7, p99: 40 },
};

const INDEX_OF_SORT: Record<string, string> = {
  deadline: 'ix_actions_deadline',
  '-deadline': 'ix_actions_deadline',
  updatedAt: 'ix_actions_updated_at',
  title: 'ix_actions_title',
  'status=in_progress': 'ix_actions_deadline',
};

export interface ServerRun {
  results: Record<RouteKey, LoadResult>;
  statements: StatementCounts;
}

export function loadLine(name: string, route: string, result: LoadResult): string {
  return (
    `   ${name.padEnd(8)} ${route.padEnd(15)} ${rate(result.perSecond).padStart(6)} req/s, ` +
    `p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, statuses ${JSON.stringify(result.statuses)}` +
    (result.errors ? `, errors ${result.errors}` : '')
  );
}

const figures = (result: LoadResult) =>
  `${rate(result.perSecond)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ` +
  `non-2xx ${result.failures}, 412 ${result.conflicts}, errors ${result.errors}`;

const cpu = (result: LoadResult) => {
  const spent = result.cpuPerRequest;
  if (!spent) return 'n/a';
  const { idle, interrupts, steal } = spent.machine;
  return (
    `server ${spent.server.toFixed(2)}, PostgreSQL ${spent.postgres.toFixed(2)}, ` +
    `Redis ${spent.redis.toFixed(2)}, load ${spent.load.toFixed(2)}; machine idle ` +
    `${idle.toFixed(0)} %, interrupts ${interrupts.toFixed(0)} %, steal ${steal.toFixed(0)} %`
  );
};

const backends = (result: LoadResult) =>
  result.backends
    ? Object.entries(result.backends)
        .slice(0, 5)
        .map(([wait, count]) => `${wait} ${count}`)
        .join(', ')
    : 'n/a';

/** The saturated rounds in turns: each server's mean req/s and its range. */
const inTurns = (turns: Alternation) => {
  const side = (runs: LoadResult[]) => {
    const rates = runs.map((run) => run.perSecond);
    return `${rate(mean(rates))} (${rate(Math.min(...rates))}–${rate(Math.max(...rates))})`;
  };
  return `product ${side(turns.saturated.product)} / bare ${side(turns.saturated.bare)} req/s`;
};

/**
 * The floor server's one action beside the product and bare: how much of the gap is the
 * framework's (bare → floor) and how much the product's own (floor → product).
 */
export function floorRows(
  floor: LoadResult,
  product: LoadResult,
  bare: LoadResult,
): Array<[string, string]> {
  return [
    [`${LABELS.get}: floor (plain NestJS + Express, bare's SQL)`, figures(floor)],
    [
      `${LABELS.get}: floor / bare; product / floor`,
      `${(floor.perSecond / bare.perSecond).toFixed(2)}×; ${(product.perSecond / floor.perSecond).toFixed(2)}×`,
    ],
    [`${LABELS.get}: CPU ms per request, floor`, cpu(floor)],
  ];
}

const errorFree = (results: LoadResult[]) =>
  results.every((result) => result.failures + result.errors === 0);

/** The summary table; answers whether every request of both servers succeeded. */
export function printSummary(
  product: ServerRun,
  bare: ServerRun,
  alternated: Record<RouteKey, Alternation>,
  bareEquality: LoadResult | undefined,
  extra: Array<[string, string]>,
): boolean {
  let clean = true;
  const rows: Array<[string, string]> = [];
  for (const route of ROUTES) {
    const mine = product.results[route];
    const theirs = bare.results[route];
    const turns = alternated[route];
    const ratio = alternatedRatio(turns);
    const target = TARGETS[route];
    const ok = (met: boolean) => (met ? 'OK' : 'MISSED');
    const checks = [
      target.ratio === undefined ? undefined : `≥ ${target.ratio}×: ${ok(ratio >= target.ratio)}`,
      target.p99 === undefined
        ? undefined
        : `single pass p99 ≤ ${target.p99} ms: ${ok(mine.p99 <= target.p99)}`,
      `no errors: ${ok(errorFree([mine, ...turns.saturated.product]))}`,
    ].filter(Boolean);
    clean &&= errorFree([mine, theirs, ...turns.saturated.product, ...turns.saturated.bare]);
    rows.push(
      [`${LABELS[route]}: product`, figures(mine)],
      [`${LABELS[route]}: bare`, figures(theirs)],
      [
        `${LABELS[route]}: product / bare, in turns`,
        `${ratio.toFixed(2)}× of ${inTurns(turns)} (${checks.join('; ')})`,
      ],
      [
        `${LABELS[route]}: product / bare, single pass`,
        `${(mine.perSecond / theirs.perSecond).toFixed(2)}×`,
      ],
      [
        `${LABELS[route]}: statements per request`,
        `product ${product.statements.perRequest[route]}, bare ${bare.statements.perRequest[route]}`,
      ],
      [`${LABELS[route]}: CPU ms per request, product`, cpu(mine)],
      [`${LABELS[route]}: CPU ms per request, bare`, cpu(theirs)],
      [`${LABELS[route]}: active backends, product`, backends(mine)],
      [`${LABELS[route]}: active backends, bare`, backends(theirs)],
    );
  }
  if (bareEquality) {
    rows.push(
      ['List, bare with `programme_id = ANY(array)` (the former form)', figures(bareEquality)],
      ['List, bare with `programme_id = ANY(array)`: CPU ms per request', cpu(bareEquality)],
      ['List, bare with `programme_id = $1`: active backends', backends(bareEquality)],
    );
  }
  rows.push(...extra);
  say('Summary (ratios: the mean req/s of the rounds in turns)');
  for (const line of table(rows)) say(line);
  return clean;
}

export function printStatements(product: StatementCounts, bare: StatementCounts): void {
  say('Statements of one request, product:');
  for (const route of ROUTES) {
    say(`  ${LABELS[route]}:`);
    for (const statement of product.trace[route]) say(`    - ${statement.slice(0, 150)}`);
  }
  say('Statements of one request, bare:');
  for (const route of ROUTES) {
    say(`  ${LABELS[route]}: ${bare.trace[route].map((s) => s.slice(0, 36)).join(' | ')}`);
  }
}

function verdict(finding: PlanFinding): string {
  const key = Object.keys(INDEX_OF_SORT).find((sort) => finding.label.startsWith(sort));
  const expected = key ? INDEX_OF_SORT[key] : undefined;
  const usesIndex = expected === undefined || finding.indexes.includes(expected);
  // A top-N sort of a page is fine; a sort over the programme's rows is what must not happen.
  const ok = usesIndex && finding.sorts.every((sort) => sort.rowsIn <= 1000);
  const sorted = finding.sorts.map((sort) => `${sort.type} of ${rate(sort.rowsIn)} rows`);
  return (
    `${ok ? 'OK' : 'NO'}: ${finding.indexes.join(', ') || 'no index'}; ` +
    `${sorted.join(', ') || 'no sort'}; ${rate(finding.rowsRemovedByFilter)} rows filtered out; ` +
    `${rate(finding.sharedBlocks)} buffers; ${ms(finding.executionMs)} ms`
  );
}

export function printPlans(plans: ListPlans): void {
  say('EXPLAIN (ANALYZE, BUFFERS) of the list statement the product sends (programme filter):');
  const example = plans.findings.find((finding) => finding.label === 'deadline, page 2');
  if (example) {
    say(`  SQL (deadline, page 2): ${oneLine(example.statement.text)}`);
    say(`  parameters: ${JSON.stringify(example.statement.values)}`);
    for (const line of example.text.split('\n')) say(`    ${line}`);
  }
  const rows: Array<[string, string]> = [];
  for (const finding of [...plans.findings, ...plans.proposals]) {
    rows.push([finding.label, verdict(finding)], ['', finding.shape]);
  }
  for (const line of table(rows)) say(line);
  const proposal = plans.proposals.find((finding) => finding.label.startsWith('deadline'));
  if (proposal) {
    const where = /WHERE .*/.exec(oneLine(proposal.statement.text))?.[0];
    say(`  proposed (deadline, page 2): … ${where}`);
  }
}

export function printProfiles(profiles: Partial<Record<RouteKey, ProfileSummary>>): void {
  for (const route of ROUTES) {
    const summary = profiles[route];
    if (!summary) continue;
    say(`  ${LABELS[route]}: server busy ${(summary.busyShare * 100).toFixed(0)} % of the time`);
    const share = (value: number) => `${(value * 100).toFixed(1)} %`;
    say(`    by area: ${summary.byArea.map((a) => `${a.area} ${share(a.share)}`).join(', ')}`);
    say(
      `    functions: ${summary.topFunctions
        .slice(0, 8)
        .map((f) => `${f.name} ${share(f.share)}`)
        .join('; ')}`,
    );
  }
}

/** The issue's target at a fixed offered load: p99 at half the comparator's throughput. */
export const OPEN_LOOP_P99_MS = 50;

export function openLoopLine(name: string, route: string, result: OpenLoopResult): string {
  return (
    `   ${name.padEnd(8)} ${route.padEnd(15)} offered ${rate(result.rate).padStart(6)} req/s, ` +
    `answered ${rate(result.perSecond)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ` +
    `max ${ms(result.max)} ms, statuses ${JSON.stringify(result.statuses)}` +
    (result.errors ? `, errors ${result.errors}` : '') +
    `; sent late p99 ${ms(result.sendLagP99)} ms, max ${ms(result.sendLagMax)} ms; generator ` +
    `${result.generatorCores.toFixed(2)} of a core${result.raised ? ', nice -20' : ''}` +
    (result.stalls ? `; server ${stallText(result.stalls)}` : '')
  );
}

/** A server's event-loop delay and GC pauses over a window, in a few words. */
export function stallText(stalls: StallSummary): string {
  return (
    `loop delay p99 ${ms(stalls.loopP99)} ms, max ${ms(stalls.loopMax)} ms; GC ` +
    `${stalls.gcPauses} pauses (${stalls.majorPauses} major), ${ms(stalls.gcMs)} ms, ` +
    `longest ${ms(stalls.gcMaxMs)} ms`
  );
}

/**
 * Beside the saturated figures: each route at half of bare's mean saturated throughput in the
 * rounds in turns, offered on a fixed schedule, each round on the product and on bare; answers
 * whether the product's p99 met the target in every round.
 */
export function printOpenLoop(
  alternated: Record<RouteKey, Alternation>,
  floorGet?: OpenLoopResult,
): boolean {
  let met = true;
  const rows: Array<[string, string]> = [];
  const at = (result: OpenLoopResult) =>
    `p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, max ${ms(result.max)} ms, ` +
    `${rate(result.perSecond)} req/s answered, ${JSON.stringify(result.statuses)}` +
    (result.errors ? `, errors ${result.errors}` : '') +
    `; sent late p99 ${ms(result.sendLagP99)} ms` +
    (result.stalls ? `; server ${stallText(result.stalls)}` : '');
  for (const route of ROUTES) {
    const turns = alternated[route];
    const within = turns.open.product.filter(
      (result) => result.p99 <= OPEN_LOOP_P99_MS && result.errors === 0,
    ).length;
    const rounds = turns.open.product.length;
    met &&= within === rounds;
    const perRound = (side: Side) =>
      turns.open[side].map((result, round): [string, string] => [
        `${LABELS[route]}: at ${rate(turns.rate)} req/s, ${side}, round ${round + 1}`,
        at(result),
      ]);
    const floorRow: Array<[string, string]> =
      route === 'get' && floorGet
        ? [[`${LABELS[route]}: at ${rate(floorGet.rate)} req/s, floor`, at(floorGet)]]
        : [];
    rows.push(
      [`${LABELS[route]}: saturated in turns (32 connections)`, inTurns(turns)],
      ...perRound('product'),
      ...perRound('bare'),
      ...floorRow,
      [
        `${LABELS[route]}: target`,
        `product p99 ≤ ${OPEN_LOOP_P99_MS} ms in every round: ` +
          `${within === rounds ? 'OK' : 'MISSED'} (${within} of ${rounds})`,
      ],
    );
  }
  say("Latency at a fixed offered load (half of bare's saturated req/s in turns, open loop)");
  for (const line of table(rows)) say(line);
  return met;
}
