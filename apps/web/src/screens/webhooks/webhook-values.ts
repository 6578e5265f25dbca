import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import type { EventType, FormIds, Webhook } from './webhook-words';

/** What the webhook form holds. */
export interface Values {
  url: string;
  description: string;
  eventTypes: EventType[];
  trackIds: string[];
  organisationIds: string[];
}

export const EMPTY: Values = {
  url: '',
  description: '',
  eventTypes: [],
  trackIds: [],
  organisationIds: [],
};

export const valuesOf = (webhook: Webhook): Values => ({
  url: webhook.url,
  description: webhook.description,
  eventTypes: webhook.eventTypes,
  trackIds: webhook.trackIds,
  organisationIds: webhook.organisationIds,
});

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/** A list with `value` in it or not, as a checkbox says. */
export const toggled = <T extends string>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

/** The browser's check, before the API's (which also resolves the address). */
export function check(values: Values, ids: FormIds, t: Messages): FieldError[] {
  const m = t.webhooks;
  const found: FieldError[] = [];
  const url = values.url.trim();
  if (!url) found.push({ fieldId: ids.url, message: m.urlRequired });
  else if (url.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url))
    found.push({ fieldId: ids.url, message: m.urlInvalid });
  if (values.description.trim().length > 200)
    found.push({ fieldId: ids.description, message: m.descriptionTooLong });
  if (values.eventTypes.length === 0)
    found.push({ fieldId: ids.eventTypes, message: m.eventTypesRequired });
  return found;
}

/** The body of a new webhook: what is empty left out. */
export const createBody = (values: Values) => ({
  url: values.url,
  eventTypes: values.eventTypes,
  ...(values.description && { description: values.description }),
  ...(values.trackIds.length > 0 && { trackIds: values.trackIds }),
  ...(values.organisationIds.length > 0 && { organisationIds: values.organisationIds }),
});

/**
 * The body of a change: only the fields that differ from the webhook as read (the API checks
 * the address again only when it is sent). Empty when nothing changed.
 */
export function changeBody(webhook: Webhook, values: Values) {
  const before = valuesOf(webhook);
  return {
    ...(values.url !== before.url && { url: values.url }),
    ...(values.description !== before.description && { description: values.description }),
    ...(!sameSet(values.eventTypes, before.eventTypes) && { eventTypes: values.eventTypes }),
    ...(!sameSet(values.trackIds, before.trackIds) && { trackIds: values.trackIds }),
    ...(!sameSet(values.organisationIds, before.organisationIds) && {
      organisationIds: values.organisationIds,
    }),
  };
}
