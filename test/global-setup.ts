import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options';
import { runMigrations } from '../libs/core/src/database/migrate';
import { startEmbeddedPostgres, startLocalRedis } from '../scripts/services';
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
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${state.databaseName}"`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${state.databaseName}`;

  const dataSource = new DataSource(
    dataSourceOptions({
      url: databaseUrl.toString(),
      poolSize: 2,
      ssl: false,
      migrationsRun: false,
    }),
  );
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  let redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir: resolve(root, '.data/test-redis') });
    state.stops.push(() => redis.stop());
    redisUrl = redis.url;
  }
  state.redisUrl = redisUrl;
  state.redisPrefix = `sbt-test-${runId.replace(/_/g, '-')}`;

  process.env.SBT_TEST_DATABASE_URL = databaseUrl.toString();
  process.env.SBT_TEST_REDIS_URL = redisUrl;
  process.env.SBT_TEST_REDIS_PREFIX = state.redisPrefix;
}
