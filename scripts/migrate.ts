// Brings the database up to date: migrations (under an advisory lock), then the idempotent
// seeds. Run by the launcher before the API and worker start; `npm run db:migrate` by hand.
import '../libs/core/src/runtime/register-aliases';
import { ConfigValidationError, runMigrations } from '@app/core';
import dataSource from '../libs/core/src/database/data-source';
import { loadSeedConfig, runSeeds } from '../seeds';

async function main(): Promise<void> {
  const withSeeds = !process.argv.includes('--no-seeds');
  // Read before connecting: a bad bootstrap administrator stops the start with a clear message.
  const seedConfig = withSeeds ? loadSeedConfig(process.env) : undefined;
  await dataSource.initialize();
  try {
    const ran = await runMigrations(dataSource);
    process.stdout.write(
      ran.length > 0
        ? `migrations applied: ${ran.join(', ')}\n`
        : 'database schema is up to date\n',
    );
    if (seedConfig) {
      const seeded = await runSeeds(dataSource, seedConfig);
      process.stdout.write(
        `seeds checked: ${seeded.length > 0 ? seeded.join(', ') : 'none yet'}\n`,
      );
    }
  } finally {
    await dataSource.destroy();
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
