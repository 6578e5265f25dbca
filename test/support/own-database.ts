import { roleOf } from '../../scripts/services/database-roles';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../scripts/services/scratch-database';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run end-to-end tests through jest's e2e project`);
  return value;
}

/**
 * A migrated database for one test file, beside the run's: for tests that break the audit
 * chain on purpose or play with roles, which must not leak into other files. Like the run's,
 * it belongs to the run's owner role; `url` logs in as the runtime role, `ownerUrl` as the
 * owner (for what only the owner may do). The global teardown drops any that a failed file
 * leaves behind.
 */
export async function createOwnDatabase(
  suffix: string,
): Promise<{ url: string; ownerUrl: string; drop: () => Promise<void> }> {
  const serverUrl = required('SBT_TEST_SERVER_URL');
  const name = `${required('SBT_TEST_DATABASE_NAME')}_${suffix}`;
  const { url, ownerUrl } = await createScratchDatabase(serverUrl, name, {
    owner: roleOf(required('SBT_TEST_MIGRATION_DATABASE_URL')),
    runtime: roleOf(required('SBT_TEST_DATABASE_URL')),
  });
  return { url, ownerUrl, drop: () => dropScratchDatabase(serverUrl, name) };
}
