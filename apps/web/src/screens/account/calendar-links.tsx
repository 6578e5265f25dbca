import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
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
import { useProgrammes } from '../../components/use-programmes';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';
import { focusSoon, generalProblem, Panel, when } from '../admin/admin-parts';
import { CreateCalendarLink, NewCalendarLink, type CreatedLink } from './calendar-link-form';

type Link = Schemas['CalendarLinkResponse'];

const SECTION_ID = 'agenda-abonnementen';
const LIST_HEADING_ID = 'agendalinks-kop';

/** The person's links, newest first (revoked ones too); `null` when they could not be read. */
function useCalendarLinks(version: number): Link[] | null | 'loading' {
  const [links, setLinks] = useState<Link[] | null | 'loading'>('loading');
  useEffect(() => {
    let current = true;
    void api
      .GET('/me/calendar-links')
      .catch(() => null)
      .then((result) => {
        if (current) setLinks(result?.data?.items ?? null);
      });
    return () => {
      current = false;
    };
  }, [version]);
  return links;
}

/**
 * Agenda-abonnementen on Account (issue 21): calendar links, personal read-only addresses of a
 * programme's deadlines for calendar apps that can send no credential (README "Calendar
 * links"). As with API tokens, a new address is shown once from the API's answer and kept in
 * this component's state only (never in web storage, DESIGN §7); the API stores a hash.
 */
export function CalendarLinks({
  errors,
  onErrors,
}: {
  errors: FieldError[];
  /** The page's error summary; `[]` clears it. */
  onErrors: (errors: FieldError[]) => void;
}) {
  const t = useT();
  const m = t.calendarLinks;
  const me = useMe();
  const programmes = useProgrammes();
  const [version, setVersion] = useState(0);
  const links = useCalendarLinks(version);
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const [revoking, setRevoking] = useState<Link | null>(null);
  const reload = () => setVersion((value) => value + 1);

  // The person's own programmes (the switcher's names); a platform administrator may read
  // others, but a link is only for a programme one is a member of.
  const mine = me.memberships.map((membership) => ({
    id: membership.programmeId,
    name:
      programmes.find((programme) => programme.id === membership.programmeId)?.name ??
      t.app.loading,
  }));
  const programmeName = (id: string) =>
    programmes.find((programme) => programme.id === id)?.name ?? t.app.loading;

  return (
    <section aria-labelledby={`${SECTION_ID}-kop`}>
      <Heading level={2} id={`${SECTION_ID}-kop`}>
        {m.title}
      </Heading>
      <div className="sbt-stack">
        <div>
          <Paragraph>{m.intro}</Paragraph>
          <Paragraph>{m.personal}</Paragraph>
        </div>
        {created && (
          <NewCalendarLink
            link={created}
            onDone={() => {
              setCreated(null);
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}
        {revoking && (
          <Revoke
            key={revoking.id}
            link={revoking}
            onErrors={onErrors}
            onCancel={() => {
              setRevoking(null);
              focusSoon(`agendalink-intrekken-${revoking.id}`);
            }}
            onDone={() => {
              setRevoking(null);
              reload();
              focusSoon(LIST_HEADING_ID);
            }}
            onGone={() => {
              // The error summary takes the focus.
              setRevoking(null);
              reload();
            }}
          />
        )}

        <div>
          <Heading level={3} id={LIST_HEADING_ID} tabIndex={-1}>
            {m.listTitle}
          </Heading>
          {links === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {links === null && (
            <Alert type="error">
              <Paragraph>{m.loadFailed}</Paragraph>
            </Alert>
          )}
          {Array.isArray(links) && links.length === 0 && <Paragraph>{m.none}</Paragraph>}
          {Array.isArray(links) && links.length > 0 && (
            <Table>
              <TableCaption>{m.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{m.name}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.programme}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.created}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.lastUsed}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.status}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {links.map((link) => (
                  <TableRow key={link.id}>
                    <TableHeaderCell scope="row" className="sbt-value">
                      {link.name}
                      <br />
                      <small>{m.starts(link.tokenPrefix)}</small>
                    </TableHeaderCell>
                    <TableCell>{programmeName(link.programmeId)}</TableCell>
                    <TableCell>{t.format.dateTime(link.createdAt)}</TableCell>
                    <TableCell>{when(link.lastUsedAt, m.notUsed, t)}</TableCell>
                    <TableCell>{link.revokedAt ? m.state.revoked : m.state.active}</TableCell>
                    <TableCell>
                      {!link.revokedAt && (
                        <Button
                          id={`agendalink-intrekken-${link.id}`}
                          appearance="secondary-action-button"
                          aria-label={m.revokeLink(link.name)}
                          onClick={() => {
                            onErrors([]);
                            setRevoking(link);
                          }}
                        >
                          {m.revoke}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>

        {mine.length === 0 ? (
          <Paragraph>{m.noProgrammes}</Paragraph>
        ) : (
          <CreateCalendarLink
            programmes={mine}
            errors={errors}
            onErrors={onErrors}
            onCreated={(link) => {
              setRevoking(null);
              setCreated(link);
              reload();
            }}
            onListChanged={reload}
          />
        )}
      </div>
    </section>
  );
}

/** Revoking one link, confirmed in a step of its own whose heading takes the focus. */
function Revoke(props: {
  link: Link;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
  /** It was not (or no longer) the person's: nothing to revoke. */
  onGone: () => void;
}) {
  const { link } = props;
  const t = useT();
  const m = t.calendarLinks;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  async function revoke() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/me/calendar-links/{id}', { params: { path: { id: link.id } } })
      .catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    if (status === 204) {
      props.onErrors([]);
      announce(m.revoked(link.name));
      return props.onDone();
    }
    if (status === 404) {
      props.onGone();
      return props.onErrors([{ message: m.gone }]);
    }
    props.onErrors([{ message: generalProblem(result?.error, status, t) }]);
  }
  return (
    <Panel id="agendalink-intrekken" title={m.revokeTitle(link.name)} level={3}>
      <Paragraph>{m.revokeWarning}</Paragraph>
      <div className="sbt-row">
        <Button
          appearance="primary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void revoke()}
        >
          {m.confirmRevoke}
        </Button>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {m.cancel}
        </Button>
      </div>
    </Panel>
  );
}
