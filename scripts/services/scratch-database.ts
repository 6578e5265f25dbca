import IORedis from 'ioredis';
import { Client } from 'pg';
import { migrateSchema } from '../../migrations/migrate';
import { type ApplicationRoles, urlAs } from './database-roles';

/** Names a test or benchmark run may create, and so the only ones it may drop. */
const SCRATCH_NAME = /^sbt_(test|bench)_[a-z0-9_]+$/;

export async function withAdmin<T>(
  serverUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  // A connection the server ends emits 'error' even while a query waits on it: without a
  // listener that would end the process; the failure reaches the caller through the query.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server of `serverUrl` and migrates it. With `roles`, the
 * database belongs to the owner role, which runs the migrations, and `url` logs in as the
 * runtime role (README "Database roles"); without, both are the server's user. A database
 * whose migration fails is dropped again.
 */
export async function createScratchDatabase(
  serverUrl: string,
  name: string,
  roles?: ApplicationRoles,
): Promise<{ url: string; ownerUrl: string }> {
  if (!SCRATCH_NAME.test(name)) throw new Error(`${name} is not a scratch database name`);
  await withAdmin(serverUrl, (admin) =>
    admin.query(
      `CREATE DATABASE "${name}"${roles ? ` OWNER ${admin.escapeIdentifier(roles.owner.name)}` : ''}`,
    ),
  );
  const serverDatabaseUrl = new URL(serverUrl);
  serverDatabaseUrl.pathname = `/${name}`;
  const url = roles ? urlAs(serverUrl, roles.runtime, name) : serverDatabaseUrl.toString();
  const ownerUrl = roles ? urlAs(serverUrl, roles.owner, name) : url;
  try {
    await migrateSchema({
      url,
      migrationUrl: ownerUrl,
      runtimeRole: roles?.runtime.name,
      poolSize: 2,
      ssl: false,
      migrationsRun: false,
    });
  } catch (error) {
    await dropScratchDatabase(serverUrl, name);
    throw error;
  }
  return { url, ownerUrl };
}

/** Drops a database made by createScratchDatabase; refuses any other name. */
export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  if (!SCRATCH_NAME.test(name)) throw new Error(`refusing to drop ${name}: not a scratch database`);
  await withAdmin(serverUrl, async (admin) => {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

/** Deletes every Redis key that starts with `prefix` (derived prefixes included); returns how many. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5000 });
  redis.on('error', () => undefined);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
