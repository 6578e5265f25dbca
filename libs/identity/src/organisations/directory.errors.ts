import { DomainError } from '@app/core';
import { IdentityErrors } from '../identity.errors';

/** Errors of the directory: organisations and user accounts. */
export const DirectoryErrors = {
  organisationNotFound: () => IdentityErrors.notFound('organisation'),
  userNotFound: () => IdentityErrors.notFound('user'),
  organisationCodeTaken: (code: string) =>
    new DomainError(
      'conflict',
      'ORGANISATION_CODE_TAKEN',
      `Another organisation already has the code ${code}.`,
    ),
  emailTaken: () =>
    new DomainError('conflict', 'EMAIL_TAKEN', 'Another user already has this e-mail address.'),
  /**
   * An administrator who deactivates or demotes their own account could leave the platform
   * without an administrator; another administrator has to do it.
   */
  selfLockout: () =>
    new DomainError(
      'conflict',
      'SELF_LOCKOUT',
      'You cannot deactivate your own account or give up your own platform administration; ask another administrator.',
    ),
} as const;
