import { useEffect, useRef, useState } from 'react';
import {
  Button,
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
import { useT } from '../../i18n';
import type { Commitment } from './use-commitment';
import { type CommitmentQuery, useCommitmentPage } from './use-commitment-page';

export function Results({ query }: { query: CommitmentQuery | null }) {
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
