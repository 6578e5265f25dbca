import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import {
  DataList,
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
import { type Names, useNames } from '../action/use-names';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { actorInWords, type AuditEvent, valueText, wordFor } from './audit-words';

/** One audit event (GET /audit-events/{sequence}): who did what to which, and the change. */
export default function AuditEventScreen() {
  const t = useT();
  const o = t.adminOps;
  const { sequence = '' } = useParams();
  usePageTitle(o.eventTitle(sequence));
  const [params] = useSearchParams();
  const [state, setState] = useState<
    { status: 'loading' | 'failed' | 'notFound' } | { status: 'loaded'; event: AuditEvent }
  >({ status: 'loading' });
  useEffect(() => {
    let current = true;
    if (!/^\d{1,18}$/.test(sequence)) {
      setState({ status: 'notFound' });
      return;
    }
    setState({ status: 'loading' });
    void api
      .GET('/audit-events/{sequence}', { params: { path: { sequence: Number(sequence) } } })
      .then(({ data, response }) => {
        if (!current) return;
        if (data) setState({ status: 'loaded', event: data });
        else setState({ status: response.status === 404 ? 'notFound' : 'failed' });
      })
      .catch(() => current && setState({ status: 'failed' }));
    return () => {
      current = false;
    };
  }, [sequence]);

  if (state.status === 'notFound') return <NotFoundScreen />;
  const back = (
    <Paragraph>
      <Link href={`/beheer/audit${params.toString() ? `?${params.toString()}` : ''}`}>
        {o.backToLog}
      </Link>
    </Paragraph>
  );
  return (
    <>
      <Heading level={1}>{o.eventTitle(sequence)}</Heading>
      {state.status === 'loaded' ? (
        state.event.programmeId ? (
          <ProgrammeEventDetail event={state.event} programmeId={state.event.programmeId} />
        ) : (
          <EventDetail event={state.event} names={NO_NAMES} />
        )
      ) : (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      )}
      {back}
    </>
  );
}

const NO_NAMES: Names = {
  person: () => undefined,
  organisation: () => undefined,
  track: () => undefined,
};

/** An event in a programme: its people by name. */
function ProgrammeEventDetail({ event, programmeId }: { event: AuditEvent; programmeId: string }) {
  return <EventDetail event={event} names={useNames(programmeId)} />;
}

function EventDetail({ event, names }: { event: AuditEvent; names: Names }) {
  const t = useT();
  const o = t.adminOps;
  const subject = wordFor(o.entityTypes, event.entityType);
  const changes = Object.entries(event.changes ?? {});
  const details = Object.entries(event.details ?? {});
  return (
    <>
      <DataList
        items={[
          {
            key: o.occurredAt,
            value: <time dateTime={event.occurredAt}>{t.format.dateTime(event.occurredAt)}</time>,
          },
          {
            key: o.actor,
            value: [
              actorInWords(t, names, event.actor),
              names.organisation(event.actor.organisationId),
            ]
              .filter(Boolean)
              .join(', '),
          },
          { key: o.operation, value: wordFor(o.operations, event.operation) },
          { key: o.result, value: wordFor(o.results, event.result) },
          {
            key: o.entityType,
            value:
              event.entityType === 'action' && event.entityId ? (
                <Link href={`/acties/${event.entityId}`}>{o.openAction}</Link>
              ) : (
                [subject, event.entityId].filter(Boolean).join(' ')
              ),
          },
          { key: o.clientAddress, value: event.origin.clientAddress ?? o.noValue },
          { key: o.requestId, value: event.origin.requestId ?? o.noValue },
          { key: o.hash, value: <code className="sbt-hash">{event.hash}</code> },
          { key: o.prevHash, value: <code className="sbt-hash">{event.prevHash}</code> },
        ]}
      />
      <Heading level={2}>{o.change}</Heading>
      {changes.length === 0 ? (
        <Paragraph>{o.noChanges}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{o.changeCaption(subject)}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{o.field}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.oldValue}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.newValue}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {changes.map(([field, change]) => (
              <TableRow key={field}>
                <TableHeaderCell scope="row">{field}</TableHeaderCell>
                <TableCell className="sbt-value">{valueText(t, change.old)}</TableCell>
                <TableCell className="sbt-value">{valueText(t, change.new)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {details.length > 0 && (
        <>
          <Heading level={2}>{o.details}</Heading>
          <DataList
            items={details.map(([key, value]) => ({
              key,
              value: <span className="sbt-value">{valueText(t, value)}</span>,
            }))}
          />
        </>
      )}
    </>
  );
}
