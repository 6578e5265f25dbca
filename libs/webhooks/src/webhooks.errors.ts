import { DomainError } from '@app/core';

export const WebhooksErrors = {
  notFound: () =>
    new DomainError('not_found', 'WEBHOOK_NOT_FOUND', 'No such webhook in this programme.'),
  deliveryNotFound: () =>
    new DomainError('not_found', 'WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery of this webhook.'),
  deliveryPending: () =>
    new DomainError(
      'conflict',
      'WEBHOOK_DELIVERY_PENDING',
      'This delivery is still being attempted: it cannot be sent again before it is delivered or given up.',
    ),
  tooMany: (max: number) =>
    new DomainError(
      'conflict',
      'TOO_MANY_WEBHOOKS',
      `A programme has at most ${max} webhooks: delete one it no longer uses first.`,
    ),
  target: (code: string, message: string) =>
    new DomainError('invalid_input', code, message, [{ name: 'url', reason: message }]),
  unknownFilter: (name: 'trackIds' | 'organisationIds') =>
    new DomainError('invalid_input', 'VALIDATION_FAILED', 'The filter names something unknown.', [
      {
        name,
        reason: name === 'trackIds' ? 'not a track of this programme' : 'not an organisation',
      },
    ]),
} as const;
