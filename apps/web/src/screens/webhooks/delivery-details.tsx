import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Button, DataList, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { Panel, when } from '../admin/admin-parts';
import { type Delivery, eventTypeWord } from './webhook-words';

/**
 * One delivery as the API has it now (GET …/deliveries/{id}): its attempts, the receiver's
 * last answer (the start of it: no more is kept) and the CloudEvent exactly as it is sent.
 */
export function DeliveryDetails(props: {
  programmeId: string;
  webhookId: string;
  /** The row as listed, shown until the fresh one is in. */
  delivery: Delivery;
  onClose: () => void;
}) {
  const t = useT();
  const m = t.webhooks;
  const [delivery, setDelivery] = useState(props.delivery);
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/webhooks/{webhookId}/deliveries/{deliveryId}', {
        params: {
          path: {
            id: props.programmeId,
            webhookId: props.webhookId,
            deliveryId: props.delivery.id,
          },
        },
      })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => current && data && setDelivery(data));
    return () => {
      current = false;
    };
  }, [props.programmeId, props.webhookId, props.delivery.id]);

  const type = eventTypeWord(t, delivery.eventType);
  const at = t.format.dateTime(delivery.createdAt);
  return (
    <Panel id="aflevering" title={m.deliveryTitle(type, at)} level={3}>
      <DataList
        items={[
          { key: m.event, value: type },
          { key: m.eventType, value: <code className="sbt-hash">{delivery.eventType}</code> },
          { key: m.eventId, value: <code className="sbt-hash">{delivery.eventId}</code> },
          { key: m.subject, value: <span className="sbt-value">{delivery.subject}</span> },
          { key: m.deliveryState, value: m.deliveryStates[delivery.state] },
          { key: m.attempts, value: delivery.attempts },
          ...(delivery.nextAttemptAt
            ? [{ key: m.nextAttempt, value: t.format.dateTime(delivery.nextAttemptAt) }]
            : []),
          { key: m.lastAttempt, value: when(delivery.lastAttemptAt, m.notYet, t) },
          { key: m.statusCode, value: delivery.lastStatusCode ?? m.noValue },
          {
            key: m.duration,
            value:
              delivery.lastDurationMs === null
                ? m.noValue
                : m.milliseconds(delivery.lastDurationMs),
          },
          {
            key: m.lastError,
            // The worker's words for a failure (a time-out, a refused connection), in English.
            value: delivery.lastError ? (
              <span lang="en" className="sbt-value">
                {delivery.lastError}
              </span>
            ) : (
              m.noValue
            ),
          },
          { key: m.deliveredAt, value: when(delivery.deliveredAt, m.notYet, t) },
        ]}
      />
      <Heading level={4}>{m.responseExcerpt}</Heading>
      {delivery.responseExcerpt ? (
        <pre className="sbt-code">{delivery.responseExcerpt}</pre>
      ) : (
        <Paragraph>{m.noResponseText}</Paragraph>
      )}
      <Heading level={4}>{m.cloudEvent}</Heading>
      <Paragraph>{m.cloudEventAbout}</Paragraph>
      <pre className="sbt-code">{JSON.stringify(delivery.event, null, 2)}</pre>
      <div>
        <Button appearance="secondary-action-button" onClick={props.onClose}>
          {m.closeDetails}
        </Button>
      </div>
    </Panel>
  );
}
