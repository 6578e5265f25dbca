import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startEmbeddedPostgres, startLocalRedis } from '../scripts/services';
import { type ApplicationRoles, ensureRoles } from '../scripts/services/database-roles';
import { createScratchDatabase, withAdmin } from '../scripts/services/scratch-database';
import globalTeardown from './global-teardown';
import { TestRunState } from './support/test-run-state';

const root = resolve(__dirname, '..');

/**
 * One fresh database and one Redis key prefix per test run, on the servers named by
 * TEST_DATABASE_URL / DATABASE_URL and TEST_REDIS_URL / REDIS_URL, or on embedded ones.
 * The database has the two roles of production (README "Database roles"), made for this run:
 * an owner that runs the migrations, and the runtime role the tests' apps connect as, so the
 * whole suite shows the app needs no more than the runtime role's privileges. The server's
 * user must be able to create roles and databases. The values reach the test workers
 * through the environment.
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
  state.serverUrl = serverUrl;
  const secret = () => randomBytes(18).toString('base64url');
  const roles: ApplicationRoles = {
    owner: { name: `${state.databaseName}_owner`, password: secret() },
    runtime: { name: `${state.databaseName}_app`, password: secret() },
  };
  state.roles = [roles.owner.name, roles.runtime.name];
  await withAdmin(serverUrl, (admin) => ensureRoles(admin, [roles.owner, roles.runtime]));
  const database = await createScratchDatabase(serverUrl, state.databaseName, roles);

  let redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir: resolve(root, '.data/test-redis') });
    state.stops.push(() => redis.stop());
    redisUrl = redis.url;
  }
  state.redisUrl = redisUrl;
  state.redisPrefix = `sbt-test-${runId.replace(/_/g, '-')}`;

  // The runtime role's; the owner's for what only the owner may do (DDL, tampering tests).
  process.env.SBT_TEST_DATABASE_URL = database.url;
  process.env.SBT_TEST_MIGRATION_DATABASE_URL = database.ownerUrl;
  // For files that need a database of their own (test/support/own-database.ts).
  process.env.SBT_TEST_SERVER_URL = serverUrl;
  process.env.SBT_TEST_DATABASE_NAME = state.databaseName;
  process.env.SBT_TEST_REDIS_URL = redisUrl;
  process.env.SBT_TEST_REDIS_PREFIX = state.redisPrefix;
}
