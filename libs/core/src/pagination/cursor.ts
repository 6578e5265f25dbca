import { CoreErrors } from '../errors/domain-error';

/** What a keyset cursor carries: the direction, the sort it belongs to, and the key values. */
export interface Cursor {
  direction: 'next' | 'prev';
  sort: string;
  values: string[];
  /** The row at `values` itself belongs to the page (the way back from an emptied page). */
  inclusive?: boolean;
}

const MAX_CURSOR_LENGTH = 2048;

export function encodeCursor(cursor: Cursor): string {
  const payload: unknown[] = [cursor.direction === 'next' ? 'n' : 'p', cursor.sort, cursor.values];
  if (cursor.inclusive) payload.push(1);
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Decodes a client-supplied cursor; anything malformed, or made for another sort, is a 400. */
export function decodeCursor(raw: string, expectedSort: string, valueCount: number): Cursor {
  if (raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) {
    throw CoreErrors.invalidCursor();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw CoreErrors.invalidCursor();
  }
  if (
    !Array.isArray(parsed) ||
    (parsed.length !== 3 && !(parsed.length === 4 && parsed[3] === 1)) ||
    (parsed[0] !== 'n' && parsed[0] !== 'p') ||
    parsed[1] !== expectedSort ||
    !Array.isArray(parsed[2]) ||
    parsed[2].length !== valueCount ||
    !parsed[2].every((value: unknown) => typeof value === 'string')
  ) {
    throw CoreErrors.invalidCursor();
  }
  return {
    direction: parsed[0] === 'n' ? 'next' : 'prev',
    sort: expectedSort,
    values: parsed[2],
    ...(parsed.length === 4 ? { inclusive: true } : {}),
  };
}
