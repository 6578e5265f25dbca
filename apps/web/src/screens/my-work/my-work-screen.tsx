import { type FormEvent, Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Button,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from '../../components/nlds';
import { api, type Schemas } from '../../api/client';
import { ActionTable } from '../../components/action-table';
import { amsterdamDay } from '../../components/amsterdam-day';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useMe, useSession } from '../../session/session';
import { type ActionQuery, useActionPage } from './use-action-page';
import { useRequestedUpdates } from './use-requested-updates';

const PAGE_SIZE = 10;
/** `?van=` in the address: mine, my organisation's, or where my organisation is a partner. */
const SCOPES: Record<string, 'mine' | 'organisation' | 'partner'> = {
  '': 'mine',
  organisatie: 'organisation',
  partner: 'partner',
};
const STATUSES = ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'] as const;
const HEALTHS = ['not_set', 'on_track', 'at_risk', 'off_track'] as const;
const KINDS = [
  'udo_trajectory',
  'bofv_agreement',
  'overhedenoverleg_agreement',
  'rob_recommendation',
  'parliamentary_pledge',
  'agenda_item',
] as const;
const OPEN = ['not_started', 'in_progress'] as ActionQuery['status'];

/**
 * Mijn werk: the home screen of an action owner or liaison. Filters live in the address, so
 * a filtered view can be bookmarked and the back button works.
 */
export function MyWorkScreen() {
  const t = useT();
  usePageTitle(t.myWork.title);
  const me = useMe();
  const { programmeId } = useSession();
  const [params, setParams] = useSearchParams();
  const scope = SCOPES[params.get('van') ?? ''] ?? 'mine';

  const filters = useMemo(() => {
    const query: ActionQuery = { limit: PAGE_SIZE };
    if (programmeId) query.programme = programmeId;
    if (scope === 'mine') query.ownerUser = 'me';
    else if (scope === 'partner') query.partnerOrganisation = me.organisation.id;
    else query.ownerOrganisation = me.organisation.id;
    const track = params.get('spoor');
    if (track) query.track = track;
    const status = params.get('status');
    if (status && (STATUSES as readonly string[]).includes(status))
      query.status = [status as (typeof STATUSES)[number]];
    const health = params.get('gezondheid');
    if (health && (HEALTHS as readonly string[]).includes(health))
      query.health = [health as (typeof HEALTHS)[number]];
    const kind = params.get('soort');
    if (kind && (KINDS as readonly string[]).includes(kind))
      query.commitmentKind = kind as (typeof KINDS)[number];
    const q = params.get('zoek');
    if (q) query.q = q;
    const sort = params.get('sorteer');
    if (sort === 'updatedAt' || sort === 'title')
      query.sort = sort === 'updatedAt' ? '-updatedAt' : 'title';
    return query;
  }, [params, programmeId, scope, me.organisation.id]);

  const since = me.previousLoginAt ?? null;
  const sections: Array<{ id: string; title: string; query: ActionQuery }> = [
    { id: 'te-laat', title: t.myWork.overdue, query: { ...filters, overdue: true } },
    {
      id: 'binnenkort',
      title: t.myWork.dueSoon,
      query: {
        ...filters,
        overdue: false,
        status: filters.status ?? OPEN,
        deadlineFrom: amsterdamDay(),
        deadlineTo: amsterdamDay(14),
      },
    },
    {
      id: 'gewijzigd',
      title: since ? t.myWork.changed : t.myWork.changedRecently,
      query: {
        ...filters,
        updatedSince: since ?? new Date(Date.now() - 14 * 86_400_000).toISOString(),
        sort: filters.sort ?? '-updatedAt',
      },
    },
  ];

  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.myWork.title}</Heading>
        <Paragraph>{t.myWork.noProgramme}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t.myWork.title}</Heading>
      <Paragraph>{t.myWork.intro}</Paragraph>
      <Filters
        params={params}
        organisation={me.organisation.code}
        programmeId={programmeId}
        onApply={(next) => setParams(next)}
      />
      {sections.map((section, index) => (
        <Fragment key={section.id}>
          {/* Update rounds ask owners, not partners. */}
          {index === 2 && scope !== 'partner' && (
            <RequestedSection
              programmeId={programmeId}
              scope={
                scope === 'mine' ? { ownerUser: 'me' } : { ownerOrganisation: me.organisation.id }
              }
            />
          )}
          <ActionSection id={section.id} title={section.title} query={section.query} />
        </Fragment>
      ))}
    </>
  );
}

