import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { focusSoon, NoPermission } from '../admin/admin-parts';
import { ProgrammeChoice, useAdminProgramme } from '../admin-ops/programme-choice';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { DeliveryLog } from './delivery-log';
import { useWebhook } from './use-webhook';
import { WebhookFacts } from './webhook-facts';
import { EditWebhook, RemoveWebhook, RotateSecret, WebhookSecret } from './webhook-steps';
import {
  actionProblem,
  type CreatedWebhook,
  etagOf,
  type Webhook,
  webhookName,
  webhooksHref,
} from './webhook-words';

const SETTINGS_HEADING_ID = 'webhook-instellingen-kop';

type Step = 'edit' | 'rotate' | 'remove';
/** The button that opens a step, which takes the focus back when the step is cancelled. */
const STEP_BUTTON: Record<Step, string> = {
  edit: 'webhook-wijzig',
  rotate: 'webhook-vernieuw',
  remove: 'webhook-verwijder',
};

/**
 * One webhook (Beheer › Webhooks › a webhook): its settings, changed with If-Match; switching
 * it off and on; a new secret; deleting it; and its delivery log with a test message.
 */
export default function WebhookScreen() {
  const t = useT();
  const m = t.webhooks;
  const { webhookId = '' } = useParams();
  const { programmeId, mayManage, isPlatformAdmin, isCoordinator } = useAdminProgramme();
  if (!isPlatformAdmin && !isCoordinator)
    return <NoPermission title={m.title} message={m.noPermission} />;
  if (!programmeId || !mayManage) return <ChooseProgramme />;
  return (
    <WebhookDetail
      key={`${programmeId}:${webhookId}`}
      programmeId={programmeId}
      webhookId={webhookId}
    />
  );
}

/** A platform administrator outside any programme opened a webhook's link: which programme? */
function ChooseProgramme() {
  const m = useT().webhooks;
  usePageTitle(m.title);
  return (
    <>
      <Heading level={1}>{m.title}</Heading>
      <ProgrammeChoice />
    </>
  );
}

