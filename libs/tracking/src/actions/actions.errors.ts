import { CoreErrors, DomainError, type InvalidParam } from '@app/core';

export const ActionErrors = {
  notFound: () =>
    new DomainError(
      'not_found',
      'ACTION_NOT_FOUND',
      'There is no such action, or it is not yours to see.',
    ),
  invalid: (invalidParams: InvalidParam[]) => CoreErrors.validationFailed(invalidParams),
} as const;