function ActionSection({ id, title, query }: { id: string; title: string; query: ActionQuery }) {
  const t = useT();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const queryKey = JSON.stringify(query);
  useEffect(() => setCursor(undefined), [queryKey]);
  const page = useActionPage(query, cursor);
  const headingId = `${id}-kop`;
  const more = page.next !== undefined || cursor !== undefined;
  // After "next" or "previous" the new page's heading takes the focus: the button pressed may
  // be gone (the first or last page has none), and focus must not drop to the page (WCAG 2.4.3).
  const heading = useRef<HTMLHeadingElement>(null);
  const focusWhenLoaded = useRef(false);
  useEffect(() => {
    if (!focusWhenLoaded.current || page.loading) return;
    focusWhenLoaded.current = false;
    heading.current?.focus();
  }, [page]);
  const turnTo = (next: string | undefined) => {
    focusWhenLoaded.current = true;
    setCursor(next);
  };
  return (
    <section aria-labelledby={headingId} aria-busy={page.loading}>
      <Heading level={2} id={headingId} ref={heading} tabIndex={-1}>
        {title}
        {!page.loading && !page.failed && <> ({t.myWork.count(page.actions.length, more)})</>}
      </Heading>
      {page.failed ? (
        <Paragraph>{t.myWork.loadFailed}</Paragraph>
      ) : page.loading && page.actions.length === 0 ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : page.actions.length === 0 ? (
        <Paragraph>{t.myWork.none}</Paragraph>
      ) : (
        <ActionTable caption={title} actions={page.actions} />
      )}
      {(page.prev || page.next) && (
        <nav aria-label={t.myWork.pageOf(title)} className="sbt-row">
          {page.prev && (
            <Button appearance="secondary-action-button" onClick={() => turnTo(page.prev)}>
              {t.myWork.previous}
            </Button>
          )}
          {page.next && (
            <Button appearance="secondary-action-button" onClick={() => turnTo(page.next)}>
              {t.myWork.next}
            </Button>
          )}
        </nav>
      )}
    </section>
  );
}

