/**
 * `npm test` (README "Tests"): after one build, three suites side by side: Jest's end-to-end
 * files, Jest's unit tests and the browser stories. Each suite that needs services has its own
 * database, Redis key prefix and (when no servers are given) its own embedded PostgreSQL and
 * Redis, so they do not meet; the slowest of them sets the time. The end-to-end files' output
 * streams as it comes; the others' is held back and printed in one piece when each ends, so
 * they never interleave. Fails when any fails, and then ends with what failed
 * (failure-summary.ts): CI keeps only a run's last lines.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { jestFailures, playwrightFailures } from './failure-summary';
import { redisServerBinary } from './services';

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Outcome {
  name: string;
  code: number;
  seconds: number;
  output: string;
}

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  heldBack: boolean,
): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      chunks.push(chunk);
      if (!heldBack) stream.write(chunk);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks);
      if (heldBack) {
        process.stdout.write(`\n===== ${name} =====\n`);
        process.stdout.write(output);
      }
      resolve({
        name,
        code: code ?? (signal ? 1 : 0),
        seconds: Math.round((Date.now() - started) / 1000),
        output: output.toString('utf8'),
      });
    });
  });
}

async function main(): Promise<void> {
  const chromium = await run(
    'chromium check',
    process.execPath,
    [path.join(root, 'dist/scripts/ensure-chromium.js')],
    process.env,
    false,
  );
  if (chromium.code !== 0) process.exit(chromium.code);
  const poppler = await run(
    'poppler check',
    process.execPath,
    [path.join(root, 'dist/scripts/ensure-poppler.js')],
    process.env,
    false,
  );
  if (poppler.code !== 0) process.exit(poppler.code);
  // Without a Redis given, each suite starts a local one: install redis-server (apt-get) now,
  // once, rather than from both suites at the same moment (the second would find dpkg locked).
  if (!process.env.TEST_REDIS_URL && !process.env.REDIS_URL) {
    await redisServerBinary((line) => process.stdout.write(`${line}\n`));
  }

  // NestJS 12 is ESM only (README "Runtime"). The build above is current: the end-to-end
  // test that runs the built worker needs no rebuild.
  const jestEnv = {
    ...process.env,
    NODE_OPTIONS: '--experimental-vm-modules',
    CI_REBUILD: 'false',
  };
  const suites = [
    // The unit tests need no database: a process of their own, beside the end-to-end files
    // (one at a time, as they share the run's database), uses time the others spend waiting.
    {
      failures: jestFailures,
      outcome: run('Jest end-to-end', bin('jest'), ['--selectProjects', 'e2e'], jestEnv, false),
    },
    {
      failures: jestFailures,
      outcome: run('Jest unit', bin('jest'), ['--selectProjects', 'unit'], jestEnv, true),
    },
    {
      failures: playwrightFailures,
      outcome: run(
        'Browser stories (Playwright)',
        bin('playwright'),
        ['test', '-c', 'apps/web/playwright.config.ts'],
        { ...process.env, FORCE_COLOR: '0' },
        true,
      ),
    },
  ];
  const outcomes = await Promise.all(suites.map((suite) => suite.outcome));
  process.stdout.write('\n');
  for (const outcome of outcomes) {
    process.stdout.write(
      `${outcome.code === 0 ? 'passed' : 'FAILED'}  ${outcome.name} (${outcome.seconds} s)\n`,
    );
  }
  // Last, where a CI log that keeps only the end still shows them.
  outcomes.forEach((outcome, index) => {
    const named = suites[index].failures;
    const lines = named(outcome.output);
    if (outcome.code === 0) {
      // A story that failed and then passed its retry (playwright.config.ts) passes the run,
      // and is named all the same: a flaky story is a defect to find. Jest does not retry.
      if (named === playwrightFailures && lines.length > 0)
        process.stdout.write(`\nFlaky in ${outcome.name}:\n${lines.join('\n')}\n`);
      return;
    }
    // Nothing named (the suite could not start, say): its last lines say why.
    const shown = lines.length > 0 ? lines : outcome.output.trimEnd().split('\n').slice(-8);
    process.stdout.write(`\nWhat failed in ${outcome.name}:\n${shown.join('\n')}\n`);
  });
  process.exit(outcomes.some((outcome) => outcome.code !== 0) ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
