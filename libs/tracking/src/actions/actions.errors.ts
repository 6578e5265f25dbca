import { CoreErrors, DomainError, type InvalidParam } from '@app/core';

export const ActionErrors = {
  notFound: () =>
    new DomainError(
      'not_found',
      'ACTION_NOT_FOUND',
      'There is no such action, or it is not yours to see.',
    ),
  weightForbidden: () =>
    new DomainError(
      'forbidden',
      'ROLLUP_WEIGHT_FORBIDDEN',
      "Only the programme's coordinators set an action's roll-up weight.",
    ),
  invalid: (invalidParams: InvalidParam[]) => CoreErrors.validationFailed(invalidParams),
} as const;