/** What open update rounds still ask of me (or my organisation), soonest due first. */
function RequestedSection(props: {
  programmeId: string;
  scope: { ownerUser: 'me' } | { ownerOrganisation: string };
}) {
  const t = useT();
  const requested = useRequestedUpdates(props.programmeId, props.scope);
  const title = t.myWork.requested;
  return (
    <section aria-labelledby="updateronde-kop" aria-busy={requested.loading}>
      <Heading level={2} id="updateronde-kop">
        {title}
        {!requested.loading && !requested.failed && (
          <> ({t.myWork.count(requested.items.length, false)})</>
        )}
      </Heading>
      {requested.failed ? (
        <Paragraph>{t.myWork.loadFailed}</Paragraph>
      ) : requested.loading ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : requested.items.length === 0 ? (
        <Paragraph>{t.myWork.none}</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sbt-visually-hidden">{title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.myWork.round}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.myWork.roundDue}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.actionTable.deadline}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requested.items.map((item) => (
              <TableRow key={`${item.round.id}:${item.actionId}`}>
                <TableCell>
                  <Link href={`/acties/${item.actionId}/voortgang`}>{item.title}</Link>
                </TableCell>
                <TableCell>{item.round.title}</TableCell>
                <TableCell>{t.format.date(item.round.dueDate)}</TableCell>
                <TableCell>{t.format.date(item.deadline)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

type Track = Schemas['TrackResponse'];

function useTracks(programmeId: string): Track[] {
  const [tracks, setTracks] = useState<Track[]>([]);
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/tracks', {
        params: { path: { id: programmeId }, query: { limit: 200 } },
      })
      .then(({ data }) => current && data && setTracks(data.data));
    return () => {
      current = false;
    };
  }, [programmeId]);
  return tracks;
}

const FIELDS = ['van', 'spoor', 'status', 'gezondheid', 'soort', 'zoek', 'sorteer'] as const;

function Filters(props: {
  params: URLSearchParams;
  organisation: string;
  programmeId: string;
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useT();
  const tracks = useTracks(props.programmeId);
  const fromAddress = () =>
    Object.fromEntries(FIELDS.map((field) => [field, props.params.get(field) ?? ''])) as Record<
      (typeof FIELDS)[number],
      string
    >;
  const [values, setValues] = useState(fromAddress);
  // The fields follow the address (applied, cleared, the back button); the form stays, and
  // with it the focus on the button just pressed (a new form would drop it to the page).
  const address = props.params.toString();
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(fromAddress());
  }
  const set = (field: (typeof FIELDS)[number]) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLInputElement).value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const field of FIELDS) if (values[field]) next.set(field, values[field]);
    props.onApply(next);
  };
  const options = (labels: Record<string, string>, keys: readonly string[]) => [
    <option key="" value="">
      {t.myWork.any}
    </option>,
    ...keys.map((key) => (
      <option key={key} value={key}>
        {labels[key]}
      </option>
    )),
  ];
  return (
    <form aria-label={t.myWork.filtersTitle} onSubmit={apply} className="sbt-filters">
      <SelectField
        label={t.myWork.scope}
        id="filter-van"
        name="van"
        value={values.van}
        onChange={set('van')}
      >
        <option value="">{t.myWork.scopeMine}</option>
        <option value="organisatie">{t.myWork.scopeOrganisation(props.organisation)}</option>
        <option value="partner">{t.myWork.scopePartner(props.organisation)}</option>
      </SelectField>
      <SelectField
        label={t.myWork.track}
        id="filter-spoor"
        name="spoor"
        value={values.spoor}
        onChange={set('spoor')}
      >
        {options(
          Object.fromEntries(tracks.map((track) => [track.id, track.name])),
          tracks.map((track) => track.id),
        )}
      </SelectField>
      <SelectField
        label={t.myWork.status}
        id="filter-status"
        name="status"
        value={values.status}
        onChange={set('status')}
      >
        {options(t.status, STATUSES)}
      </SelectField>
      <SelectField
        label={t.myWork.health}
        id="filter-gezondheid"
        name="gezondheid"
        value={values.gezondheid}
        onChange={set('gezondheid')}
      >
        {options(t.health, HEALTHS)}
      </SelectField>
      <SelectField
        label={t.myWork.kind}
        id="filter-soort"
        name="soort"
        value={values.soort}
        onChange={set('soort')}
      >
        {options(t.commitmentKind, KINDS)}
      </SelectField>
      <TextField
        label={t.myWork.search}
        description={t.myWork.searchDescription}
        id="filter-zoek"
        name="zoek"
        type="search"
        value={values.zoek}
        maxLength={200}
        onChange={set('zoek')}
      />
      <SelectField
        label={t.myWork.sort}
        id="filter-sorteer"
        name="sorteer"
        value={values.sorteer}
        onChange={set('sorteer')}
      >
        <option value="">{t.myWork.sortDeadline}</option>
        <option value="updatedAt">{t.myWork.sortUpdated}</option>
        <option value="title">{t.myWork.sortTitle}</option>
      </SelectField>
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button">
          {t.myWork.apply}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => props.onApply(new URLSearchParams())}
        >
          {t.myWork.clear}
        </Button>
      </div>
    </form>
  );
}
