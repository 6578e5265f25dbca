/** PostgreSQL SQLSTATEs that services turn into domain errors. */
export const SqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
} as const;

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
