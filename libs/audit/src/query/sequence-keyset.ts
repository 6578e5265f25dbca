import { CoreErrors, type Cursor, decodeCursor, encodeCursor, type KeysetPage } from '@app/core';

/**
 * Keyset pagination of the audit log, newest first, on its primary key alone.
 *
 * Why not core's paginateKeyset: it appends a tiebreaker to the sort, and with the sequence
 * as both the sort key and the tiebreaker its condition becomes `sequence < $1 OR (sequence =
 * $1 AND sequence > $2)`, which PostgreSQL cannot use as an index bound: every later page
 * scanned all newer rows (measured: 900,000 rows filtered for one page of a 1,000,000-row
 * log). Here the bound is one comparison, so each page is an index range. Cursors keep core's
 * format, so they look and fail (400 INVALID_CURSOR) like every other list's.
 */
export const NEWEST_FIRST = '-sequence';

const MAX_SEQUENCE = 9_223_372_036_854_775_807n; // PostgreSQL bigint

/** Reads a client's cursor for this list; anything else is a 400, before it reaches SQL. */
export function decodeSequenceCursor(raw: string): Cursor {
  const cursor = decodeCursor(raw, NEWEST_FIRST, 1);
  const [value] = cursor.values;
  if (!/^[1-9]\d{0,18}$/.test(value) || BigInt(value) > MAX_SEQUENCE) {
    throw CoreErrors.invalidCursor();
  }
  return cursor;
}

/** Where a page starts and which way it reads. */
export interface SequenceWindow {
  bound?: { operator: '<' | '<=' | '>' | '>='; sequence: string };
  order: 'ASC' | 'DESC';
}

export function sequenceWindow(cursor: Cursor | undefined): SequenceWindow {
  if (!cursor) return { order: 'DESC' };
  const backwards = cursor.direction === 'prev';
  const strict = backwards ? '>' : '<';
  return {
    bound: { operator: cursor.inclusive ? `${strict}=` : strict, sequence: cursor.values[0] },
    order: backwards ? 'ASC' : 'DESC',
  };
}

const link = (direction: 'next' | 'prev', sequence: string, inclusive = false) =>
  encodeCursor({
    direction,
    sort: NEWEST_FIRST,
    values: [sequence],
    ...(inclusive ? { inclusive } : {}),
  });

/**
 * The page from rows read in the window's order, `limit + 1` of them (the extra row tells
 * whether there is more). Links behave as core's paginateKeyset.
 */
export function sequencePage<T extends { sequence: string }>(
  rows: readonly T[],
  limit: number,
  cursor: Cursor | undefined,
): KeysetPage<T> {
  const backwards = cursor?.direction === 'prev';
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  if (backwards) items.reverse();
  if (items.length === 0) {
    if (!cursor) return { items };
    // Rows went away under the cursor: no page here, but the way back stays open.
    const at = cursor.values[0];
    return backwards
      ? { items, nextCursor: link('next', at, true) }
      : { items, prevCursor: link('prev', at, true) };
  }
  const first = items[0].sequence;
  const last = items[items.length - 1].sequence;
  return {
    items,
    nextCursor: backwards || hasMore ? link('next', last) : undefined,
    prevCursor: (backwards ? hasMore : cursor !== undefined) ? link('prev', first) : undefined,
  };
}
