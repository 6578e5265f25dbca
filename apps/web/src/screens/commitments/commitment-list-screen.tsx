import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, cursorOf } from '../../api/client';
import type { paths } from '../../api/schema';
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
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import {
  type Commitment,
  type CommitmentKind,
  KINDS,
  mayManageCommitments,
  type Organisation,
  useOrganisations,
} from './use-commitment';

type CommitmentQuery = NonNullable<paths['/commitments']['get']['parameters']['query']>;

const PAGE_SIZE = 20;
/** The address's filter keys (Dutch, like the other screens) and the API's sort keys. */
const FIELDS = ['soort', 'partij', 'zoek', 'sorteer'] as const;
type Field = (typeof FIELDS)[number];
const SORTS: Record<string, string> = {
  '': '-createdAt',
  afgesproken: '-dateAgreed',
  titel: 'title',
};

interface Page {
  items: Commitment[];
  loading: boolean;
  failed: boolean;
  next?: string;
  prev?: string;
}

function useCommitmentPage(query: CommitmentQuery | null, cursor: string | undefined): Page {
  const [page, setPage] = useState<Page>({ items: [], loading: true, failed: false });
  const key = JSON.stringify([query, cursor]);
  useEffect(() => {
    if (query === null) return;
    let current = true;
    setPage((previous) => ({ ...previous, loading: true }));
    void api
      .GET('/commitments', { params: { query: { ...query, cursor } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (!current) return;
        setPage(
          data
            ? {
                items: data.data,
                loading: false,
                failed: false,
                next: cursorOf(data._links.next),
                prev: cursorOf(data._links.prev),
              }
            : { items: [], loading: false, failed: true },
        );
      });
    return () => {
      current = false;
    };
    // The key is the query's value; the objects themselves are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value
  }, [key]);
  return page;
}

/**
 * Toezeggingen: the programme's commitments, filtered by kind, party and title, in the order
 * chosen, each with its progress and worst health (the roll-up the list carries). The filters live in the address, so a view can be bookmarked and shared.
 */
export default function CommitmentListScreen() {
  const t = useT();
  usePageTitle(t.commitments.title);
  const { programmeId, role } = useProgrammeRole();
  const organisations = useOrganisations();
  const [params, setParams] = useSearchParams();

  const query = useMemo((): CommitmentQuery | null => {
    if (!programmeId) return null;
    const q: CommitmentQuery = { programme: programmeId, limit: PAGE_SIZE };
    const kind = params.get('soort');
    if (kind && (KINDS as readonly string[]).includes(kind)) q.kind = [kind as CommitmentKind];
    const party = params.get('partij');
    if (party) q.party = party;
    const text = params.get('zoek')?.trim();
    if (text) q.q = text;
    q.sort = SORTS[params.get('sorteer') ?? ''] ?? SORTS[''];
    return q;
  }, [params, programmeId]);

  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.commitments.title}</Heading>
        <Paragraph>{t.commitments.noProgramme}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t.commitments.title}</Heading>
      <Paragraph>{t.commitments.intro}</Paragraph>
      {mayManageCommitments(role) && (
        <Paragraph>
          <Link href="/toezeggingen/nieuw">{t.commitments.create}</Link>
        </Paragraph>
      )}
      <Filters params={params} organisations={organisations} onApply={setParams} />
      <Results query={query} />
    </>
  );
}

