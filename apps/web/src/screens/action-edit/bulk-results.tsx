import { useEffect, useRef } from 'react';
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
import { type Messages, useT } from '../../i18n';
import type { Problem } from '../../api/client';
import type { BulkResult, Outcome } from './bulk-apply';
import { type FormValues, problemInWords } from './form-values';

/** The API's reasons are put in words without a form behind them (no partner rows to point at). */
const NO_VALUES: FormValues = {
  title: '',
  description: '',
  trackId: '',
  commitmentId: '',
  ownerOrganisationId: '',
  ownerUserId: '',
  partners: [],
  startDate: '',
  deadline: '',
  reason: '',
  tags: '',
  public: false,
  rollupWeight: '',
};

const ORDER: readonly Outcome[] = [
  'changed',
  'unchanged',
  'conflict',
  'refused',
  'invalid',
  'failed',
];

function detailOf(t: Messages, result: BulkResult): string {
  const r = t.bulk.result;
  switch (result.outcome) {
    case 'changed':
      return r.changedDetail;
    case 'unchanged':
      return r.unchangedDetail;
    case 'conflict':
      return r.conflictDetail;
    case 'refused':
      return r.refusedDetail;
    case 'invalid':
      return problemInWords(t, 400, { invalidParams: result.problems } as Problem, NO_VALUES)
        .map((error) => error.message)
        .join(' ');
    case 'failed':
      return result.status === 429
        ? t.errors.tooManyRequests
        : result.status === 404
          ? t.actionEdit.errors.gone
          : result.status === undefined
            ? t.errors.network
            : t.errors.generic;
  }
}

/**
 * The outcome per action, with a summary in words that takes the focus when the change is
 * done (WCAG 2.4.3, 4.1.3); conflicted actions can be tried again on their newest version.
 */
export function BulkResults(props: {
  results: BulkResult[];
  description: string;
  onRetry: () => void;
}) {
  const t = useT();
  const b = t.bulk;
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    summary.current?.focus();
  }, [props.results]);
  const count = (outcome: Outcome) => props.results.filter((r) => r.outcome === outcome).length;
  const counts = ORDER.filter((outcome) => count(outcome) > 0).map((outcome) =>
    b.result.count[outcome](count(outcome)),
  );
  const retryable = count('conflict') + count('failed');
  return (
    <section aria-labelledby="bulk-result" className="sbt-stack">
      <Heading level={2} id="bulk-result">
        {b.result.title}
      </Heading>
      <Paragraph ref={summary} tabIndex={-1} className="sbt-bulk-summary">
        {b.result.summary(props.description, counts.join(', '))}
      </Paragraph>
      <div className="sbt-table-scroll">
        <Table>
          <TableCaption>{b.result.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
              <TableHeaderCell scope="col">{b.result.outcome}</TableHeaderCell>
              <TableHeaderCell scope="col">{b.result.detail}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.results.map((result) => (
              <TableRow key={result.action.id}>
                <TableHeaderCell scope="row">
                  <Link href={`/acties/${result.action.id}`}>{result.action.title}</Link>
                </TableHeaderCell>
                <TableCell>{b.result.outcomes[result.outcome]}</TableCell>
                <TableCell>{detailOf(t, result)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {retryable > 0 && (
        <>
          <Paragraph>{b.result.retryExplanation}</Paragraph>
          <div>
            <Button appearance="primary-action-button" onClick={props.onRetry}>
              {b.result.retry(retryable)}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
