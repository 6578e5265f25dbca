/** PostgreSQL SQLSTATEs that services turn into domain errors. */
export const SqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03',
} as const;

/** The SQLSTATE of a PostgreSQL error (also inside TypeORM's QueryFailedError), if any. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = (error as { driverError?: unknown }).driverError;
  const source = (
    typeof driverError === 'object' && driverError !== null ? driverError : error
  ) as { code?: unknown };
  return typeof source.code === 'string' && /^[0-9A-Z]{5}$/.test(source.code)
    ? source.code
    : undefined;
}

/**
 * A transaction that met another one — a deadlock (40P01), a serialisation failure (40001) or
 * a lock timeout (55P03) — and was rolled back: repeating it from the start may succeed.
 */
export function isTransactionConflict(error: unknown): boolean {
  const state = sqlStateOf(error);
  return (
    state === SqlState.deadlockDetected ||
    state === SqlState.serializationFailure ||
    state === SqlState.lockNotAvailable
  );
}

/** SQLSTATEs of a server that went away or refuses work for now (not the query's fault). */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: terminated by pg_terminate_backend or a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or recovering
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
  '53100', // disk_full
  '53200', // out_of_memory
  '25006', // read_only_sql_transaction: a primary that became a standby
]);

/** Node socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENETDOWN',
  'EHOSTDOWN',
]);

/**
 * TypeORM's errors for a query runner used after its connection was handed back. The
 * PostgreSQL query runner hands its connection back by itself when the connection fails
 * (its 'error' listener), so the rest of a transaction or report on it fails this way: our
 * code never uses a runner after releasing it, and a bug that did would show as this 503's
 * logged error.
 */
const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/** node-postgres and pg-pool say these in words, without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode)/,
  /Query read timeout/,
];

/**
 * Whether `error` says that PostgreSQL could not be reached or the connection was lost
 * (including a connection class 08 SQLSTATE): an outage, answered 503, never the caller's
 * fault (DESIGN §5).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (RELEASED_RUNNER_ERRORS.has((error as { name?: unknown }).name as string)) return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  const source = (
    typeof driverError === 'object' && driverError !== null ? driverError : error
  ) as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  const state = sqlStateOf(error);
  if (state !== undefined && (state.startsWith('08') || UNAVAILABLE_STATES.has(state))) return true;
  if (typeof source.code === 'string' && SOCKET_CODES.has(source.code)) return true;
  if (
    typeof source.message === 'string' &&
    UNAVAILABLE_MESSAGES.some((re) => re.test(source.message as string))
  )
    return true;
  // An AggregateError of a connection attempt to several addresses (IPv4 and IPv6).
  if (
    Array.isArray(source.errors) &&
    source.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))
  )
    return true;
  // A wrapper that keeps the failure as its cause (pg-pool's connection timeout does).
  return isDatabaseUnavailable(source.cause, depth + 1);
}

/**
 * The constraint (or unique index) a database error violated, when it is a violation of the
 * given kind; undefined for anything else. TypeORM wraps the driver's error in a
 * QueryFailedError whose `driverError` carries the SQLSTATE and the constraint name.
 */
export function violatedConstraint(
  error: unknown,
  state: (typeof SqlState)[keyof typeof SqlState],
): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = (error as { driverError?: unknown }).driverError;
  const source = (
    typeof driverError === 'object' && driverError !== null ? driverError : error
  ) as {
    code?: unknown;
    constraint?: unknown;
  };
  if (source.code !== state) return undefined;
  return typeof source.constraint === 'string' ? source.constraint : '';
}

/** Whether `error` is a unique violation (23505) of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return violatedConstraint(error, SqlState.uniqueViolation) === constraint;
}
