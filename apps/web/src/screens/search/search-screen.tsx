import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
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
import { api, type Schemas } from '../../api/client';
import { ActionTable } from '../../components/action-table';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { actionListHref } from '../action-list/action-filters';
import { PagedMore } from '../action-list/paged-more';
import { type Paged, usePaged } from '../action-list/use-paged';

const PAGE_SIZE = 20;
type Commitment = Schemas['CommitmentResponse'];

/**
 * Search results (`/zoeken?q=…`, from the search box in the header): the actions
 * (GET /actions?q=: title, description and latest narrative) and the commitments
 * (GET /commitments?q=) of the programme the person works in, each in its own section.
 */
export default function SearchScreen() {
  const t = useT();
  usePageTitle(t.search.title);
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const { programmeId } = useProgrammeRole();
  return (
    <>
      <Heading level={1}>{q ? t.search.resultsFor(q) : t.search.title}</Heading>
      <Paragraph>{t.search.intro}</Paragraph>
      {!programmeId ? (
        <Paragraph>{t.search.noProgramme}</Paragraph>
      ) : !q ? (
        <Paragraph>{t.search.noQuery}</Paragraph>
      ) : (
        <Results programmeId={programmeId} q={q} />
      )}
    </>
  );
}

function Results({ programmeId, q }: { programmeId: string; q: string }) {
  const t = useT();
  const key = JSON.stringify([programmeId, q]);
  const actions = usePaged(key, (cursor) =>
    api.GET('/actions', {
      params: { query: { programme: programmeId, q, limit: PAGE_SIZE, cursor } },
    }),
  );
  const commitments = usePaged(key, (cursor) =>
    api.GET('/commitments', {
      params: { query: { programme: programmeId, q, limit: PAGE_SIZE, cursor } },
    }),
  );
  return (
    <>
      <ResultSection
        id="acties"
        title={t.search.actions}
        list={actions}
        empty={t.search.noActions(q)}
      >
        {(items) => (
          <>
            <ActionTable caption={t.search.actions} actions={items} />
            <Paragraph>
              <Link href={actionListHref({ q })}>{t.search.openList(q)}</Link>
            </Paragraph>
          </>
        )}
      </ResultSection>
      <ResultSection
        id="toezeggingen"
        title={t.search.commitments}
        list={commitments}
        empty={t.search.noCommitments(q)}
      >
        {(items) => <CommitmentTable items={items} />}
      </ResultSection>
    </>
  );
}

function ResultSection<T>(props: {
  id: string;
  title: string;
  list: Paged<T>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  const { list } = props;
  const headingId = `${props.id}-kop`;
  return (
    <section aria-labelledby={headingId} aria-busy={list.status === 'loading'}>
      <Heading level={2} id={headingId}>
        {props.title}
        {list.status === 'loaded' && <> ({t.search.count(list.items.length, list.hasMore)})</>}
      </Heading>
      {list.status === 'invalid' ? (
        <Alert type="error">
          <Paragraph>{t.search.invalid}</Paragraph>
        </Alert>
      ) : list.status === 'failed' ? (
        <Paragraph>{t.search.loadFailed}</Paragraph>
      ) : list.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : list.items.length === 0 ? (
        <Paragraph>{props.empty}</Paragraph>
      ) : (
        <>
          {props.children(list.items)}
          <PagedMore list={list} more={t.search.more} allShown={t.search.allShown} />
        </>
      )}
    </section>
  );
}

function CommitmentTable({ items }: { items: Commitment[] }) {
  const t = useT();
  return (
    <div className="sbt-table-scroll">
      <Table>
        <TableCaption className="sbt-visually-hidden">{t.search.commitments}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.search.commitment}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.search.kind}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.search.dateAgreed}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((commitment) => (
            <TableRow key={commitment.id}>
              <TableCell>
                <Link href={`/toezeggingen/${commitment.id}`}>{commitment.title}</Link>
              </TableCell>
              <TableCell>{t.commitmentKind[commitment.kind]}</TableCell>
              <TableCell>
                {commitment.dateAgreed ? t.format.date(commitment.dateAgreed) : '–'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
