import { CoreErrors, DomainError, type InvalidParam } from '@app/core';

export const RemindersErrors = {
  invalid: (invalidParams: InvalidParam[]) => CoreErrors.validationFailed(invalidParams),
  roundNotFound: () =>
    new DomainError(
      'not_found',
      'UPDATE_ROUND_NOT_FOUND',
      'There is no such update round in this programme.',
    ),
  roundCancelled: () =>
    new DomainError(
      'conflict',
      'UPDATE_ROUND_CANCELLED',
      'The update round was cancelled already.',
    ),
  noActionsInRound: () =>
    CoreErrors.validationFailed([
      { name: 'filter', reason: 'matches no open action of the programme' },
    ]),
  clockTravelDisabled: () =>
    new DomainError(
      'not_found',
      'CLOCK_TRAVEL_DISABLED',
      'Clock travel is off (CLOCK_TRAVEL=true enables it outside production).',
    ),
} as const;
