import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:ab`: this working tree against another revision on one action by id
 * (`GET /v1/actions/{id}`), or with BENCH_AB_ROUTE=list on first pages of the filtered list
 * (`GET /v1/actions?programme=…&status=in_progress&limit=50`, by deadline, last change and
 * title), interleaved. BENCH_AB_FLAGS: Node options for the working tree's server only (with
 * BENCH_AB_BASE=HEAD and no changes, an A/B of a runtime setting). On this machine the same
 * build's throughput moves by a third within minutes, so one run of `npm run bench` against
 * another cannot show an effect of 5–15 %; alternating the two builds on one seeded database,
 * several times, can.
 *
 * Builds the base revision (BENCH_AB_BASE, default HEAD: the working tree's changes against
 * their commit) in a temporary git worktree that borrows node_modules, seeds BENCH_ACTIONS
 * (20000) actions, then for BENCH_AB_ROUNDS (4) rounds starts each build's API pinned to core
 * 0 (base first in even rounds, the working tree first in odd ones), loads it for
 * BENCH_SERVER_WARMUP_S (10) s unmeasured, and measures BENCH_AB_RUNS (3) runs of
 * BENCH_DURATION_S (8) s with autocannon on core 1 (BENCH_CONNECTIONS, 32). Prints every run
 * (req/s, server and PostgreSQL CPU ms per request) and the means.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/core';
import { getScenario, type LoadResult, measure, pagesScenario, type Scenario } from './api-load';
import { seedProgramme } from './api-seed';
import { flagsFrom, pinSelf, startServer } from './api-servers';
import { auditContext } from './audit.bench';
import { mean } from './concurrency';
import { sampleCpu } from './cpu-usage';
import {
  benchSession,
  type BenchSetup,
  type Cleanup,
  positiveInt,
  rate,
  runBench,
  say,
  table,
} from './harness';

const SERVER_CORE = 0;
const LOAD_CORE = 1;
const ROOT = path.join(__dirname, '..', '..');

interface Variant {
  name: string;
  /** The built bench folder whose serve-api.js is started. */
  benchDir: string;
  /** Node's options for its server. */
  flags: string[];
  runs: LoadResult[];
}

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Checks out and builds `revision` beside this tree; answers its built bench folder. */
function buildBase(revision: string, cleanup: Cleanup): string {
  const commit = git('rev-parse', '--verify', `${revision}^{commit}`).trim();
  const dir = mkdtempSync(path.join(tmpdir(), 'sbt-bench-ab-'));
  git('worktree', 'add', '--detach', dir, commit);
  cleanup.add('remove the base worktree', () => {
    git('worktree', 'remove', '--force', dir);
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return path.join(dir, 'dist', 'bench');
}

const cpu = (run: LoadResult) =>
  `server ${run.cpuPerRequest?.server.toFixed(3)}, PostgreSQL ${run.cpuPerRequest?.postgres.toFixed(3)} ms`;

async function main({ config, environment, cleanup, signal }: BenchSetup): Promise<boolean> {
  const base = process.env.BENCH_AB_BASE || 'HEAD';
  const rounds = positiveInt('BENCH_AB_ROUNDS', 4);
  const runsPerServer = positiveInt('BENCH_AB_RUNS', 3);
  const warmSeconds = positiveInt('BENCH_SERVER_WARMUP_S', 10);
  const actions = positiveInt('BENCH_ACTIONS', 20_000);
  const route = process.env.BENCH_AB_ROUTE || 'get';
  if (route !== 'get' && route !== 'list') throw new Error('BENCH_AB_ROUTE: get or list');
  say(`1. Building ${base} in a temporary worktree...`);
  const variants: Variant[] = [
    {
      name: `base ${base}`,
      benchDir: buildBase(base, cleanup),
      flags: flagsFrom('BENCH_NODE_FLAGS'),
      runs: [],
    },
    {
      name: 'working tree',
      benchDir: __dirname,
      flags: [...flagsFrom('BENCH_NODE_FLAGS'), ...flagsFrom('BENCH_AB_FLAGS')],
      runs: [],
    },
  ];

  say(`2. Seeding ${rate(actions)} actions...`);
  const context = await auditContext(loadConfig({ ...environment, DATABASE_POOL_SIZE: '4' }));
  cleanup.add('close the seeding context', () => context.close());
  const seeded = await seedProgramme(context, { actions, auditBatch: 5000 }, signal, () => {});
  const dataSource = context.get(DataSource);
  const token = (await benchSession(config, dataSource, seeded.editor.userId))();
  const ids = (
    await dataSource.query<{ id: string }[]>(
      'SELECT id FROM actions ORDER BY md5(id::text) LIMIT 10000',
    )
  ).map((row) => row.id);

  const firstPages = ['deadline', '-updatedAt', 'title'].map(
    (sort) =>
      `/v1/actions?programme=${seeded.programmeId}&status=in_progress&limit=50&sort=${sort}`,
  );
  const scenario = (): Scenario =>
    route === 'get' ? getScenario('get', ids) : pagesScenario('list', firstPages);
  const routeName = route === 'get' ? 'GET /v1/actions/{id}' : 'first pages of GET /v1/actions';

  pinSelf(LOAD_CORE);
  const load = {
    connections: positiveInt('BENCH_CONNECTIONS', 32),
    warmupSeconds: 0,
    durationSeconds: positiveInt('BENCH_DURATION_S', 8),
    token,
  };
  const serverEnv = {
    ...environment,
    DATABASE_POOL_SIZE: '32',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  };
  say(
    `3. ${rounds} rounds; each build on core ${SERVER_CORE}, ${warmSeconds} s warm-up, ` +
      `${runsPerServer} × ${load.durationSeconds} s of ${routeName}, ` +
      `${load.connections} connections from core ${LOAD_CORE}`,
  );
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const server = await startServer(
        'product',
        'serve-api',
        SERVER_CORE,
        serverEnv,
        cleanup,
        variant.benchDir,
        variant.flags,
      );
      await measure(server.origin, scenario(), {
        ...load,
        durationSeconds: warmSeconds,
      });
      const runs: LoadResult[] = [];
      for (let i = 0; i < runsPerServer; i += 1) {
        runs.push(
          await measure(server.origin, scenario(), load, {
            cpu: () => sampleCpu(server.pid),
          }),
        );
      }
      await server.stop();
      variant.runs.push(...runs);
      const failed = runs.reduce((sum, run) => sum + run.failures + run.errors, 0);
      say(
        `   round ${round + 1}, ${variant.name.padEnd(14)} ` +
          runs.map((run) => `${rate(run.perSecond)} req/s (${cpu(run)})`).join('; ') +
          (failed ? `; ${failed} FAILED` : ''),
      );
    }
  }

  say();
  const [before, after] = variants;
  const perSecond = (variant: Variant) => mean(variant.runs.map((run) => run.perSecond));
  const serverCpu = (variant: Variant) =>
    mean(variant.runs.map((run) => run.cpuPerRequest?.server ?? 0));
  for (const line of table([
    ...variants.map((variant): [string, string] => [
      variant.name,
      `${rate(perSecond(variant))} req/s mean of ${variant.runs.length} runs ` +
        `(${rate(Math.min(...variant.runs.map((run) => run.perSecond)))}–` +
        `${rate(Math.max(...variant.runs.map((run) => run.perSecond)))}), ` +
        `server CPU ${serverCpu(variant).toFixed(3)} ms per request`,
    ]),
    [
      'working tree / base',
      `${(perSecond(after) / perSecond(before)).toFixed(2)}× req/s, ` +
        `${(serverCpu(after) / serverCpu(before)).toFixed(2)}× server CPU per request`,
    ],
  ]))
    say(line);
  return variants.every((variant) =>
    variant.runs.every((run) => run.failures === 0 && run.errors === 0),
  );
}

say('Sterk Bestuur Tracker: A/B of one action by id or of the list (working tree vs a revision)');
say();
runBench({}, main, 3_600_000);
