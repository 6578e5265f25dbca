import { CoreErrors, DomainError, type InvalidParam } from '@app/core';
import { IdentityErrors } from '../identity.errors';

/** The constraints whose violations the programmes part turns into domain errors. */
export const ProgrammeConstraints = {
  slug: 'uq_programmes_slug',
  membership: 'uq_memberships_programme_user',
} as const;

export const ProgrammeErrors = {
  programmeNotFound: () => IdentityErrors.notFound('programme'),
  trackNotFound: () => IdentityErrors.notFound('track'),
  memberNotFound: () => IdentityErrors.notFound('member'),
  invalid: (invalidParams: InvalidParam[]) => CoreErrors.validationFailed(invalidParams),
  slugTaken: () =>
    new DomainError(
      'conflict',
      'PROGRAMME_SLUG_TAKEN',
      'Another programme already has this slug; choose another.',
    ),
  trackInUse: () =>
    new DomainError(
      'conflict',
      'TRACK_IN_USE',
      'Actions still belong to this track; move them to another track first.',
    ),
  memberExists: () =>
    new DomainError(
      'conflict',
      'MEMBER_EXISTS',
      'This user is already a member of the programme; change their role instead.',
    ),
  lastCoordinator: () =>
    new DomainError(
      'conflict',
      'LAST_COORDINATOR',
      'A programme keeps at least one coordinator: appoint another coordinator first.',
    ),
} as const;
