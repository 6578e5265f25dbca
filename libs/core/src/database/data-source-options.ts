import { types } from 'pg';
import { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { migrations } from '../../../../migrations';
import { AppConfig } from '../config/app-config';

// A `date` is a calendar day (a deadline in Europe/Amsterdam), not an instant: node-postgres
// would make it a Date at local midnight; raw queries get it as its YYYY-MM-DD text, as
// TypeORM's entities do.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);

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
      // Instants are answered in UTC; dates are computed in Europe/Amsterdam explicitly. A lock
      // wait past the limit fails (55P03) and is retried (Transactions), never hangs a request.
      options: `-c TimeZone=UTC${database.lockTimeoutMs ? ` -c lock_timeout=${database.lockTimeoutMs}` : ''}`,
      application_name: 'sterk-bestuur-tracker',
    },
  };
}
