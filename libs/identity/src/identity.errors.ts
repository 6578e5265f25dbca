import { DomainError } from '@app/core';

export const IdentityErrors = {
  unauthenticated: () =>
    new DomainError('unauthenticated', 'UNAUTHENTICATED', 'Sign in, or send a valid bearer token.'),
  forbidden: () =>
    new DomainError('forbidden', 'FORBIDDEN', 'You may see this resource but not do this to it.'),
  notFound: (what: string) =>
    new DomainError(
      'not_found',
      `${what.toUpperCase()}_NOT_FOUND`,
      `No such ${what.toLowerCase()}.`,
    ),
} as const;
