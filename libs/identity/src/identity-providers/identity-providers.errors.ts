import { CoreErrors, DomainError } from '@app/core';
import { IdentityErrors } from '../identity.errors';

/** Errors of the organisations' identity providers. */
export const IdentityProviderErrors = {
  notFound: () => IdentityErrors.notFound('identity_provider'),
  /** One provider per organisation: its people sign in one way. */
  organisationHasProvider: () =>
    new DomainError(
      'conflict',
      'IDENTITY_PROVIDER_EXISTS',
      'This organisation already has an identity provider: change that one, or delete it first.',
    ),
  unknownOrganisation: () =>
    CoreErrors.validationFailed([
      { name: 'organisationId', reason: 'is not an existing organisation' },
    ]),
  /**
   * Switching off password sign-in for one's own organisation before one's account is linked
   * to its provider: nothing would be left to sign in with if the provider fails.
   */
  wouldLockYouOut: () =>
    new DomainError(
      'conflict',
      'SIGN_IN_WOULD_LOCK_YOU_OUT',
      'Switching off password sign-in for your own organisation would lock you out: sign in ' +
        'through this provider once first (that links your account), then switch it off.',
    ),
  /** Production talks to providers over TLS only; http is for a development provider. */
  httpIssuerInProduction: () =>
    CoreErrors.validationFailed([{ name: 'issuer', reason: 'must use https in production' }]),
} as const;
