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

/**
 * Whether `error` is PostgreSQL's unique violation (23505) of `constraint`. TypeORM wraps the
 * driver error in a QueryFailedError whose `driverError` carries the SQLSTATE and constraint.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const driverError = (error as { driverError?: { code?: unknown; constraint?: unknown } })
    .driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
