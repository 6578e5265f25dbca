import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startEmbeddedPostgres, startLocalRedis } from '../scripts/services';
import { createScratchDatabase } from '../scripts/services/scratch-database';
import globalTeardown from './global-teardown';
import { TestRunState } from './support/test-run-state';

const root = resolve(__dirname, '..');

/**
 * One fresh database and one Redis key prefix per test run, on the servers named by
 * TEST_DATABASE_URL / DATABASE_URL and TEST_REDIS_URL / REDIS_URL, or on embedded ones.
 * The values reach the test workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const state: TestRunState = { databaseName: `sbt_test_${runId}`, stops: [] };
  (globalThis as { __sbtTestRun?: TestRunState }).__sbtTestRun = state;
  try {
    await prepare(state, runId);
  } catch (error) {
    // Jest runs no teardown when setup fails: clean up what was made.
    await globalTeardown();
    throw error;
  }
}

async function prepare(state: TestRunState, runId: string): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    const postgres = await startEmbeddedPostgres({
      dataDir: resolve(root, '.data/test-postgres'),
      database: 'postgres',
    });
    state.stops.push(() => postgres.stop());
    serverUrl = postgres.url;
  }
  const databaseUrl = await createScratchDatabase(serverUrl, state.databaseName);
  state.serverUrl = serverUrl;

  let redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir: resolve(root, '.data/test-redis') });
    state.stops.push(() => redis.stop());
    redisUrl = redis.url;
  }
  state.redisUrl = redisUrl;
  state.redisPrefix = `sbt-test-${runId.replace(/_/g, '-')}`;

  process.env.SBT_TEST_DATABASE_URL = databaseUrl;
  // For files that need a database of their own (test/support/own-database.ts).
  process.env.SBT_TEST_SERVER_URL = serverUrl;
  process.env.SBT_TEST_DATABASE_NAME = state.databaseName;
  process.env.SBT_TEST_REDIS_URL = redisUrl;
  process.env.SBT_TEST_REDIS_PREFIX = state.redisPrefix;
}
