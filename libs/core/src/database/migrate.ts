import { DataSource } from 'typeorm';

// An arbitrary but fixed key: concurrent starters (api replicas, the launcher) take turns.
const MIGRATION_LOCK_KEY = 7_352_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock; returns the names it ran.
 * The lock holds one pooled connection while the migrations use another: pool size >= 2.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}
