// Brings the database up to date: migrations (under an advisory lock), then the idempotent
// seeds. Run by the launcher before the API and worker start; `npm run db:migrate` by hand.
// The migrations run as the migration role (MIGRATION_DATABASE_URL, else DATABASE_URL); the
// seeds are only rows, written as the runtime role the apps use (DATABASE_URL).
import '../libs/core/src/runtime/register-aliases';
import { DataSource } from 'typeorm';
import { ConfigValidationError, dataSourceOptions, loadDatabaseConfig } from '@app/core';
import { migrateSchema } from '../migrations/migrate';
import { loadSeedConfig, runSeeds } from '../seeds';

async function main(): Promise<void> {
  const withSeeds = !process.argv.includes('--no-seeds');
  const database = loadDatabaseConfig(process.env);
  // Read before connecting: a bad bootstrap administrator stops the start with a clear message.
  const seedConfig = withSeeds ? loadSeedConfig(process.env) : undefined;
  const ran = await migrateSchema(database);
  process.stdout.write(
    ran.length > 0 ? `migrations applied: ${ran.join(', ')}\n` : 'database schema is up to date\n',
  );
  if (database.runtimeRole) {
    process.stdout.write(`privileges granted to the runtime role ${database.runtimeRole}\n`);
  }
  if (seedConfig) {
    const dataSource = new DataSource(dataSourceOptions({ ...database, poolSize: 2 }));
    await dataSource.initialize();
    try {
      const seeded = await runSeeds(dataSource, seedConfig);
      process.stdout.write(
        `seeds checked: ${seeded.length > 0 ? seeded.join(', ') : 'none yet'}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigValidationError
      ? `${error.message}\n`
      : `migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