function Results({ query }: { query: CommitmentQuery | null }) {
  const t = useT();
  const c = t.commitments;
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const queryKey = JSON.stringify(query);
  useEffect(() => setCursor(undefined), [queryKey]);
  const page = useCommitmentPage(query, cursor);
  const more = page.next !== undefined || cursor !== undefined;
  // After "next" or "previous" the heading of the results takes the focus: the button
  // pressed may be gone on the first or last page (WCAG 2.4.3).
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
    <section aria-labelledby="resultaten" aria-busy={page.loading}>
      <Heading level={2} id="resultaten" ref={heading} tabIndex={-1}>
        {c.results}
        {!page.loading && !page.failed && <> ({c.count(page.items.length, more)})</>}
      </Heading>
      {page.failed ? (
        <Paragraph>{c.loadFailed}</Paragraph>
      ) : page.loading && page.items.length === 0 ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : page.items.length === 0 ? (
        <Paragraph>{c.none}</Paragraph>
      ) : (
        <div className="sbt-table-scroll">
          <Table>
            <TableCaption className="sbt-visually-hidden">{c.results}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{c.colTitle}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.colKind}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.colDateAgreed}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.colParties}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.colProgress}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((commitment) => (
                <TableRow key={commitment.id}>
                  <TableCell>
                    <Link href={`/toezeggingen/${commitment.id}`}>{commitment.title}</Link>
                  </TableCell>
                  <TableCell>{t.commitmentKind[commitment.kind]}</TableCell>
                  <TableCell>
                    {commitment.dateAgreed ? t.format.date(commitment.dateAgreed) : c.notKnown}
                  </TableCell>
                  <TableCell>
                    {commitment.parties.length > 0
                      ? commitment.parties.map((party) => party.code).join(', ')
                      : t.action.none}
                  </TableCell>
                  <TableCell>
                    <ProgressInWords commitment={commitment} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {(page.prev || page.next) && (
        <nav aria-label={c.pages} className="sbt-row">
          {page.prev && (
            <Button appearance="secondary-action-button" onClick={() => turnTo(page.prev)}>
              {c.previous}
            </Button>
          )}
          {page.next && (
            <Button appearance="secondary-action-button" onClick={() => turnTo(page.next)}>
              {c.next}
            </Button>
          )}
        </nav>
      )}
    </section>
  );
}

function Filters(props: {
  params: URLSearchParams;
  organisations: Organisation[];
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useT();
  const c = t.commitments;
  const fromAddress = () =>
    Object.fromEntries(FIELDS.map((field) => [field, props.params.get(field) ?? ''])) as Record<
      Field,
      string
    >;
  const [values, setValues] = useState(fromAddress);
  // The fields follow the address (applied, cleared, the back button); the form stays, and
  // with it the focus on the button just pressed.
  const address = props.params.toString();
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(fromAddress());
  }
  const set = (field: Field) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLInputElement).value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const field of FIELDS) if (values[field].trim()) next.set(field, values[field].trim());
    props.onApply(next);
  };
  return (
    <form aria-label={c.filtersTitle} onSubmit={apply} className="sbt-filters">
      <SelectField label={c.kind} id="filter-soort" value={values.soort} onChange={set('soort')}>
        <option value="">{c.anyKind}</option>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t.commitmentKind[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={c.party}
        id="filter-partij"
        value={values.partij}
        onChange={set('partij')}
      >
        <option value="">{c.anyParty}</option>
        {props.organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={c.search}
        id="filter-zoek"
        type="search"
        value={values.zoek}
        maxLength={200}
        onChange={set('zoek')}
      />
      <SelectField
        label={c.sort}
        id="filter-sorteer"
        value={values.sorteer}
        onChange={set('sorteer')}
      >
        <option value="">{c.sortNewest}</option>
        <option value="afgesproken">{c.sortAgreed}</option>
        <option value="titel">{c.sortTitle}</option>
      </SelectField>
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button">
          {c.apply}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => props.onApply(new URLSearchParams())}
        >
          {c.clear}
        </Button>
      </div>
    </form>
  );
}

/** A commitment's roll-up in a cell of the list: its percentage and its worst open health. */
function ProgressInWords({ commitment }: { commitment: Commitment }) {
  const t = useT();
  const c = t.commitments;
  const { rollup } = commitment;
  if (rollup.total === 0) return c.listNoActions;
  return (
    <>
      <span className="sbt-line">
        {rollup.percentComplete === null
          ? c.listNoPercent
          : c.listPercent(c.percent(rollup.percentComplete))}
      </span>
      <span className="sbt-line">
        {rollup.health === null ? c.listAllClosed : c.listHealth(t.health[rollup.health])}
      </span>
    </>
  );
}
