import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import {
  migrationDataSourceOptions,
  type Migrations,
  RUNTIME_ROLE_SETTING,
} from './data-source-options';

// An arbitrary but fixed key: concurrent starters (api replicas, the launcher) take turns.
const MIGRATION_LOCK_KEY = 7_352_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock; returns the names it ran.
 * The lock holds one pooled connection while the migrations use another: pool size >= 2.
 *
 * When the connection names a runtime role (`migrationDataSourceOptions`), its privileges are
 * granted again afterwards, also when nothing was pending: the grants follow the
 * configuration (a deployment that moves from one role to two, a renamed runtime role) and
 * undo any drift. Re-granting is idempotent.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    const [{ role }] = (await runner.query('SELECT current_setting($1, true) AS role', [
      RUNTIME_ROLE_SETTING,
    ])) as { role: string | null }[];
    if (role) await runner.query('SELECT grant_runtime_privileges($1)', [role]);
    return done.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}

/**
 * Migrates the database as the migration role (MIGRATION_DATABASE_URL, or DATABASE_URL with
 * one role) on connections of its own, closed again afterwards; returns the names it ran.
 * `migrations`: the list of `migrations/index.ts` (its `migrateSchema` passes it).
 */
export async function migrateDatabase(
  database: AppConfig['database'],
  migrations: Migrations,
): Promise<string[]> {
  const dataSource = new DataSource(migrationDataSourceOptions(database, migrations));
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
