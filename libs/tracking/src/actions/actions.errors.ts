import { CoreErrors, DomainError, type InvalidParam } from '@app/core';

export const ActionErrors = {
  notFound: () =>
    new DomainError(
      'not_found',
      'ACTION_NOT_FOUND',
      'There is no such action, or it is not yours to see.',
    ),
  invalid: (invalidParams: InvalidParam[]) => CoreErrors.validationFailed(invalidParams),
  subActionTooDeep: () =>
    CoreErrors.validationFailed([
      { name: 'parentActionId', reason: 'is a sub-action itself: sub-actions go one level deep' },
    ]),
  hasSubActions: () =>
    new DomainError(
      'conflict',
      'ACTION_HAS_SUB_ACTIONS',
      'This action has sub-actions of its own, so it cannot become a sub-action.',
    ),
} as const;
