import type { Problem, Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';

export type Webhook = Schemas['WebhookResponse'];
export type CreatedWebhook = Schemas['CreatedWebhookResponse'];
export type Delivery = Schemas['WebhookDeliveryResponse'];
export type DeliveryState = Delivery['state'];
export type EventType = Schemas['WebhookEventType'];

/**
 * Every event type, in the order the form offers them. A record, so that the compiler says so
 * when the API gains or loses a type (the OpenAPI document's `WebhookEventType`).
 */
const OFFERED: Record<EventType, true> = {
  'nl.sterk-bestuur.action.created': true,
  'nl.sterk-bestuur.action.changed': true,
  'nl.sterk-bestuur.action.progress-posted': true,
  'nl.sterk-bestuur.action.closed': true,
  'nl.sterk-bestuur.action.verified': true,
  'nl.sterk-bestuur.action.overdue': true,
  'nl.sterk-bestuur.action.escalated': true,
  'nl.sterk-bestuur.comment.posted': true,
  'nl.sterk-bestuur.commitment.created': true,
  'nl.sterk-bestuur.commitment.changed': true,
  'nl.sterk-bestuur.update-round.opened': true,
  'nl.sterk-bestuur.update-round.closed': true,
  'nl.sterk-bestuur.report-export.ready': true,
};
export const EVENT_TYPES = Object.keys(OFFERED) as EventType[];

export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];

/** The test message's type: not one a webhook subscribes to, but it is in the delivery log. */
const PING_EVENT_TYPE = 'nl.sterk-bestuur.webhook.ping';

/** An event type in words; a type this app does not know yet, as the API names it. */
export function eventTypeWord(t: Messages, type: string): string {
  if (type === PING_EVENT_TYPE) return t.webhooks.pingEvent;
  const words: Partial<Record<string, { label: string }>> = t.webhooks.eventTypes;
  return words[type]?.label ?? type;
}

/** How a webhook is named on the screens: its description, or else its address. */
export const webhookName = (webhook: Pick<Webhook, 'description' | 'url'>) =>
  webhook.description.trim() || webhook.url;

/**
 * Whether it is on, and if off, who switched it off (`disabledBy`, a code); the system's own
 * English reason (`disabledReason`, for integrators' logs) is shown beside it when it was the
 * system.
 */
export function onOffWords(
  webhook: Pick<Webhook, 'enabled' | 'disabledReason' | 'disabledBy'>,
  t: Messages,
): { words: string; systemSaid: string | null } {
  const m = t.webhooks;
  if (webhook.enabled) return { words: m.on, systemSaid: null };
  if (webhook.disabledBy === 'deliveries_failed') {
    return { words: m.offAfterFailures, systemSaid: webhook.disabledReason };
  }
  if (webhook.disabledBy === 'person') return { words: m.offByPerson, systemSaid: null };
  return { words: m.off, systemSaid: webhook.disabledReason };
}

/** What the API refuses a target URL for (issue 21, SSRF protection), said per code. */
function targetProblem(code: string | undefined, t: Messages): string | undefined {
  const m = t.webhooks;
  switch (code) {
    case 'WEBHOOK_URL_INVALID':
      return m.targetInvalid;
    case 'WEBHOOK_URL_NOT_HTTPS':
      return m.targetNotHttps;
    case 'WEBHOOK_TARGET_UNRESOLVABLE':
      return m.targetUnresolvable;
    case 'WEBHOOK_TARGET_NOT_PUBLIC':
      return m.targetNotPublic;
    default:
      return undefined;
  }
}

/** The ids of the form's fields, which the error summary links to. */
export interface FormIds {
  url: string;
  description: string;
  eventTypes: string;
  tracks: string;
  organisations: string;
}

/** A refused field of the API (`invalidParams[].name`), at its field in words. */
function fieldProblem(name: string, ids: FormIds, t: Messages): FieldError {
  const m = t.webhooks;
  if (name.startsWith('url')) return { fieldId: ids.url, message: m.urlInvalid };
  if (name.startsWith('description'))
    return { fieldId: ids.description, message: m.descriptionTooLong };
  if (name.startsWith('eventTypes'))
    return { fieldId: ids.eventTypes, message: m.eventTypesRequired };
  if (name.startsWith('trackIds')) return { fieldId: ids.tracks, message: m.tracksUnknown };
  if (name.startsWith('organisationIds'))
    return { fieldId: ids.organisations, message: m.organisationsUnknown };
  return { message: t.errors.generic };
}

/**
 * A refused create or change, in the person's language: by the problem's `code` and the names
 * of its `invalidParams`, never by the API's English text.
 */
export function formProblems(
  problem: Problem | undefined,
  status: number | undefined,
  ids: FormIds,
  t: Messages,
): FieldError[] {
  const m = t.webhooks;
  if (status === undefined) return [{ message: t.errors.network }];
  if (status === 400) {
    const target = targetProblem(problem?.code, t);
    if (target) return [{ fieldId: ids.url, message: target }];
    const found = (problem?.invalidParams ?? []).map((param) => fieldProblem(param.name, ids, t));
    const unique = found.filter(
      (error, index) => found.findIndex((other) => other.message === error.message) === index,
    );
    if (unique.length > 0) return unique;
  }
  if (status === 409 && problem?.code === 'TOO_MANY_WEBHOOKS') return [{ message: m.tooMany }];
  if (status === 409 && problem?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT') return [{ message: m.busy }];
  if (status === 403) return [{ message: m.noPermission }];
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}

/** A failure that is about no field (switching, pinging, sending again, deleting). */
export function actionProblem(
  problem: Problem | undefined,
  status: number | undefined,
  t: Messages,
) {
  const m = t.webhooks;
  if (status === undefined) return t.errors.network;
  if (status === 403) return m.noPermission;
  if (status === 404)
    return problem?.code === 'WEBHOOK_DELIVERY_NOT_FOUND' ? m.deliveryGone : m.gone;
  if (status === 409 && problem?.code === 'WEBHOOK_DELIVERY_PENDING') return m.redeliverPending;
  if (status === 412) return m.conflict;
  if (status === 429) return t.errors.tooManyRequests;
  return t.errors.generic;
}

/** The link to a page of this area, keeping the programme a platform administrator chose. */
export function webhooksHref(path: string, search: URLSearchParams): string {
  const programme = search.get('programma');
  return programme ? `${path}?${new URLSearchParams({ programma: programme }).toString()}` : path;
}

/** The webhook's ETag as answered (the API's is its version, quoted). */
export const etagOf = (response: Response, webhook: Pick<Webhook, 'version'>) =>
  response.headers.get('ETag') ?? `"${webhook.version}"`;
