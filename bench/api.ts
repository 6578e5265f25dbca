import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench`: the API under load (issue 5 §7). Seeds BENCH_ACTIONS actions with their
 * partners, progress updates, comments and audit events into a scratch database, starts the
 * real API pinned to core 0 (`taskset -c 0`), pins the load generator (this process) to core
 * 1, and measures with autocannon on loopback: the filtered list following its cursor, one
 * action by id, and progress updates with If-Match. Then the bare comparator (node:http +
 * pg) on the same core does the same SQL work under the same load. Then both servers at once,
 * in turns (api-alternate.ts): each route saturated on one and then the other for BENCH_ROUNDS
 * rounds, then at a fixed offered load, half of bare's mean saturated req/s of those rounds,
 * open loop (api-open-loop.ts), p50/p99 against p99 ≤ 50 ms. The ratios to the issue's
 * targets come from the rounds in turns, since this machine's speed drifts by a third within
 * minutes; the single pass's ratio is printed beside them. Then for one action the
 * framework's floor (floor-server.ts: bare's statement and JSON in a plain NestJS app on
 * Express), saturated and at the same offered load. Also: statements and CPU per request, a
 * CPU profile of the product per route, and EXPLAIN of the list for every sort.
 *
 * Servers and clean-up as `npm run bench:outbox`. Knobs: BENCH_ACTIONS (100000),
 * BENCH_CONNECTIONS (32), BENCH_WARMUP_S (2), BENCH_DURATION_S (10), BENCH_LIST_PAGES (200),
 * BENCH_GET_IDS (10000), BENCH_UPDATE_ACTIONS (5000), BENCH_POOL_SIZE (32, both servers),
 * BENCH_AUDIT_BATCH (5000), BENCH_PROFILE_S (5; 0: none), BENCH_SERVER_WARMUP_S (10: load on
 * each route after each server starts, not measured; 0: none), BENCH_OPEN_CONNECTIONS (128, the
 * open loop's sockets at most), BENCH_ROUNDS (2: rounds in turns), BENCH_LOG_LEVEL (the
 * product's LOG_LEVEL, silent; `info` writes a line per request, as in production),
 * BENCH_TIMEOUT_MS (1800000).
 */
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditIntegrityService } from '@app/audit';
import { loadConfig } from '@app/core';
import { type LoadSettings, measure, pagesScenario } from './api-load';
import {
  countStatements,
  explainLists,
  type Fixture,
  getPage,
  type RouteKey,
  ROUTES,
  sampleBackends,
  walkPages,
} from './api-probes';
import { alternate } from './api-alternate';
import { measureOpenLoop } from './api-open-loop';
import { runRoutes, scenarios, warmUp } from './api-routes';
import {
  floorRows,
  loadLine,
  openLoopLine,
  printOpenLoop,
  printPlans,
  printProfiles,
  printStatements,
  printSummary,
  type ServerRun,
} from './api-report';
import { seedProgramme } from './api-seed';
import { pinSelf, startServer } from './api-servers';
import { auditContext } from './audit.bench';
import type { ProfileSummary } from './cpu-profile';
import { sampleCpu } from './cpu-usage';
import { benchSession, type BenchSetup, ms, positiveInt, rate, runBench, say } from './harness';

const SERVER_CORE = 0;
const LOAD_CORE = 1;

const seconds = (name: string, fallback: number) =>
  process.env[name] === '0' ? 0 : positiveInt(name, fallback);

/** The commit measured, and whether the application code differs from it. */
function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'apps', 'libs', 'migrations');
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' + uncommitted changes in apps/libs' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Seeds the programme, mints the editor's token and picks the ids the load uses. */
async function prepare(
  { config, environment, cleanup, signal }: BenchSetup,
  actions: number,
): Promise<{ fixture: Fixture; verifyChain: () => Promise<string>; summary: string[] }> {
  const context = await auditContext(loadConfig({ ...environment, DATABASE_POOL_SIZE: '4' }));
  cleanup.add('close the seeding context', () => context.close());
  const started = performance.now();
  const seeded = await seedProgramme(
    context,
    { actions, auditBatch: positiveInt('BENCH_AUDIT_BATCH', 5000) },
    signal,
    (line) => say(`   ${line}`),
  );
  const seedSeconds = (performance.now() - started) / 1000;
  say(`   seeded in ${ms(seedSeconds)} s`);
  const dataSource = context.get(DataSource);
  const token = await benchSession(config, dataSource, seeded.editor.userId);
  const ids = async (sql: string, parameters: unknown[]) =>
    (await dataSource.query<{ id: string }[]>(sql, parameters)).map((row) => row.id);
  const fixture: Fixture = {
    programmeId: seeded.programmeId,
    editor: seeded.editor,
    token: token(),
    getIds: await ids('SELECT id FROM actions ORDER BY md5(id::text) LIMIT $1', [
      positiveInt('BENCH_GET_IDS', 10_000),
    ]),
    // Open actions of the editor's organisation: the editor may post progress on them.
    updateIds: await ids(
      `SELECT id FROM actions WHERE owner_organisation_id = $1
         AND status IN ('not_started', 'in_progress') ORDER BY md5(id::text) LIMIT $2`,
      [seeded.editor.organisationId, positiveInt('BENCH_UPDATE_ACTIONS', 5000)],
    ),
  };
  const verifyChain = async () => {
    const chain = await context.get(AuditIntegrityService).verify();
    await context.close();
    return `${chain.valid ? 'OK' : 'FAILED'}: ${rate(chain.checked)} events verified`;
  };
  const elapsed = Object.entries(seeded.elapsedMs).map(([k, v]) => `${k} ${ms(v / 1000)} s`);
  const counts = Object.entries(seeded.counts).map(([k, v]) => `${k} ${rate(v)}`);
  return {
    fixture,
    verifyChain,
    summary: [`${ms(seedSeconds)} s (${elapsed.join(', ')})`, counts.join(', ')],
  };
}

async function main(setup: BenchSetup): Promise<boolean> {
  const { environment, cleanup } = setup;
  const actions = positiveInt('BENCH_ACTIONS', 100_000);
  const poolSize = String(positiveInt('BENCH_POOL_SIZE', 32));
  const listPages = positiveInt('BENCH_LIST_PAGES', 200);
  const profileSeconds = seconds('BENCH_PROFILE_S', 5);
  const warmSeconds = seconds('BENCH_SERVER_WARMUP_S', 10);
  const measured = revision();
  const logLevel = process.env.BENCH_LOG_LEVEL || 'silent';

  say(`1. Seeding ${rate(actions)} actions with partners, timeline, comments and audit events...`);
  const { fixture, verifyChain, summary: seeding } = await prepare(setup, actions);
  const db = new Client({ connectionString: environment.DATABASE_URL });
  await db.connect();
  cleanup.add('close the benchmark connection', () => db.end());

  pinSelf(LOAD_CORE);
  const load: LoadSettings = {
    connections: positiveInt('BENCH_CONNECTIONS', 32),
    warmupSeconds: seconds('BENCH_WARMUP_S', 2),
    durationSeconds: positiveInt('BENCH_DURATION_S', 10),
    token: fixture.token,
    // Each route starts with nothing left to flush, so that a checkpoint of the seeding's (or
    // the updates') writes does not land in a measured run (the p99 of bare and product alike).
    before: () => db.query('CHECKPOINT'),
  };
  say();
  say(
    `2. Product ${measured} (AppModule + configureApp, pool ${poolSize}, logging ${logLevel}) on ` +
      `core ${SERVER_CORE}; autocannon here on core ${LOAD_CORE}, ${load.connections} ` +
      `connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s per route...`,
  );
  const productEnv = {
    ...environment,
    DATABASE_POOL_SIZE: poolSize,
    LOG_LEVEL: logLevel,
    NODE_ENV: 'production',
  };
  const product = await startServer('product', 'serve-api', SERVER_CORE, productEnv, cleanup);
  const firstPage = `/v1/actions?programme=${fixture.programmeId}&status=in_progress&limit=50`;
  const walked = await walkPages(product, firstPage, fixture.token, listPages);
  say(`   ${walked.paths.length} pages of status=in_progress walked for their cursors`);
  const routes = scenarios(fixture, walked.paths, db);
  await warmUp(product, routes, load, warmSeconds);
  const productRun: ServerRun = {
    results: await runRoutes(product, routes, load, db),
    statements: await countStatements(product, fixture, walked.paths[1] ?? firstPage, db),
  };
  const plans = await explainLists(product, fixture, db, walked.paths[walked.paths.length - 1]);
  const profiles: Partial<Record<RouteKey, ProfileSummary>> = {};
  if (profileSeconds > 0) {
    say(`   profiling the product, ${profileSeconds} s per route...`);
    for (const route of ROUTES) {
      await product.profile(true);
      await measure(product.origin, routes[route], {
        ...load,
        warmupSeconds: 0,
        durationSeconds: profileSeconds,
      });
      profiles[route] = await product.profile(false);
    }
  }
  await product.stop();
  const chain = await verifyChain();

  say();
  say(`3. Bare comparator (node:http + pg, pool ${poolSize}) on core ${SERVER_CORE}...`);
  const bare = await startServer(
    'bare',
    'bare-server',
    SERVER_CORE,
    {
      DATABASE_URL: environment.DATABASE_URL,
      DATABASE_POOL_SIZE: poolSize,
      BENCH_AUTHOR_USER_ID: fixture.editor.userId,
      BENCH_AUTHOR_ORGANISATION_ID: fixture.editor.organisationId,
    },
    cleanup,
  );
  const samePages = await Promise.all(
    [0, Math.floor(walked.paths.length / 2), walked.paths.length - 1].map(async (i) => {
      const { body } = await getPage(bare.origin, walked.paths[i], fixture.token);
      return body.data.map((item) => item.id).join() === walked.ids[i].join();
    }),
  );
  await warmUp(bare, routes, load, warmSeconds);
  const bareRun: ServerRun = {
    results: await runRoutes(bare, routes, load, db),
    statements: await countStatements(bare, fixture, walked.paths[1] ?? firstPage, db),
  };
  const equality = await measure(
    bare.origin,
    pagesScenario(
      'list',
      walked.paths.map((path) => `${path}&form=any`),
    ),
    load,
    { cpu: () => sampleCpu(bare.pid), backends: () => sampleBackends(db) },
  );
  say(loadLine('bare', 'list (ANY(array), the former form)', equality));
  // The ratios and the open loop's targets: product and bare in turns (api-alternate.ts).
  const rounds = positiveInt('BENCH_ROUNDS', 2);
  const openLoop = { ...load, connections: positiveInt('BENCH_OPEN_CONNECTIONS', 128) };
  say();
  say(
    `4. Product and bare in turns, both up on core ${SERVER_CORE}: ${rounds} rounds per route, ` +
      `saturated, then open loop at half of bare's mean req/s (${openLoop.connections} ` +
      'connections at most)...',
  );
  const again = await startServer('product', 'serve-api', SERVER_CORE, productEnv, cleanup);
  await warmUp(again, routes, load, warmSeconds);
  const alternated = await alternate({ product: again, bare }, routes, load, openLoop, rounds, {
    saturated: (side, label, result) => say(loadLine(side, label, result)),
    open: (side, label, result) => say(openLoopLine(side, label, result)),
  });
  await again.stop();
  await bare.stop();
  say();
  say(`5. The framework's floor (plain NestJS + Express, bare's SQL) on core ${SERVER_CORE}...`);
  // The framework's floor for one action: bare's statement and JSON in a plain NestJS app.
  const floor = await startServer(
    'floor',
    'floor-server',
    SERVER_CORE,
    { DATABASE_URL: environment.DATABASE_URL, DATABASE_POOL_SIZE: poolSize },
    cleanup,
  );
  await warmUp(floor, { get: routes.get }, load, warmSeconds);
  const floorGet = await measure(floor.origin, routes.get, load, {
    cpu: () => sampleCpu(floor.pid),
  });
  say(loadLine('floor', 'get (plain NestJS + Express, bare SQL)', floorGet));
  // The framework alone at the same offered load: what any NestJS-on-Express app pays.
  const floorOpen = await measureOpenLoop(floor, routes.get, {
    ...openLoop,
    rate: alternated.get.rate,
  });
  say(openLoopLine('floor', 'get', floorOpen));
  await floor.stop();
  say();

  const clean = printSummary(productRun, bareRun, alternated, equality, [
    ['Measured', `${measured}; ${actions} actions; ${load.connections} connections`],
    ['Seeding', seeding[0]],
    ['Rows', seeding[1]],
    ['Audit chain after the product run', chain],
    ['Comparator answers the same pages', samePages.every(Boolean) ? 'OK' : 'FAILED'],
    ...floorRows(floorGet, productRun.results.get, bareRun.results.get),
  ]);
  say();
  printOpenLoop(alternated, floorOpen);
  say();
  printStatements(productRun.statements, bareRun.statements);
  say();
  printPlans(plans);
  if (profileSeconds > 0) {
    say();
    say(`CPU profile of the product (${profileSeconds} s per route, a sample every 0.5 ms):`);
    printProfiles(profiles);
  }
  return clean && samePages.every(Boolean) && chain.startsWith('OK');
}

say('Sterk Bestuur Tracker: API benchmark (product vs bare comparator)');
say();
runBench({}, main, 1_800_000);
