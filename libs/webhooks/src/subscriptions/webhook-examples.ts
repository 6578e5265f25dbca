import type { WebhookEventType } from '../events/webhook-event-types';

/** Examples the request DTOs and the responses share in the OpenAPI document. */
export const URL_EXAMPLE = 'https://koppelingen.vng.nl/sterk-bestuur/gebeurtenissen';
export const EVENT_TYPES_EXAMPLE: WebhookEventType[] = [
  'nl.sterk-bestuur.action.progress-posted',
  'nl.sterk-bestuur.action.closed',
];
