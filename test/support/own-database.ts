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
 * chain on purpose or play with roles, which must not leak into other files. The global
 * teardown drops any that a failed file leaves behind.
 */
export async function createOwnDatabase(
  suffix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = required('SBT_TEST_SERVER_URL');
  const name = `${required('SBT_TEST_DATABASE_NAME')}_${suffix}`;
  const url = await createScratchDatabase(serverUrl, name);
  return { url, drop: () => dropScratchDatabase(serverUrl, name) };
}
