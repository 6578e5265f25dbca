import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { focusSoon, NoPermission, when } from '../admin/admin-parts';
import { ProgrammeChoice, useAdminProgramme } from '../admin-ops/programme-choice';
import { WebhookForm } from './webhook-form';
import { WebhookSecret } from './webhook-steps';
import {
  type CreatedWebhook,
  EVENT_TYPES,
  eventTypeWord,
  onOffWords,
  type Webhook,
  webhookName,
  webhooksHref,
} from './webhook-words';

const LIST_HEADING_ID = 'webhooks-kop';

type Webhooks = { status: 'loading' | 'failed' } | { status: 'loaded'; items: Webhook[] };

/**
 * Beheer › Webhooks (issue 21): the programme's webhooks, for its coordinators (and platform
 * administrators): which URL gets which events, whether it is on and how its deliveries go;
 * adding one shows its signing secret once. Each has a page of its own (webhook-screen.tsx).
 * E-mails about a webhook switched off link here (libs/core web-app URLs: `/beheer/webhooks`).
 */
export default function WebhooksScreen() {
  const t = useT();
  const m = t.webhooks;
  usePageTitle(m.title);
  const { programmeId, mayManage, isPlatformAdmin, isCoordinator } = useAdminProgramme();
  if (!isPlatformAdmin && !isCoordinator)
    return <NoPermission title={m.title} message={m.noPermission} />;
  return (
    <>
      <Heading level={1}>{m.title}</Heading>
      <Paragraph>{m.intro}</Paragraph>
      <ProgrammeChoice />
      {programmeId && mayManage && (
        <ProgrammeWebhooks key={programmeId} programmeId={programmeId} />
      )}
    </>
  );
}

/** A programme has at most 25 webhooks: one answer holds them all. */
function useWebhooks(programmeId: string, version: number): Webhooks {
  const [webhooks, setWebhooks] = useState<Webhooks>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/webhooks', { params: { path: { id: programmeId } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (current)
          setWebhooks(data ? { status: 'loaded', items: data.items } : { status: 'failed' });
      });
    return () => {
      current = false;
    };
  }, [programmeId, version]);
  return webhooks;
}

function ProgrammeWebhooks({ programmeId }: { programmeId: string }) {
  const t = useT();
  const m = t.webhooks;
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const webhooks = useWebhooks(programmeId, version);
  const reload = () => setVersion((value) => value + 1);
  const items = webhooks.status === 'loaded' ? webhooks.items : [];

  return (
    <>
      <ErrorSummary errors={errors} />
      <div className="sbt-stack">
        {created && (
          <WebhookSecret
            webhook={created}
            onDone={() => {
              setCreated(null);
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}

        <section aria-labelledby={LIST_HEADING_ID}>
          <Heading level={2} id={LIST_HEADING_ID} tabIndex={-1}>
            {m.caption}
          </Heading>
          {webhooks.status === 'failed' && (
            <Alert type="error">
              <Paragraph>{m.loadFailed}</Paragraph>
            </Alert>
          )}
          {webhooks.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {webhooks.status === 'loaded' && items.length === 0 && <Paragraph>{m.none}</Paragraph>}
          {items.length > 0 && (
            <Table>
              <TableCaption>{m.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  {[
                    m.webhook,
                    m.eventTypesColumn,
                    m.status,
                    m.lastDelivery,
                    m.lastSuccess,
                    m.pending,
                  ].map((column) => (
                    <TableHeaderCell key={column} scope="col">
                      {column}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((webhook) => (
                  <TableRow key={webhook.id}>
                    <TableHeaderCell scope="row">
                      <Link href={webhooksHref(`/beheer/webhooks/${webhook.id}`, params)}>
                        {webhookName(webhook)}
                      </Link>
                      {webhook.description.trim() && (
                        <>
                          <br />
                          <small className="sbt-value">{webhook.url}</small>
                        </>
                      )}
                    </TableHeaderCell>
                    <TableCell>
                      {webhook.eventTypes.length === EVENT_TYPES.length
                        ? m.allEventTypes
                        : webhook.eventTypes.map((type) => eventTypeWord(t, type)).join(', ')}
                    </TableCell>
                    <TableCell>{onOffWords(webhook, t).words}</TableCell>
                    <TableCell>{when(webhook.lastDeliveryAt, m.notYet, t)}</TableCell>
                    <TableCell>{when(webhook.lastSuccessAt, m.notYet, t)}</TableCell>
                    <TableCell>{webhook.pendingDeliveries}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>

        <section aria-labelledby="webhook-toevoegen-kop">
          <Heading level={2} id="webhook-toevoegen-kop">
            {m.addTitle}
          </Heading>
          <Paragraph>{m.addIntro}</Paragraph>
          <WebhookForm
            programmeId={programmeId}
            errors={errors}
            onErrors={setErrors}
            onCreated={(webhook) => {
              setCreated(webhook);
              reload();
            }}
            onSecretLost={() => {
              reload();
              setErrors([{ message: m.secretLost }]);
            }}
          />
        </section>
      </div>
    </>
  );
}
