import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../libs/core/src/config/database-config';
import { migrationDataSourceOptions } from '../libs/core/src/database/data-source-options';
import { migrations } from './index';

// The apps register entities per module (autoLoadEntities); the CLI, which compares entities
// with the schema for `migration:generate`, finds them all in the build output.
const distRoot = resolve(__dirname, '..');

/**
 * The DataSource file for the TypeORM CLI (`npm run migration:*`). Reads only the database
 * variables, so running or generating a migration needs nothing but DATABASE_URL (and
 * MIGRATION_DATABASE_URL with two roles: the CLI connects as the migration role). Relative
 * imports: the CLI loads it without the `@app/*` aliases.
 */
export default new DataSource(
  migrationDataSourceOptions(loadDatabaseConfig(process.env), migrations, [
    join(distRoot, 'libs/*/src/**/*.entity.js'),
  ]),
);