function WebhookDetail({ programmeId, webhookId }: { programmeId: string; webhookId: string }) {
  const t = useT();
  const m = t.webhooks;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useWebhook(programmeId, webhookId, version);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [step, setStep] = useState<Step | null>(null);
  const [secret, setSecret] = useState<CreatedWebhook | null>(null);
  const reload = () => setVersion((value) => value + 1);
  const listHref = webhooksHref('/beheer/webhooks', params);
  const title = loaded.status === 'loaded' ? m.webhookTitle(webhookName(loaded.webhook)) : m.title;
  usePageTitle(title);

  if (loaded.status === 'notFound') return <NotFoundScreen />;
  const back = (
    <Paragraph>
      <Link href={listHref}>{m.backToList}</Link>
    </Paragraph>
  );
  if (loaded.status !== 'loaded')
    return (
      <>
        <Heading level={1}>{title}</Heading>
        <Paragraph>{loaded.status === 'failed' ? m.loadOneFailed : t.app.loading}</Paragraph>
        {back}
      </>
    );

  const { webhook, etag } = loaded;
  const show = (changed: Webhook, changedEtag: string) =>
    setLoaded({ status: 'loaded', webhook: changed, etag: changedEtag });
  const open = (next: Step) => {
    setErrors([]);
    setSecret(null);
    setStep(next);
  };
  const close = (focusId: string) => {
    setStep(null);
    focusSoon(focusId);
  };
  const gone = () => {
    setStep(null);
    setLoaded({ status: 'notFound' });
  };
  const stepButton = (which: Step, label: string) => (
    <Button
      id={STEP_BUTTON[which]}
      appearance="secondary-action-button"
      onClick={() => open(which)}
    >
      {label}
    </Button>
  );

  return (
    <>
      <Heading level={1}>{title}</Heading>
      {back}
      <ErrorSummary errors={errors} />
      <div className="sbt-stack">
        {secret && (
          <WebhookSecret
            webhook={secret}
            rotated
            onDone={() => {
              setSecret(null);
              focusSoon(SETTINGS_HEADING_ID);
            }}
          />
        )}
        {step === 'edit' && (
          <EditWebhook
            programmeId={programmeId}
            webhook={webhook}
            etag={etag}
            errors={errors}
            onErrors={setErrors}
            onSaved={(saved, savedEtag) => {
              show(saved, savedEtag);
              close(SETTINGS_HEADING_ID);
            }}
            onGone={gone}
            onCancel={() => {
              setErrors([]);
              close(STEP_BUTTON.edit);
            }}
          />
        )}
        {step === 'rotate' && (
          <RotateSecret
            programmeId={programmeId}
            webhook={webhook}
            onErrors={setErrors}
            onRotated={(rotated) => {
              setStep(null);
              setSecret(rotated);
              show(rotated, `"${rotated.version}"`);
            }}
            onSecretLost={() => {
              setStep(null);
              reload();
              setErrors([{ message: m.rotatedSecretLost }]);
            }}
            onCancel={() => close(STEP_BUTTON.rotate)}
          />
        )}
        {step === 'remove' && (
          <RemoveWebhook
            programmeId={programmeId}
            webhook={webhook}
            onErrors={setErrors}
            onDone={() => void navigate(listHref)}
            onCancel={() => close(STEP_BUTTON.remove)}
          />
        )}

        <section aria-labelledby={SETTINGS_HEADING_ID}>
          <Heading level={2} id={SETTINGS_HEADING_ID} tabIndex={-1}>
            {m.settings}
          </Heading>
          <WebhookFacts programmeId={programmeId} webhook={webhook} />
          <div className="sbt-row">
            {stepButton('edit', m.edit)}
            <SwitchOnOff
              programmeId={programmeId}
              webhook={webhook}
              etag={etag}
              onSwitched={(switched, switchedEtag) => {
                setErrors([]);
                show(switched, switchedEtag);
              }}
              onProblem={(status, message) => {
                if (status === 404) return gone();
                // Changed meanwhile: shown as it is now, to decide again.
                if (status === 412) reload();
                setErrors([{ message }]);
              }}
            />
            {stepButton('rotate', m.rotate)}
            {stepButton('remove', m.remove)}
          </div>
        </section>

        <DeliveryLog
          programmeId={programmeId}
          webhookId={webhookId}
          onChanged={reload}
          onErrors={setErrors}
        />
      </div>
    </>
  );
}

/** Off or on at once (nothing is lost: switched on, what waited is sent), If-Match as read. */
function SwitchOnOff(props: {
  programmeId: string;
  webhook: Webhook;
  etag: string;
  onSwitched: (webhook: Webhook, etag: string) => void;
  onProblem: (status: number | undefined, message: string) => void;
}) {
  const { webhook } = props;
  const t = useT();
  const m = t.webhooks;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function switchOnOff() {
    if (busy) return;
    setBusy(true);
    const enabled = !webhook.enabled;
    const result = await api
      .PATCH('/programmes/{id}/webhooks/{webhookId}', {
        params: {
          path: { id: props.programmeId, webhookId: webhook.id },
          header: { 'If-Match': props.etag },
        },
        body: { enabled },
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      const name = webhookName(result.data);
      announce(enabled ? m.switchedOn(name) : m.switchedOff(name));
      return props.onSwitched(result.data, etagOf(result.response, result.data));
    }
    const status = result?.response.status;
    props.onProblem(status, actionProblem(result?.error, status, t));
  }

  return (
    <Button
      appearance="secondary-action-button"
      busy={busy}
      aria-disabled={busy}
      onClick={() => void switchOnOff()}
    >
      {webhook.enabled ? m.switchOff : m.switchOn}
    </Button>
  );
}
