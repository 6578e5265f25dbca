import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Button, CheckboxField, CheckboxGroupField, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { errorFor } from '../admin/admin-parts';
import { WebhookFilters } from './webhook-filters';
import {
  changeBody,
  check,
  createBody,
  EMPTY,
  toggled,
  type Values,
  valuesOf,
} from './webhook-values';
import {
  type CreatedWebhook,
  EVENT_TYPES,
  etagOf,
  type FormIds,
  formProblems,
  type Webhook,
} from './webhook-words';

/**
 * Adding a webhook, or changing one as it was read (its ETag in If-Match). A change sends only
 * the fields that changed: the API checks the address again only when it is sent.
 */
export function WebhookForm(props: {
  programmeId: string;
  /** The webhook as read, with its ETag; absent when adding one. */
  stored?: { webhook: Webhook; etag: string };
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCreated?: (webhook: CreatedWebhook) => void;
  onSaved?: (webhook: Webhook, etag: string) => void;
  /** A repeated answer to an add that left out the secret: the webhook exists without it. */
  onSecretLost?: () => void;
  onGone?: () => void;
  onCancel?: () => void;
}) {
  const { stored } = props;
  const t = useT();
  const m = t.webhooks;
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const prefix = stored ? 'webhook-wijzig' : 'webhook-nieuw';
  const ids: FormIds = {
    url: `${prefix}-adres`,
    description: `${prefix}-omschrijving`,
    eventTypes: `${prefix}-gebeurtenissen`,
    tracks: `${prefix}-sporen`,
    organisations: `${prefix}-organisaties`,
  };
  const [values, setValues] = useState<Values>(() => (stored ? valuesOf(stored.webhook) : EMPTY));
  const [etag, setEtag] = useState(stored?.etag ?? '');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  async function create(body: Values) {
    const request = createBody(body);
    const result = await api
      .POST('/programmes/{id}/webhooks', {
        params: {
          path: { id: props.programmeId },
          header: { 'Idempotency-Key': idempotency.keyFor(request) },
        },
        body: request,
      })
      .catch(() => null);
    if (result?.data) {
      idempotency.done();
      setValues(EMPTY);
      props.onErrors([]);
      // A repeated answer (the same attempt sent again) leaves the secret out: it is shown once.
      if (!result.data.secret) return props.onSecretLost?.();
      announce(m.created(result.data.url));
      return props.onCreated?.(result.data);
    }
    if (result?.response.status === 409 && result.error?.code === 'IDEMPOTENCY_KEY_USED') {
      idempotency.done();
      setValues(EMPTY);
      return props.onSecretLost?.();
    }
    props.onErrors(formProblems(result?.error, result?.response.status, ids, t));
  }

  async function change(webhook: Webhook, body: Values) {
    const request = changeBody(webhook, body);
    if (Object.keys(request).length === 0) {
      props.onErrors([]);
      announce(m.nothingChanged);
      return props.onSaved?.(webhook, etag);
    }
    const result = await api
      .PATCH('/programmes/{id}/webhooks/{webhookId}', {
        params: {
          path: { id: props.programmeId, webhookId: webhook.id },
          header: { 'If-Match': etag },
        },
        body: request,
      })
      .catch(() => null);
    if (result?.data) {
      props.onErrors([]);
      announce(m.saved);
      return props.onSaved?.(result.data, etagOf(result.response, result.data));
    }
    const status = result?.response.status;
    if (status === 404) return props.onGone?.();
    if (status === 412) {
      // Someone else saved meanwhile: keep what this person typed, and let them save again
      // over the newer version knowingly (as the other forms with an ETag do).
      const fresh = await api
        .GET('/programmes/{id}/webhooks/{webhookId}', {
          params: { path: { id: props.programmeId, webhookId: webhook.id } },
        })
        .catch(() => null);
      if (fresh?.data) setEtag(etagOf(fresh.response, fresh.data));
      return props.onErrors([{ message: m.conflict }]);
    }
    props.onErrors(formProblems(result?.error, status, ids, t));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = check(values, ids, t);
    if (found.length > 0) return props.onErrors(found);
    const body = { ...values, url: values.url.trim(), description: values.description.trim() };
    setBusy(true);
    await (stored ? change(stored.webhook, body) : create(body));
    setBusy(false);
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
      <TextField
        id={ids.url}
        type="url"
        label={m.url}
        description={m.urlDescription}
        value={values.url}
        maxLength={2000}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => set('url', event.target.value)}
        errorMessage={errorFor(props.errors, ids.url)}
        required
      />
      <TextField
        id={ids.description}
        label={m.description}
        description={m.descriptionDescription}
        value={values.description}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => set('description', event.target.value)}
        errorMessage={errorFor(props.errors, ids.description)}
      />
      <CheckboxGroupField
        id={ids.eventTypes}
        legend={m.eventTypesLegend}
        description={m.eventTypesDescription}
        errorMessage={errorFor(props.errors, ids.eventTypes)}
      >
        {EVENT_TYPES.map((type, index) => (
          <CheckboxField
            key={type}
            id={`${ids.eventTypes}-${index}`}
            label={m.eventTypes[type].label}
            description={m.eventTypes[type].about}
            checked={values.eventTypes.includes(type)}
            onChange={(checked) => set('eventTypes', toggled(values.eventTypes, type, checked))}
          />
        ))}
      </CheckboxGroupField>
      <WebhookFilters
        programmeId={props.programmeId}
        ids={ids}
        errors={props.errors}
        trackIds={values.trackIds}
        organisationIds={values.organisationIds}
        onTracks={(trackIds) => set('trackIds', trackIds)}
        onOrganisations={(organisationIds) => set('organisationIds', organisationIds)}
      />
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
          {stored ? m.save : m.add}
        </Button>
        {props.onCancel && (
          <Button appearance="secondary-action-button" onClick={props.onCancel}>
            {t.admin.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
