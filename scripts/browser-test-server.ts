/**
 * The system the browser tests drive (apps/web/playwright.config.ts starts it once per run):
 * a fresh database with the production roles on the test server (TEST_DATABASE_URL /
 * DATABASE_URL, or an embedded PostgreSQL), its own Redis key prefix, then `npm start`'s
 * launcher (scripts/start.ts) on it: migrations, demo data, API, worker and web app, as a
 * person gets them. On SIGTERM or SIGINT it stops everything and drops what it made.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedPostgres, startLocalRedis } from './services';
import { type ApplicationRoles, dropRoles, ensureRoles } from './services/database-roles';
import {
  createScratchDatabase,
  deleteRedisKeys,
  dropScratchDatabase,
  withAdmin,
} from './services/scratch-database';

const root = path.resolve(__dirname, '../..');
const cleanups: Array<() => Promise<unknown>> = [];
let launcher: ChildProcess | undefined;
let stopping = false;

const say = (line: string) => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `sbt_test_browser_${runId}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sbt-browser-'));
  cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));

  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    // Its own cluster and ports, away from Jest's (55432/56379): `npm test` runs both at once.
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(root, '.data/browser-test-postgres'),
      database: 'postgres',
      port: await findFreePort(55532),
    });
    cleanups.push(() => postgres.stop());
    serverUrl = postgres.url;
  }
  const secret = () => randomBytes(24).toString('base64url');
  const roles: ApplicationRoles = {
    owner: { name: `${databaseName}_owner`, password: secret() },
    runtime: { name: `${databaseName}_app`, password: secret() },
  };
  const admin = serverUrl;
  await withAdmin(admin, (client) => ensureRoles(client, [roles.owner, roles.runtime]));
  cleanups.push(() =>
    withAdmin(admin, (client) => dropRoles(client, [roles.owner.name, roles.runtime.name])),
  );
  const database = await createScratchDatabase(admin, databaseName, roles);
  cleanups.push(() => dropScratchDatabase(admin, databaseName));

  let redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startLocalRedis({
      dataDir: path.join(root, '.data/browser-test-redis'),
      port: await findFreePort(56479),
    });
    cleanups.push(() => redis.stop());
    redisUrl = redis.url;
  }
  const redisPrefix = `sbt-test-browser-${runId.replace(/_/g, '-')}`;
  const redis = redisUrl;
  cleanups.push(() => deleteRedisKeys(redis, redisPrefix));

  if (stopping) return;
  launcher = spawn(process.execPath, [path.join(root, 'dist/scripts/start.js')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      SBT_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      PORT: process.env.PORT,
      JWT_ACCESS_SECRET: secret(),
      JWT_REFRESH_SECRET: secret(),
      AUDIT_CHECKPOINT_KEY: secret(),
      IDENTITY_PROVIDER_SECRET_KEY: randomBytes(32).toString('base64'),
      // The tests sign in many times from one address; lock-out has tests of its own.
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
      ...Object.fromEntries(
        ['PRINCIPAL', 'ADDRESS'].flatMap((who) =>
          ['READS', 'WRITES', 'EXPENSIVE'].map((what) => [`RATE_LIMIT_${who}_${what}`, '1000000']),
        ),
      ),
      // Webhooks (apps/web/test/webhooks.browser.ts): the stories' receivers listen on
      // 127.0.0.1 over http, which only this allowlist lets through; the worker looks for
      // deliveries often, and gives up on a failing receiver after seconds instead of a day.
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1,1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    },
  });
  launcher.once('exit', (code) => {
    launcher = undefined;
    if (!stopping) void stop(code ?? 1);
  });
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (launcher) {
    const child = launcher;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  }
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) =>
      say(`Browser test clean-up: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

main().catch((error: unknown) => {
  say(
    `The browser tests' server did not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  void stop(1);
});
