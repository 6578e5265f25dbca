import { useRef } from 'react';
import { api } from '../../api/client';
import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '../../components/nlds';
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import { changeLines, ImportRowsTable, Lines } from './import-rows-table';
import type { Import, ImportRow } from './import-words';
import { PagedRows } from './paged-rows';
import { useFocusIfLost } from './use-focus-if-lost';

type Result = NonNullable<ImportRow['result']>;
const PAGE = 50;

function useResultRows(item: Import, result: Result) {
  return usePagedList<ImportRow>(`${item.id}:${result}`, (cursor) =>
    api
      .GET('/programmes/{id}/imports/{importId}/rows', {
        params: {
          path: { id: item.programmeId, importId: item.id },
          query: { result: [result], limit: PAGE, cursor },
        },
      })
      .then(({ data }) => data),
  );
}

/**
 * What the apply did: the results per kind in words, the rows that changed a commitment or
 * action (each a link to it), and the rows the API refused, with its reason.
 */
export function ImportResults({ item }: { item: Import }) {
  const t = useT();
  const i = t.imports;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  const applied = useResultRows(item, 'applied');
  const failed = useResultRows(item, 'failed');
  const { results } = item;
  const figures = [
    i.resultApplied(results.applied),
    results.kept > 0 && i.resultKept(results.kept),
    results.unchanged > 0 && i.resultUnchanged(results.unchanged),
    results.skipped > 0 && i.resultSkipped(results.skipped),
    results.failed > 0 && i.resultFailed(results.failed),
  ].filter((line): line is string => Boolean(line));
  return (
    <>
      <section aria-labelledby="import-resultaat">
        <Heading level={2} id="import-resultaat" ref={heading} tabIndex={-1}>
          {i.summaryTitle}
        </Heading>
        {item.appliedAt && <Paragraph>{i.appliedOn(t.format.dateTime(item.appliedAt))}</Paragraph>}
        <UnorderedList>
          {figures.map((line) => (
            <UnorderedListItem key={line}>{line}</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
      <section aria-labelledby="import-veranderd">
        <Heading level={2} id="import-veranderd">
          {i.changedTitle}
        </Heading>
        <PagedRows list={applied} empty={i.changedNone}>
          {(rows) => (
            <ImportRowsTable
              caption={i.changedTitle}
              captionHidden
              rows={rows}
              outcome={(row) =>
                row.outcome === 'conflict' ? i.appliedConflict : i.outcomes[row.outcome]
              }
              detailsHeader={i.details}
              details={(row) => <Lines lines={changeLines(t, row)} />}
            />
          )}
        </PagedRows>
      </section>
      {results.failed > 0 && (
        <section aria-labelledby="import-mislukt">
          <Heading level={2} id="import-mislukt">
            {i.failedRowsTitle}
          </Heading>
          <PagedRows list={failed} empty={i.changedNone}>
            {(rows) => (
              <ImportRowsTable
                caption={i.failedRowsTitle}
                captionHidden
                rows={rows}
                detailsHeader={i.reason}
                details={(row) => (
                  <Lines lines={row.resultDetail ? [row.resultDetail.reason] : []} />
                )}
              />
            )}
          </PagedRows>
        </section>
      )}
      <Paragraph>
        <Link href="/beheer/import">{i.newImport}</Link>
      </Paragraph>
    </>
  );
}
