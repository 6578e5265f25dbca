import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const names = new Map<string, string>();

/** A statement's name, derived from its text: the same text is the same prepared statement. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement of its own (autocommit, outside any transaction) as a prepared statement
 * on a pooled connection: each connection parses and plans it once, and later requests only
 * bind and execute. For the statements every request runs (authentication, reading and
 * changing an action); their text must not vary per request beyond a few shapes, as each
 * connection keeps every statement it prepared. Errors are the driver's (SQLSTATE in `code`).
 */
export async function queryPrepared<T>(
  dataSource: DataSource,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name: nameOf(text), text, values: [...values] });
  return result.rows as T[];
}
