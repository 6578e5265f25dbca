import { DomainError } from '@app/core';

/** Errors of linking one's own account (answered to the web app's fetch, as problems). */
export const OidcLinkErrors = {
  noProvider: () =>
    new DomainError(
      'conflict',
      'NO_IDENTITY_PROVIDER',
      'Your organisation has no identity provider that is switched on: there is nothing to link.',
    ),
  unreachable: () =>
    new DomainError(
      'unavailable',
      'IDENTITY_PROVIDER_UNREACHABLE',
      "Your organisation's identity provider cannot be reached now. Try again later.",
    ).retryAfter(30),
} as const;
