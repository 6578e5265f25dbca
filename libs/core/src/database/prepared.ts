import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** At most this many texts are prepared; any further text runs unnamed (parsed each time). */
const MAX_PREPARED = 100;

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
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  try {
    const result = await pool.query({ name: nameOf(text), text, values: [...values] });
    return result.rows as T[];
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      throw new QueryFailedError(text, [...values], error);
    }
    throw error;
  }
}
