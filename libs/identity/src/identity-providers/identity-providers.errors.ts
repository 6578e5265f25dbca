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
  /** Production talks to providers over TLS only; http is for a development provider. */
  httpIssuerInProduction: () =>
    CoreErrors.validationFailed([{ name: 'issuer', reason: 'must use https in production' }]),
} as const;
