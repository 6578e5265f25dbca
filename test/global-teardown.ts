import IORedis from 'ioredis';
import { Client } from 'pg';
import { TestRunState } from './support/test-run-state';

/** Drops the run's database and Redis keys, and stops any embedded server the run started. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __sbtTestRun?: TestRunState }).__sbtTestRun;
  if (!state) return;
  try {
    if (state.serverUrl && process.env.KEEP_TEST_DATABASE !== 'true') {
      // Never drop anything but a database this run made for itself.
      if (!/^sbt_test_[a-z0-9_]+$/.test(state.databaseName)) {
        throw new Error(`refusing to drop ${state.databaseName}: not a test database`);
      }
      const admin = new Client({ connectionString: state.serverUrl });
      await admin.connect();
      try {
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [state.databaseName],
        );
        await admin.query(`DROP DATABASE IF EXISTS "${state.databaseName}"`);
      } finally {
        await admin.end();
      }
    }
    if (state.redisUrl && state.redisPrefix) {
      const redis = new IORedis(state.redisUrl, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(
            cursor,
            'MATCH',
            `${state.redisPrefix}*`,
            'COUNT',
            1000,
          );
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    }
  } finally {
    for (const stop of state.stops.reverse()) await stop();
  }
}
