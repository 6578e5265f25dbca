import type { EntityManager } from 'typeorm';

/** Runs `sql` over `rows` passed as one jsonb parameter; answers the ids it returned. */
export async function insertRows(
  manager: EntityManager,
  sql: string,
  rows: Record<string, unknown>[],
  ...params: unknown[]
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result: { id?: string }[] = await manager.query(sql, [JSON.stringify(rows), ...params]);
  return new Set(result.map((row) => row.id).filter((id) => id !== undefined));
}
