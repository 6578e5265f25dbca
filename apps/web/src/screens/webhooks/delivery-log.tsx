import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { StateFilter } from '../../components/state-filter';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import { LoadMore } from '../admin/admin-parts';
import { DeliveryDetails } from './delivery-details';
import {
  actionProblem,
  DELIVERY_STATES,
  type Delivery,
  type DeliveryState,
  eventTypeWord,
} from './webhook-words';

const PAGE = 20;
/** How long a test message or a delivery sent again is followed: a minute, once a second. */
const FOLLOW_TRIES = 60;
const FOLLOW_EVERY_MS = 1_000;

const isState = (value: string): value is DeliveryState =>
  DELIVERY_STATES.includes(value as DeliveryState);

/**
 * A webhook's delivery log, newest first, a page at a time (`_links.next`): a test message,
 * sending a delivered or failed one again, and a look at what was sent and answered. What
 * the person set going (a test message, a delivery sent again) is followed until the worker
 * has sent it, and its outcome announced: the log does not change by itself otherwise.
 */
export function DeliveryLog(props: {
  programmeId: string;
  webhookId: string;
  /** The webhook's figures (last delivery, waiting) changed. */
  onChanged: () => void;
  /** The page's error summary; `[]` clears it. */
  onErrors: (errors: FieldError[]) => void;
}) {
  const { programmeId, webhookId } = props;
  const t = useT();
  const m = t.webhooks;
  const announce = useAnnounce();
  const [choice, setChoice] = useState('');
  const [state, setState] = useState<DeliveryState | ''>('');
  const list = usePagedList<Delivery>(`${webhookId}:${state}`, (cursor) =>
    api
      .GET('/programmes/{id}/webhooks/{webhookId}/deliveries', {
        params: {
          path: { id: programmeId, webhookId },
          query: { limit: PAGE, cursor, ...(state && { state }) },
        },
      })
      .then(({ data }) => data),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  // A row whose button went with what it did (sent again: now waiting) gives the focus to its state.
  const focusAfterLoad = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterLoad.current;
    if (!id) return;
    const target = document.getElementById(`aflevering-${id}-status`);
    if (!target) return;
    focusAfterLoad.current = null;
    target.focus();
  }, [list.items]);

  // The followed deliveries' timers, stopped when the person leaves the page.
  const timers = useRef(new Set<number>());
  useEffect(() => {
    const running = timers.current;
    return () => running.forEach((timer) => window.clearTimeout(timer));
  }, []);
  const refresh = () => {
    list.reload();
    props.onChanged();
  };

  function follow(deliveryId: string, tries = 0) {
    const timer = window.setTimeout(() => {
      timers.current.delete(timer);
      void api
        .GET('/programmes/{id}/webhooks/{webhookId}/deliveries/{deliveryId}', {
          params: { path: { id: programmeId, webhookId, deliveryId } },
        })
        .catch(() => ({ data: undefined }))
        .then(({ data }) => {
          if (data && data.state !== 'pending') {
            refresh();
            const type = eventTypeWord(t, data.eventType);
            announce(
              data.state === 'delivered'
                ? m.deliveredOutcome(type, data.lastStatusCode)
                : m.failedOutcome(type),
            );
          } else if (tries + 1 < FOLLOW_TRIES) follow(deliveryId, tries + 1);
          else refresh();
        });
    }, FOLLOW_EVERY_MS);
    timers.current.add(timer);
  }

  async function ping() {
    if (busy) return;
    setBusy('ping');
    props.onErrors([]);
    const result = await api
      .POST('/programmes/{id}/webhooks/{webhookId}/pings', {
        params: { path: { id: programmeId, webhookId } },
      })
      .catch(() => null);
    setBusy(null);
    if (result?.data) {
      announce(m.pingSent);
      refresh();
      return follow(result.data.deliveryId);
    }
    props.onErrors([{ message: actionProblem(result?.error, result?.response.status, t) }]);
  }

  async function redeliver(delivery: Delivery) {
    if (busy) return;
    setBusy(delivery.id);
    props.onErrors([]);
    const result = await api
      .POST('/programmes/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliveries', {
        params: { path: { id: programmeId, webhookId, deliveryId: delivery.id } },
      })
      .catch(() => null);
    setBusy(null);
    if (result?.data) {
      announce(m.redelivered(eventTypeWord(t, delivery.eventType)));
      focusAfterLoad.current = delivery.id;
      refresh();
      return follow(delivery.id);
    }
    props.onErrors([{ message: actionProblem(result?.error, result?.response.status, t) }]);
  }

  const open = list.items.find((delivery) => delivery.id === shown);
  return (
    <section aria-labelledby="afleveringen-kop" className="sbt-stack">
      <Heading level={2} id="afleveringen-kop">
        {m.deliveries}
      </Heading>
      <Paragraph>{m.deliveriesIntro}</Paragraph>
      <div>
        <Button
          appearance="primary-action-button"
          busy={busy === 'ping'}
          aria-disabled={busy !== null}
          onClick={() => void ping()}
        >
          {m.ping}
        </Button>
      </div>
      <StateFilter
        id="aflevering-status"
        formLabel={m.filterLabel}
        label={m.deliveryState}
        allLabel={m.allStates}
        states={DELIVERY_STATES}
        words={m.deliveryStates}
        value={choice}
        onChange={setChoice}
        filterLabel={m.filter}
        onFilter={() => {
          setShown(null);
          setState(isState(choice) ? choice : '');
        }}
        refreshLabel={m.refresh}
        onRefresh={() => {
          props.onErrors([]);
          refresh();
          announce(m.refreshed);
        }}
      />
      {open && (
        <DeliveryDetails
          key={open.id}
          programmeId={programmeId}
          webhookId={webhookId}
          delivery={open}
          onClose={() => {
            setShown(null);
            window.setTimeout(
              () => document.getElementById(`aflevering-${open.id}-details`)?.focus(),
              0,
            );
          }}
        />
      )}
      {list.status === 'failed' && (
        <Alert type="error">
          <Paragraph>{m.deliveriesFailed}</Paragraph>
        </Alert>
      )}
      {list.status === 'loading' && list.items.length === 0 && (
        <Paragraph>{t.app.loading}</Paragraph>
      )}
      {list.status === 'loaded' && list.items.length === 0 && (
        <Paragraph>{state ? m.noDeliveriesInState : m.noDeliveries}</Paragraph>
      )}
      {list.items.length > 0 && (
        <div>
          <Table>
            <TableCaption>
              {state ? m.deliveriesCaptionState(m.deliveryStates[state]) : m.deliveriesCaption}
            </TableCaption>
            <TableHeader>
              <TableRow>
                {[m.event, m.deliveryState, m.attempts, m.statusCode, m.duration, m.createdAt].map(
                  (column) => (
                    <TableHeaderCell key={column} scope="col">
                      {column}
                    </TableHeaderCell>
                  ),
                )}
                <TableHeaderCell scope="col">
                  <span className="sbt-visually-hidden">{m.whatToDo}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((delivery) => {
                const type = eventTypeWord(t, delivery.eventType);
                const at = t.format.dateTime(delivery.createdAt);
                return (
                  <TableRow key={delivery.id}>
                    <TableHeaderCell scope="row">{type}</TableHeaderCell>
                    <TableCell>
                      <span id={`aflevering-${delivery.id}-status`} tabIndex={-1}>
                        {m.deliveryStates[delivery.state]}
                      </span>
                    </TableCell>
                    <TableCell>{delivery.attempts}</TableCell>
                    <TableCell>{delivery.lastStatusCode ?? m.noValue}</TableCell>
                    <TableCell>
                      {delivery.lastDurationMs === null
                        ? m.noValue
                        : m.milliseconds(delivery.lastDurationMs)}
                    </TableCell>
                    <TableCell>
                      <time dateTime={delivery.createdAt}>{at}</time>
                    </TableCell>
                    <TableCell>
                      <div className="sbt-row">
                        <Button
                          id={`aflevering-${delivery.id}-details`}
                          appearance="secondary-action-button"
                          aria-label={m.showDelivery(type, at)}
                          onClick={() => setShown(delivery.id)}
                        >
                          {m.details}
                        </Button>
                        {delivery.state !== 'pending' && (
                          <Button
                            appearance="secondary-action-button"
                            busy={busy === delivery.id}
                            aria-disabled={busy !== null}
                            aria-label={m.redeliverOne(type, at)}
                            onClick={() => void redeliver(delivery)}
                          >
                            {m.redeliver}
                          </Button>
                        )}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <LoadMore list={list} />
        </div>
      )}
    </section>
  );
}
