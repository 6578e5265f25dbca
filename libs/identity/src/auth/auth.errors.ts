import { CoreErrors, DomainError } from '@app/core';

export const AuthErrors = {
  /** One answer for an unknown e-mail, a wrong password, an inactive user and no password. */
  invalidCredentials: () =>
    new DomainError(
      'unauthenticated',
      'INVALID_CREDENTIALS',
      'The e-mail address or the password is not correct.',
    ),
  /**
   * The right password, but the person's organisation signs in through its own provider
   * only: said after the password matched, so it tells nothing to who does not know it.
   */
  passwordSignInDisabled: () =>
    new DomainError(
      'forbidden',
      'PASSWORD_SIGN_IN_DISABLED',
      "Your organisation signs in through its own identity provider: use 'sign in with your " +
        "organisation' (GET /auth/oidc/start).",
    ),
  /** Unknown, used, revoked or expired refresh token, or an inactive user: sign in again. */
  invalidRefreshToken: () =>
    new DomainError(
      'unauthenticated',
      'INVALID_REFRESH_TOKEN',
      'The refresh token is not (or no longer) valid. Sign in again.',
    ),
  /** A 429 that tells the client when to try again (the HTTP layer sends it as Retry-After). */
  loginLocked: (retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'LOGIN_LOCKED',
      'Too many failed log-ins. Try again after the time in the Retry-After header.',
    ).retryAfter(retryAfterSeconds),
  /** Log-in throttling cannot be checked (Redis away): refuse rather than allow guessing. */
  loginUnavailable: () =>
    new DomainError(
      'unavailable',
      'LOGIN_UNAVAILABLE',
      'Signing in is temporarily unavailable. Try again after the time in the Retry-After header.',
    ).retryAfter(5),
  /** LOGIN_LOCKED for a password change: the same counters, locked for both. */
  passwordChangeLocked: (retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'PASSWORD_CHANGE_LOCKED',
      'Too many wrong passwords for this account or from this address. Try again after the ' +
        'time in the Retry-After header.',
    ).retryAfter(retryAfterSeconds),
  /** The throttle cannot be checked (Redis away): refuse, as log-in does. */
  passwordChangeUnavailable: () =>
    new DomainError(
      'unavailable',
      'PASSWORD_CHANGE_UNAVAILABLE',
      'Changing your password is temporarily unavailable. Try again after the time in the ' +
        'Retry-After header.',
    ).retryAfter(5),
  apiTokenNotFound: () =>
    new DomainError('not_found', 'API_TOKEN_NOT_FOUND', 'No such API token of yours.'),
  expiresAtInPast: () =>
    CoreErrors.validationFailed([{ name: 'expiresAt', reason: 'must be in the future' }]),
} as const;
