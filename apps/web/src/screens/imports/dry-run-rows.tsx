import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, cursorOf } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Alert, Button, Heading, Link, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import { type Choice, ConflictChoice } from './conflict-choice';
import { changeLines, errorLines, ImportRowsTable, Lines } from './import-rows-table';
import {
  countOf,
  FILTERS,
  filterOf,
  type Import,
  type ImportRow,
  outcomesOf,
  rowName,
} from './import-words';
import { PagedRows } from './paged-rows';

const PAGE = 50;
/** The most positions one POST …/choices takes. */
const CHOICES_PER_CALL = 1_000;

/** The id of the "Conflicten" filter: the apply's error summary leads there. */
export const CONFLICT_FILTER_ID = 'import-filter-conflict';

/** Every conflicting row's position, page after page (the API has no "choose all"). */
async function conflictPositions(programmeId: string, importId: string): Promise<number[]> {
  const positions: number[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await api.GET('/programmes/{id}/imports/{importId}/rows', {
      params: {
        path: { id: programmeId, importId },
        query: { outcome: ['conflict'], limit: 200, cursor },
      },
    });
    if (!data) throw new Error('conflicting rows not read');
    positions.push(...data.data.map((row) => row.position));
    cursor = cursorOf(data._links.next);
  } while (cursor);
  return positions;
}

/**
 * The dry run's rows, filtered by outcome (the filter lives in the address), each with what it
 * changes, its errors or its conflict and choice; and a choice for all conflicts at once.
 */
export function DryRunRows({ item, replace }: { item: Import; replace: (item: Import) => void }) {
  const t = useT();
  const i = t.imports;
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const filter = filterOf(params.get('outcome'));
  // Moves when every conflict was chosen at once: the rows are read again.
  const [generation, setGeneration] = useState(0);
  const list = usePagedList<ImportRow>(`${item.id}:${filter}:${generation}`, (cursor) =>
    api
      .GET('/programmes/{id}/imports/{importId}/rows', {
        params: {
          path: { id: item.programmeId, importId: item.id },
          query: { outcome: outcomesOf(filter), limit: PAGE, cursor },
        },
      })
      .then(({ data }) => data),
  );
  // Choices made on this page, until the rows are read again.
  const [chosen, setChosen] = useState<ReadonlyMap<number, Choice>>(new Map());
  const [failedChoice, setFailedChoice] = useState<number | null>(null);
  const [busyAll, setBusyAll] = useState<Choice | null>(null);
  const [allFailed, setAllFailed] = useState(false);
  const label = (choice: Choice) => (choice === 'sheet' ? i.chooseSheet : i.chooseApp);

  async function choose(row: ImportRow, choice: Choice) {
    const before = chosen.get(row.position) ?? row.choice ?? null;
    setChosen((current) => new Map(current).set(row.position, choice));
    setFailedChoice(null);
    const { data } = await api
      .POST('/programmes/{id}/imports/{importId}/choices', {
        params: { path: { id: item.programmeId, importId: item.id } },
        body: { choices: [{ position: row.position, choice }] },
      })
      .catch(() => ({ data: undefined }));
    if (data) {
      replace(data);
      announce(i.choiceSaved(rowName(i, row), label(choice)));
      return;
    }
    setChosen((current) => {
      const next = new Map(current);
      if (before) next.set(row.position, before);
      else next.delete(row.position);
      return next;
    });
    setFailedChoice(row.position);
  }

  async function chooseAll(choice: Choice) {
    if (busyAll) return;
    setBusyAll(choice);
    setAllFailed(false);
    try {
      const positions = await conflictPositions(item.programmeId, item.id);
      for (let start = 0; start < positions.length; start += CHOICES_PER_CALL) {
        const { data } = await api.POST('/programmes/{id}/imports/{importId}/choices', {
          params: { path: { id: item.programmeId, importId: item.id } },
          body: {
            choices: positions
              .slice(start, start + CHOICES_PER_CALL)
              .map((position) => ({ position, choice })),
          },
        });
        if (!data) throw new Error('choices not saved');
        replace(data);
      }
      setChosen(new Map());
      setGeneration((value) => value + 1);
      announce(i.chooseAllDone(positions.length, label(choice)));
    } catch {
      setAllFailed(true);
    } finally {
      setBusyAll(null);
    }
  }

  const filterLabel = i.filters[filter];
  return (
    <section aria-labelledby="import-rijen" className="sbt-stack">
      <Heading level={2} id="import-rijen">
        {i.rowsTitle}
      </Heading>
      <nav aria-label={i.filterLabel}>
        <ul className="sbt-import-filters">
          {FILTERS.map((option) => {
            const outcomes = outcomesOf(option).join(',');
            return (
              <li key={option}>
                <Link
                  id={option === 'conflict' ? CONFLICT_FILTER_ID : undefined}
                  href={`/beheer/import/${item.id}${outcomes ? `?outcome=${outcomes}` : ''}`}
                  current={option === filter ? 'page' : undefined}
                >
                  {i.filterCount(i.filters[option], countOf(item.counts, option))}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {item.counts.conflict > 0 && (
        <section aria-labelledby="import-alle-conflicten">
          <Heading level={3} id="import-alle-conflicten">
            {i.chooseAllTitle}
          </Heading>
          <Paragraph>{i.unresolved(item.unresolvedConflicts)}</Paragraph>
          {allFailed && (
            <div role="alert">
              <Alert type="error">
                <Paragraph>{i.choiceFailed}</Paragraph>
              </Alert>
            </div>
          )}
          <div className="sbt-row">
            {(['sheet', 'app'] as const).map((choice) => (
              <Button
                key={choice}
                type="button"
                appearance="secondary-action-button"
                busy={busyAll === choice}
                aria-disabled={busyAll !== null}
                onClick={() => void chooseAll(choice)}
              >
                {busyAll === choice
                  ? i.chooseAllBusy
                  : choice === 'sheet'
                    ? i.chooseAllSheet
                    : i.chooseAllApp}
              </Button>
            ))}
          </div>
        </section>
      )}
      <PagedRows list={list} empty={i.rowsNone}>
        {(rows) => (
          <ImportRowsTable
            caption={i.rowsCaption(filterLabel, countOf(item.counts, filter))}
            rows={rows}
            detailsHeader={i.details}
            details={(row) =>
              row.outcome === 'conflict' ? (
                <ConflictChoice
                  row={row}
                  choice={chosen.get(row.position) ?? row.choice ?? null}
                  failed={failedChoice === row.position}
                  onChoose={(choice) => void choose(row, choice)}
                />
              ) : (
                <Lines lines={row.outcome === 'error' ? errorLines(i, row) : changeLines(t, row)} />
              )
            }
          />
        )}
      </PagedRows>
    </section>
  );
}
