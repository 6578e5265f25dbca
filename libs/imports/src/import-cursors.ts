// The cursors of the imports' lists as a client sends them back, checked before they reach SQL.
import { CoreErrors, decodeCursor } from '@app/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The (createdAt, id) a list cursor carries, checked here: a tampered value would otherwise
 * reach PostgreSQL as a timestamp or uuid it cannot read (a 500 instead of a 400).
 */
export function listCursor(raw: string): { createdAt: string; id: string } {
  const [createdAt, id] = decodeCursor(raw, '-createdAt', 2).values;
  const instant = new Date(createdAt);
  // Only the form this API writes (toISOString), so PostgreSQL reads whatever passes.
  const issued = !Number.isNaN(instant.getTime()) && instant.toISOString() === createdAt;
  if (!issued || !UUID.test(id)) throw CoreErrors.invalidCursor();
  return { createdAt, id };
}

/** The position a rows cursor carries. */
export function rowsCursor(raw: string): number {
  const position = Number(decodeCursor(raw, 'position', 1).values[0]);
  if (!Number.isSafeInteger(position) || position < 0) throw CoreErrors.invalidCursor();
  return position;
}
