import { DomainError } from '@app/core';

export const BrowserSessionErrors = {
  /**
   * A cookie-authenticated request that did not come from a page of ours: without the custom
   * header (a form or a simple cross-site request cannot set one) or from an origin that is
   * not allowed.
   */
  csrfCheckFailed: () =>
    new DomainError(
      'forbidden',
      'CSRF_CHECK_FAILED',
      'Browser-session requests need the header `X-CSRF-Protection: 1` and must come from an ' +
        'allowed origin (the web app).',
    ),
} as const;
