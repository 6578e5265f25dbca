import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Problem, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
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
import { usePageTitle } from '../../components/page-title';
import { StateFilter } from '../../components/state-filter';
import { type Messages, useT } from '../../i18n';
import { ListBody } from '../action/activity-sections';
import { useNames } from '../action/use-names';
import { usePagedList } from '../action/use-paged-list';
import { ProgrammeChoice, useAdminProgramme } from './programme-choice';

type Delivery = Schemas['DeliveryResponse'];
type DeliveryState = Delivery['state'];

const STATES: readonly DeliveryState[] = ['failed', 'pending', 'sent', 'skipped'];
const PAGE = 50;

const isState = (value: string | null): value is DeliveryState =>
  STATES.includes(value as DeliveryState);

/** E-mailverzending: what the programme's e-mails did, and a failed one sent again. */
export default function DeliveriesScreen() {
  const t = useT();
  usePageTitle(t.adminOps.deliveries);
  const { programmeId, mayManage } = useAdminProgramme();
  return (
    <>
      <Heading level={1}>{t.adminOps.deliveries}</Heading>
      <Paragraph>{t.adminOps.deliveriesIntro}</Paragraph>
      <ProgrammeChoice />
      {programmeId === null ? null : mayManage ? (
        <DeliveryLog key={programmeId} programmeId={programmeId} />
      ) : (
        <Alert type="info">
          <Paragraph>{t.adminOps.coordinatorsOnly}</Paragraph>
        </Alert>
      )}
    </>
  );
}

function retryProblem(t: Messages, status: number | undefined, problem?: Problem): string {
  if (status === undefined) return t.errors.network;
  if (status === 409 && problem?.code === 'DELIVERY_NOT_FAILED') return t.adminOps.retryNotFailed;
  if (status === 404) return t.adminOps.retryGone;
  if (status === 429) return t.errors.tooManyRequests;
  return t.errors.generic;
}

function DeliveryLog({ programmeId }: { programmeId: string }) {
  const t = useT();
  const o = t.adminOps;
  const announce = useAnnounce();
  const names = useNames(programmeId);
  const [params, setParams] = useSearchParams();
  const state = isState(params.get('status')) ? (params.get('status') as DeliveryState) : '';
  const [choice, setChoice] = useState<string>(state);
  useEffect(() => setChoice(state), [state]);
  const list = usePagedList<Delivery>(`${programmeId}:${state}`, (cursor) =>
    api
      .GET('/programmes/{id}/deliveries', {
        params: {
          path: { id: programmeId },
          query: { limit: PAGE, cursor, ...(state && { state }) },
        },
      })
      .then(({ data }) => data),
  );
  // Retried rows as the API answered them (pending again), until the list is loaded anew.
  const [retried, setRetried] = useState<ReadonlyMap<string, Delivery>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const focusAfterRetry = useRef<string | null>(null);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    const id = focusAfterRetry.current;
    if (!id) return;
    focusAfterRetry.current = null;
    document.getElementById(`verzending-${id}-status`)?.focus();
  }, [retried]);

  function filter() {
    const next = new URLSearchParams(params);
    if (choice) next.set('status', choice);
    else next.delete('status');
    setRetried(new Map());
    setParams(next);
  }

  function refresh() {
    setRetried(new Map());
    setProblem(null);
    list.reload();
    announce(o.refreshed);
  }

  async function retry(delivery: Delivery) {
    if (busy) return;
    setBusy(delivery.id);
    setProblem(null);
    const { data, error, response } = await api
      .POST('/programmes/{id}/deliveries/{deliveryId}/retry', {
        params: { path: { id: programmeId, deliveryId: delivery.id } },
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(null);
    if (data) {
      focusAfterRetry.current = data.id;
      setRetried((current) => new Map(current).set(data.id, data));
      announce(o.retried(names.person(data.userId) ?? o.unknownPerson));
      return;
    }
    setProblem(retryProblem(t, response?.status, error));
  }

  const shown = list.items.map((item) => retried.get(item.id) ?? item);
  return (
    <>
      <StateFilter
        id="status"
        formLabel={o.filterLabel}
        label={o.deliveryState}
        allLabel={o.allStates}
        states={STATES}
        words={o.deliveryStates}
        value={choice}
        onChange={setChoice}
        filterLabel={o.filter}
        onFilter={filter}
        refreshLabel={o.refresh}
        onRefresh={refresh}
      />
      {problem && (
        <div ref={problemRef} tabIndex={-1} role="alert">
          <Alert type="error">
            <Paragraph>{problem}</Paragraph>
          </Alert>
        </div>
      )}
      <ListBody
        list={{ ...list, items: shown }}
        empty={state ? o.noDeliveriesInState : o.noDeliveries}
      >
        {(items) => (
          <Table>
            <TableCaption>
              {state ? o.deliveriesCaptionState(o.deliveryStates[state]) : o.deliveriesCaption}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{o.recipient}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.kind}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.deliveryState}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.createdAt}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.sentAt}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.attempts}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.lastError}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="sbt-visually-hidden">{o.whatToDo}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((delivery) => {
                const recipient = names.person(delivery.userId) ?? o.unknownPerson;
                return (
                  <TableRow key={delivery.id}>
                    <TableHeaderCell scope="row">{recipient}</TableHeaderCell>
                    <TableCell>{t.notificationKind[delivery.kind]}</TableCell>
                    <TableCell>
                      <span id={`verzending-${delivery.id}-status`} tabIndex={-1}>
                        {o.deliveryStates[delivery.state]}
                      </span>
                    </TableCell>
                    <TableCell>
                      <time dateTime={delivery.createdAt}>
                        {t.format.dateTime(delivery.createdAt)}
                      </time>
                    </TableCell>
                    <TableCell>
                      {delivery.sentAt ? (
                        <time dateTime={delivery.sentAt}>{t.format.dateTime(delivery.sentAt)}</time>
                      ) : (
                        o.notSent
                      )}
                    </TableCell>
                    <TableCell>{delivery.attempts}</TableCell>
                    <TableCell>
                      {delivery.lastError ? o.serverSaid(delivery.lastError) : o.noError}
                    </TableCell>
                    <TableCell>
                      {delivery.state === 'failed' && (
                        <Button
                          appearance="secondary-action-button"
                          busy={busy === delivery.id}
                          aria-disabled={busy !== null}
                          onClick={() => void retry(delivery)}
                        >
                          {o.retry}
                          <span className="sbt-visually-hidden">{o.retryTo(recipient)}</span>
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </ListBody>
    </>
  );
}
