import type { AppConfig } from '../libs/core/src/config/app-config';
import { migrateDatabase } from '../libs/core/src/database/migrate';
import { migrations } from './index';

/**
 * Brings the database schema up to date with this repository's migrations (core's
 * `migrateDatabase` with the list; core does not import the migrations); returns the names
 * it ran. Relative imports, as `data-source.ts`: the scratch databases of the tests and
 * benchmarks use it without the `@app/*` aliases.
 */
export function migrateSchema(database: AppConfig['database']): Promise<string[]> {
  return migrateDatabase(database, migrations);
}
