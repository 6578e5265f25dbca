import { queryPreparedIn } from '@app/core';
import type { EntityManager } from 'typeorm';
import { ORGANISATION_ROWS } from '@app/identity';

/** Which of `ids` are organisations: for the reference checks of commitments and actions. */
export async function knownOrganisations(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryPreparedIn<{ id: string }>(
    manager,
    `SELECT id FROM ${ORGANISATION_ROWS} o WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Set(rows.map((row) => row.id));
}
