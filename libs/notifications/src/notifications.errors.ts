import { DomainError } from '@app/core';

export const NotificationsErrors = {
  notFound: () =>
    new DomainError('not_found', 'NOTIFICATION_NOT_FOUND', 'You have no such notification.'),
  deliveryNotFound: () =>
    new DomainError(
      'not_found',
      'DELIVERY_NOT_FOUND',
      'There is no such e-mail delivery in this programme.',
    ),
  deliveryNotFailed: () =>
    new DomainError(
      'conflict',
      'DELIVERY_NOT_FAILED',
      'Only a failed delivery can be sent again; this one is pending, sent or skipped.',
    ),
} as const;
