import { useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { CopyField } from '../../components/copy-field';
import type { FieldError } from '../../components/error-summary';
import { Alert, Button, Paragraph, RadioGroupField } from '../../components/nlds';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { ConfirmButtons, Panel } from '../admin/admin-parts';
import { WebhookForm } from './webhook-form';
import { actionProblem, type CreatedWebhook, type Webhook, webhookName } from './webhook-words';

/*
 * The steps of their own on the webhook screens: the secret shown once, changing a webhook,
 * rotating its secret and confirming its deletion, each in a panel whose heading takes the focus.
 */

/**
 * A new signing secret, once, from the API's answer: kept in this component's state only
 * (never in web storage, DESIGN §7) and gone when the person leaves or says they stored it.
 * After a rotation it also says until when the previous secret still signs.
 */
export function WebhookSecret({
  webhook,
  rotated = false,
  onDone,
}: {
  webhook: CreatedWebhook;
  rotated?: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const m = t.webhooks;
  return (
    <Panel id="webhook-geheim" title={rotated ? m.newSecretTitle : m.secretTitle}>
      <Alert type="warning">
        <Paragraph>{m.secretWarning}</Paragraph>
      </Alert>
      <div className="sbt-stack">
        <CopyField
          id="webhook-geheim-waarde"
          label={m.secretLabel(webhookName(webhook))}
          description={m.secretDescription}
          value={webhook.secret}
          copyLabel={m.copySecret}
          copied={m.copied}
          copyFailed={m.copyFailed}
          appearance="primary-action-button"
          showOutcome
        />
        {rotated && (
          <Paragraph>
            {webhook.previousSecretExpiresAt
              ? m.previousSecretUntil(t.format.dateTime(webhook.previousSecretExpiresAt))
              : m.previousSecretEnded}
          </Paragraph>
        )}
        <div>
          <Button appearance="secondary-action-button" onClick={onDone}>
            {m.secretDone}
          </Button>
        </div>
      </div>
    </Panel>
  );
}

/** Changing a webhook as it was read: its ETag goes in If-Match. */
export function EditWebhook(props: {
  programmeId: string;
  webhook: Webhook;
  etag: string;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onSaved: (webhook: Webhook, etag: string) => void;
  onGone: () => void;
  onCancel: () => void;
}) {
  const m = useT().webhooks;
  return (
    <Panel id="webhook-wijzigen" title={m.editTitle(webhookName(props.webhook))}>
      <WebhookForm
        programmeId={props.programmeId}
        stored={{ webhook: props.webhook, etag: props.etag }}
        errors={props.errors}
        onErrors={props.onErrors}
        onSaved={props.onSaved}
        onGone={props.onGone}
        onCancel={props.onCancel}
      />
    </Panel>
  );
}

/** The hours the previous secret may keep signing (the API allows 0–168; 24 by default). */
const OVERLAPS = ['24', '1', '72', '168', '0'] as const;

/** A new secret; the person chooses how long the current one keeps signing too. */
export function RotateSecret(props: {
  programmeId: string;
  webhook: Webhook;
  onErrors: (errors: FieldError[]) => void;
  onRotated: (webhook: CreatedWebhook) => void;
  /** A repeated answer left the secret out: rotated, but it cannot be shown. */
  onSecretLost: () => void;
  onCancel: () => void;
}) {
  const { webhook } = props;
  const t = useT();
  const m = t.webhooks;
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const [hours, setHours] = useState<string>('24');
  const [busy, setBusy] = useState(false);

  async function rotate() {
    if (busy) return;
    const request = { previousSecretValidHours: Number(hours) };
    setBusy(true);
    const result = await api
      .POST('/programmes/{id}/webhooks/{webhookId}/secret-rotations', {
        params: {
          path: { id: props.programmeId, webhookId: webhook.id },
          header: { 'Idempotency-Key': idempotency.keyFor({ webhook: webhook.id, ...request }) },
        },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      props.onErrors([]);
      if (!result.data.secret) return props.onSecretLost();
      announce(m.rotated);
      return props.onRotated(result.data);
    }
    const status = result?.response.status;
    if (status === 409 && result?.error?.code === 'IDEMPOTENCY_KEY_USED') {
      idempotency.done();
      return props.onSecretLost();
    }
    props.onErrors([{ message: actionProblem(result?.error, status, t) }]);
  }

  return (
    <Panel id="webhook-geheim-vernieuwen" title={m.rotateTitle(webhookName(webhook))}>
      <Paragraph>{m.rotateIntro}</Paragraph>
      <div className="sbt-form">
        <RadioGroupField
          id="webhook-overlap"
          name="overlap"
          legend={m.overlapLegend}
          description={m.overlapDescription}
          value={hours}
          onChange={setHours}
          choices={OVERLAPS.map((value) => ({ value, label: m.overlap[value] }))}
        />
        <ConfirmButtons
          label={m.confirmRotate}
          busy={busy}
          onConfirm={() => void rotate()}
          onCancel={props.onCancel}
        />
      </div>
    </Panel>
  );
}

/** Asks first: a deleted webhook sends nothing more, and its delivery log goes with it. */
export function RemoveWebhook(props: {
  programmeId: string;
  webhook: Webhook;
  onErrors: (errors: FieldError[]) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { webhook } = props;
  const t = useT();
  const m = t.webhooks;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/programmes/{id}/webhooks/{webhookId}', {
        params: { path: { id: props.programmeId, webhookId: webhook.id } },
      })
      .catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    // Gone already (someone else deleted it): what the person asked for is so.
    if (status === 204 || status === 404) {
      props.onErrors([]);
      announce(m.removed(webhookName(webhook)));
      return props.onDone();
    }
    props.onErrors([{ message: actionProblem(result?.error, status, t) }]);
  }

  return (
    <Panel id="webhook-verwijderen" title={m.removeTitle(webhookName(webhook))}>
      <Paragraph>{m.removeWarning(webhook.url)}</Paragraph>
      <ConfirmButtons
        label={m.confirmRemove}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={props.onCancel}
      />
    </Panel>
  );
}
