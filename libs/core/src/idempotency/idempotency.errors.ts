import { DomainError } from '../errors/domain-error';

/** What a stored first answer holds, to be sent again. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Not a failure: the key's request was carried out while this one waited to start. Thrown
 * out of the transaction (which rolls back, having changed nothing) for the HTTP layer to
 * answer with the stored response.
 */
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('the request with this Idempotency-Key was carried out already');
    this.name = 'IdempotentReplay';
  }
}

export const IdempotencyErrors = {
  invalidKey: () =>
    new DomainError(
      'invalid_input',
      'VALIDATION_FAILED',
      'The request contains invalid parameters.',
      [{ name: 'Idempotency-Key', reason: 'must be 1 to 255 visible ASCII characters' }],
    ),
  /** The first request with this key has not finished yet. */
  inFlight: () =>
    new DomainError(
      'conflict',
      'IDEMPOTENCY_KEY_IN_FLIGHT',
      'A request with this Idempotency-Key is still being processed. Try again after the time in the Retry-After header.',
    ).retryAfter(1),
  /** The same key came with another request (another body or path). */
  reused: () =>
    new DomainError(
      'unprocessable',
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different request. Use a new key for a new request.',
    ),
  /**
   * The key's request was carried out, but the process ended between its commit and storing
   * its answer (a crash in that moment): the answer cannot be repeated.
   */
  responseLost: () =>
    new DomainError(
      'conflict',
      'IDEMPOTENCY_KEY_USED',
      'The request with this Idempotency-Key was carried out, but its response is not available. Look the result up instead of sending the request again.',
    ),
} as const;
