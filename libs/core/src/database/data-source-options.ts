import { Logger } from '@nestjs/common';
import { types, type ClientBase } from 'pg';
import { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';

// A `date` is a calendar day (a deadline in Europe/Amsterdam), not an instant: node-postgres
// would make it a Date at local midnight; raw queries get it as its YYYY-MM-DD text, as
// TypeORM's entities do.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<string | Function | EntitySchema>;

/** The migrations, in order: the list in `migrations/index.ts`, which core does not import. */
export type Migrations = NonNullable<DataSourceOptions['migrations']>;

/** The session setting through which the migrations learn the runtime role's name. */
export const RUNTIME_ROLE_SETTING = 'sbt.runtime_role';

const logger = new Logger('Database');

/**
 * Gives every pooled connection an 'error' listener from the moment it is connected, for its
 * whole life. Without one, an error the connection emits while nobody listens ends the
 * process (Node's rule for 'error' events). pg-pool listens while a connection is idle and
 * TypeORM while a query runner holds it, but TypeORM attaches its listener a few microtasks
 * after the pool hands the connection over: when PostgreSQL dies just as a connection is
 * made, its ReadyForQuery and its FATAL 57P01 arrive in one read, and the error is emitted in
 * between (issue 16: the API exited on a kill -9 of the postmaster). The error itself is not
 * lost: the connection is no longer queryable, so its holder's next query fails (a 503),
 * and the pool drops it on release and connects a new one when asked.
 */
function listenForErrors(client: ClientBase): void {
  client.on('error', () => undefined);
}

/**
 * The one definition of how we reach PostgreSQL, used by the apps, the migration CLI, the
 * launcher and the tests. The schema only changes through migrations: never `synchronize`.
 */
export function dataSourceOptions(
  database: Pick<AppConfig['database'], 'url' | 'poolSize' | 'ssl' | 'lockTimeoutMs'>,
  entities: Entities = [],
  session: { settings?: string; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    ssl: database.ssl ? { rejectUnauthorized: true } : false,
    entities,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Off: TypeORM would print failed SQL with its bound values outside the structured log.
    // Errors reach the caller, and the error filter logs them without query or parameters.
    logging: false,
    // An idle connection that fails is dropped by the pool and replaced on demand; said once,
    // here (TypeORM's own handler logs through its logger, which `logging: false` silences).
    poolErrorHandler: (error: Error) =>
      logger.warn(`a pooled PostgreSQL connection was lost and is replaced: ${error.message}`),
    extra: {
      max: database.poolSize,
      // Instants are answered in UTC; dates are computed in Europe/Amsterdam explicitly. A lock
      // wait past the limit fails (55P03) and is retried (Transactions), never hangs a request.
      options: `-c TimeZone=UTC${database.lockTimeoutMs ? ` -c lock_timeout=${database.lockTimeoutMs}` : ''}${session.settings ?? ''}`,
      application_name: session.applicationName ?? 'sterk-bestuur-tracker',
      onConnect: listenForErrors,
    },
  };
}

/** A value inside libpq's `options`: spaces and backslashes are escaped with a backslash. */
function optionValue(value: string): string {
  return value.replace(/[\\\s]/g, (character) => `\\${character}`);
}

/**
 * How the migrations reach PostgreSQL: as the owner role (MIGRATION_DATABASE_URL, or
 * DATABASE_URL with one role), with the runtime role's name in a session setting from which
 * the migrations grant it its privileges. Two connections: the migration lock holds one.
 */
export function migrationDataSourceOptions(
  database: Pick<AppConfig['database'], 'migrationUrl' | 'runtimeRole' | 'ssl'>,
  migrations: Migrations,
  entities: Entities = [],
): DataSourceOptions {
  const options = dataSourceOptions(
    { url: database.migrationUrl, poolSize: 2, ssl: database.ssl },
    entities,
    {
      settings:
        database.runtimeRole === undefined
          ? ''
          : ` -c ${RUNTIME_ROLE_SETTING}=${optionValue(database.runtimeRole)}`,
      applicationName: 'sterk-bestuur-tracker-migrations',
    },
  );
  return { ...options, migrations };
}
