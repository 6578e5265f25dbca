import { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { migrations } from '../../../../migrations';
import { AppConfig } from '../config/app-config';

/**
 * The one definition of how we reach PostgreSQL, used by the apps, the migration CLI, the
 * launcher and the tests. The schema only changes through migrations: never `synchronize`.
 */
export function dataSourceOptions(
  database: AppConfig['database'],
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<string | Function | EntitySchema> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    ssl: database.ssl ? { rejectUnauthorized: true } : false,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Off: TypeORM would print failed SQL with its bound values outside the structured log.
    // Errors reach the caller, and the error filter logs them without query or parameters.
    logging: false,
    extra: {
      max: database.poolSize,
      // Instants are answered in UTC; dates are computed in Europe/Amsterdam explicitly.
      options: '-c TimeZone=UTC',
      application_name: 'sterk-bestuur-tracker',
    },
  };
}
