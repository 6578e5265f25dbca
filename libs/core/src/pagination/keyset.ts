import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CoreErrors } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './cursor';
import { formatSort, SortDirection, SortTerm } from './sort';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** A sortable key of a list: the SQL expression behind it. It must never be NULL (use COALESCE). */
export interface SortableColumn {
  expression: string;
}

export interface KeysetOptions {
  sort: readonly SortTerm[];
  columns: Readonly<Record<string, SortableColumn>>;
  /** A unique, non-null expression (usually the primary key) that makes the order total. */
  tiebreaker: string;
  limit: number;
  cursor?: string;
}

export interface KeysetPage<T> {
  items: T[];
  nextCursor?: string;
  prevCursor?: string;
}

interface KeyTerm {
  expression: string;
  direction: SortDirection;
}

/**
 * The WHERE clause that selects rows strictly after `values` in the given order: a row
 * comparison `(k1, k2) > (v1, v2)` when every key sorts one way, otherwise spelled out as
 * (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... with `<` for descending keys.
 */
export function keysetCondition(
  terms: readonly KeyTerm[],
  paramPrefix: string,
  inclusive = false,
): { sql: string; parameterNames: string[] } {
  const parameterNames = terms.map((_, index) => `${paramPrefix}${index}`);
  if (terms.every((term) => term.direction === terms[0].direction)) {
    // One direction: a row comparison, which PostgreSQL reads as one index range; the
    // spelled-out form below makes it scan everything before the cursor on deep pages.
    const strict = terms[0].direction === 'asc' ? '>' : '<';
    const operator = inclusive ? `${strict}=` : strict;
    return {
      sql: `(${terms.map((term) => term.expression).join(', ')}) ${operator} (${parameterNames
        .map((name) => `:${name}`)
        .join(', ')})`,
      parameterNames,
    };
  }
  const disjuncts = terms.map((term, index) => {
    const equalities = terms
      .slice(0, index)
      .map((previous, j) => `${previous.expression} = :${parameterNames[j]}`);
    const strict = term.direction === 'asc' ? '>' : '<';
    // Inclusive: the last key (the unique tiebreaker) may also equal, i.e. the row itself.
    const operator = inclusive && index === terms.length - 1 ? `${strict}=` : strict;
    return [...equalities, `${term.expression} ${operator} :${parameterNames[index]}`].join(
      ' AND ',
    );
  });
  return { sql: disjuncts.map((disjunct) => `(${disjunct})`).join(' OR '), parameterNames };
}

const flip = (direction: SortDirection): SortDirection => (direction === 'asc' ? 'desc' : 'asc');

/**
 * Keyset (cursor) pagination on a query builder: stable under inserts, no OFFSET scans.
 * The query must yield one row per entity (no to-many joins). Key values travel in the cursor
 * as PostgreSQL text, so timestamps keep their microseconds.
 */
export function paginateKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: KeysetOptions,
): Promise<KeysetPage<T>> {
  return keysetPage(query, options, async (qb) => {
    const { entities, raw } = await qb.getRawAndEntities();
    return { items: entities, raw: raw as Record<string, string>[] };
  });
}

/**
 * `paginateKeyset` answering raw rows (the query's selections, as `run` answers them, plus
 * `keyset_value_<n>` columns) instead of entities: no hydration, for read paths that select
 * exactly what their response needs. `run` executes the query's SQL (e.g. `queryPrepared`).
 */
export function paginateKeysetRaw<R extends object>(
  query: SelectQueryBuilder<ObjectLiteral>,
  options: KeysetOptions,
  run: (sql: string, parameters: readonly unknown[]) => Promise<R[]>,
): Promise<KeysetPage<R>> {
  return keysetPage(query, options, async (qb) => {
    const [sql, parameters] = qb.getQueryAndParameters();
    const rows = await run(sql, parameters);
    return { items: rows, raw: rows as unknown as Record<string, string>[] };
  });
}

async function keysetPage<Q extends ObjectLiteral, T>(
  query: SelectQueryBuilder<Q>,
  options: KeysetOptions,
  fetch: (qb: SelectQueryBuilder<Q>) => Promise<{ items: T[]; raw: Record<string, string>[] }>,
): Promise<KeysetPage<T>> {
  const sortSignature = formatSort(options.sort);
  const terms: KeyTerm[] = [
    ...options.sort.map((term) => ({
      expression: options.columns[term.key].expression,
      direction: term.direction,
    })),
    // The tiebreaker follows the last key, so that a one-way sort reads one index backwards
    // or forwards instead of sorting.
    { expression: options.tiebreaker, direction: options.sort.at(-1)?.direction ?? 'asc' },
  ];
  const cursor =
    options.cursor === undefined
      ? undefined
      : decodeCursor(options.cursor, sortSignature, terms.length);
  const backwards = cursor?.direction === 'prev';
  const effective = backwards
    ? terms.map((term) => ({ ...term, direction: flip(term.direction) }))
    : terms;

  const qb = query.clone();
  if (cursor) {
    const condition = keysetCondition(effective, 'keyset_', cursor.inclusive);
    const parameters = Object.fromEntries(
      condition.parameterNames.map((name, index) => [name, cursor.values[index]]),
    );
    qb.andWhere(`(${condition.sql})`, parameters);
  }
  terms.forEach((term, index) =>
    qb.addSelect(`(${term.expression})::text`, `keyset_value_${index}`),
  );
  effective.forEach((term, index) => {
    const direction = term.direction === 'asc' ? 'ASC' : 'DESC';
    if (index === 0) qb.orderBy(term.expression, direction);
    else qb.addOrderBy(term.expression, direction);
  });
  qb.limit(options.limit + 1);

  let result: { items: T[]; raw: Record<string, string>[] };
  try {
    result = await fetch(qb);
  } catch (error) {
    // A cursor value PostgreSQL cannot read as the key's type (a tampered cursor): class 22.
    const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
    if (cursor && typeof code === 'string' && code.startsWith('22'))
      throw CoreErrors.invalidCursor();
    throw error;
  }
  const { raw } = result;
  const hasMore = result.items.length > options.limit;
  let items = result.items.slice(0, options.limit);
  let keys = raw
    .slice(0, options.limit)
    .map((row) => terms.map((_, index) => row[`keyset_value_${index}`]));
  if (backwards) {
    items = items.reverse();
    keys = keys.reverse();
  }
  const cursorFor = (direction: 'next' | 'prev', values: string[] | undefined) =>
    values ? encodeCursor({ direction, sort: sortSignature, values }) : undefined;
  if (items.length === 0 && cursor) {
    // Rows went away under the cursor: no page here, but the way back stays open.
    const back = backwards ? 'next' : 'prev';
    const link = encodeCursor({
      direction: back,
      sort: sortSignature,
      values: cursor.values,
      inclusive: true,
    });
    return backwards ? { items, nextCursor: link } : { items, prevCursor: link };
  }
  const first = keys[0];
  const last = keys[keys.length - 1];
  return {
    items,
    nextCursor: (backwards ? true : hasMore) ? cursorFor('next', last) : undefined,
    prevCursor: (backwards ? hasMore : cursor !== undefined) ? cursorFor('prev', first) : undefined,
  };
}
