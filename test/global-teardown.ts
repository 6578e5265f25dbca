import { dropRoles } from '../scripts/services/database-roles';
import {
  deleteRedisKeys,
  dropScratchDatabase,
  withAdmin,
} from '../scripts/services/scratch-database';
import type { TestRunState } from './support/test-run-state';

/** Drops the run's database and Redis keys, and stops any embedded server the run started. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __sbtTestRun?: TestRunState }).__sbtTestRun;
  if (!state) return;
  const failures: unknown[] = [];
  const attempt = async (step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  };
  if (state.serverUrl && process.env.KEEP_TEST_DATABASE !== 'true') {
    const serverUrl = state.serverUrl;
    await attempt(() => dropScratchDatabase(serverUrl, state.databaseName));
    // Databases of single files (test/support/own-database.ts) that a failed file left behind.
    await attempt(async () => {
      const leftovers = await withAdmin(serverUrl, async (admin) => {
        const result = await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
          [`${state.databaseName}_`],
        );
        return result.rows.map((row) => row.datname);
      });
      for (const name of leftovers) await dropScratchDatabase(serverUrl, name);
    });
    const roles = state.roles ?? [];
    await attempt(() => withAdmin(serverUrl, (admin) => dropRoles(admin, roles)));
  }
  if (state.redisUrl && state.redisPrefix) {
    const { redisUrl, redisPrefix } = state;
    await attempt(() => deleteRedisKeys(redisUrl, redisPrefix));
  }
  for (const stop of state.stops.reverse()) await attempt(stop);
  // What would keep the process alive (jest.config.js forceExit): a trail for leaks.
  const active = process.getActiveResourcesInfo().filter((kind) => kind !== 'Timeout');
  if (active.length > 0)
    process.stderr.write(`still active after the tests: ${active.join(', ')}\n`);
  if (failures.length > 0) throw failures[0];
}
