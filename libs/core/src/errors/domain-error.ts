/**
 * What kind of failure a domain error is. The HTTP layer maps each kind to one status code
 * (exhaustively), so a service never thinks in HTTP terms.
 */
export type ErrorKind =
  | 'invalid_input' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: a forbidden state transition or a duplicate
  | 'precondition_failed' // 412: a stale If-Match
  | 'unprocessable' // 422: understood, but not what this request may do (a reused Idempotency-Key)
  | 'payload_too_large' // 413
  | 'unsupported_media_type' // 415
  | 'precondition_required' // 428: If-Match missing
  | 'rate_limited' // 429
  | 'unavailable'; // 503

/** One problem with one input field, as reported in a problem's `invalidParams`. */
export interface InvalidParam {
  name: string;
  reason: string;
}

/**
 * A failure the caller can act on, with a stable machine-readable `code`
 * (e.g. `ACTION_NOT_FOUND`). Its message is safe to show to the client.
 */
export class DomainError extends Error {
  /**
   * For a 429 or a 503: when the client may try again (seconds), sent as RFC 9110
   * `Retry-After` by the HTTP layer.
   */
  retryAfterSeconds?: number;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same error, telling the client to try again after `seconds` (at least 1). */
  retryAfter(seconds: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(seconds));
    return this;
  }
}

/** Errors every context can raise; contexts define their own in `<context>.errors.ts`. */
export const CoreErrors = {
  validationFailed: (invalidParams: InvalidParam[]) =>
    new DomainError(
      'invalid_input',
      'VALIDATION_FAILED',
      'The request contains invalid parameters.',
      invalidParams,
    ),
  invalidCursor: () =>
    new DomainError('invalid_input', 'INVALID_CURSOR', 'The pagination cursor is not valid.', [
      { name: 'cursor', reason: 'is not a cursor this API issued for this list and sort' },
    ]),
  /**
   * A dependency (PostgreSQL, Redis) did not answer, or a transaction kept meeting others
   * (deadlock, serialisation failure, lock timeout) after its retries: not the caller's fault.
   */
  unavailable: (retryAfterSeconds = 1) =>
    new DomainError(
      'unavailable',
      'SERVICE_UNAVAILABLE',
      'The service is temporarily unavailable. Try again after the time in the Retry-After header.',
    ).retryAfter(retryAfterSeconds),
  invalidSort: (reason: string) =>
    new DomainError('invalid_input', 'INVALID_SORT', 'The sort parameter is not valid.', [
      { name: 'sort', reason },
    ]),
} as const;
