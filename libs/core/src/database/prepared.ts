import { createHash } from 'node:crypto';
import { type CustomTypesConfig, type Pool, type PoolClient, Query, type QueryResult } from 'pg';
import {
  type DataSource,
  type EntityManager,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** At most this many texts are prepared; any further text runs unnamed (parsed each time). */
const MAX_PREPARED = 200;

const names = new Map<string, string>();

/** A statement's name, derived from its text: the same text is the same prepared statement. */
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement of its own (autocommit, outside any transaction) as a prepared statement
 * on a pooled connection: each connection parses and plans it once, and later requests only
 * bind and execute. For the statements every request runs (authentication, reading and
 * changing an action), whose text takes a few shapes at most: each connection keeps every
 * statement it prepared, so only the first `MAX_PREPARED` texts are prepared. A failure is
 * a TypeORM `QueryFailedError` (SQLSTATE in `driverError.code`), as from `DataSource.query`.
 * Named statements need session pooling (or PgBouncer 1.21+ with prepared statements on).
 */
export async function queryPrepared<T>(
  dataSource: DataSource,
  text: string,
  values: readonly unknown[],
  options: PreparedOptions = {},
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return run(pool, text, values, options);
}

export interface PreparedOptions {
  /** How the driver reads the answer's types, for this statement (e.g. INSTANTS_AS_TEXT). */
  types?: CustomTypesConfig;
}

/**
 * The same inside the transaction of `manager` (on its connection), for the statements of
 * one fixed text that a change runs each time (an action's insert, its audit event): on the
 * 10,000 rows of an import, parsing and planning them once per connection cut PostgreSQL's
 * time by a third. Not for texts built from what changes (each would take a name for good).
 * Answers the rows (not TypeORM's `[rows, count]` of an UPDATE or DELETE).
 */
export async function queryPreparedIn<T>(
  manager: EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner as PostgresQueryRunner | undefined;
  if (!runner) return queryPrepared<T>(manager.connection, text, values);
  // Its connection may be another's by now, as TypeORM's own query() refuses.
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const client = (await runner.connect()) as PoolClient;
  return run(client, text, values);
}

/** A pool or a client, given a Query and the callback that settles it (pg's own form). */
interface Submits {
  query(query: Query, callback: (error: Error | undefined, result: QueryResult) => void): void;
}

async function run<T>(
  on: Pick<Pool, 'query'>,
  text: string,
  values: readonly unknown[],
  options: PreparedOptions = {},
): Promise<T[]> {
  const name = nameOf(text);
  // A Query made from the text, named afterwards: given a config object instead, pg copies
  // it property by property for every statement (Object.defineProperties, which leaves V8 a
  // slow object), about 2 % of the API's CPU for one action (issue 23). Types are read when
  // the Query is made, so a statement with types of its own takes the config form.
  let query: Query;
  if (options.types) {
    query = new Query({ name, text, values: values as unknown[], types: options.types });
  } else {
    query = new Query(text, values as unknown[]);
    if (name !== undefined) (query as Query & { name?: string }).name = name;
  }
  try {
    const result = await new Promise<QueryResult>((resolve, reject) =>
      (on as unknown as Submits).query(query, (error, answer) =>
        error ? reject(error) : resolve(answer),
      ),
    );
    return result.rows as T[];
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      throw new QueryFailedError(text, [...values], error);
    }
    throw error;
  }
}
