import { useSearchParams } from 'react-router';
import {
  Alert,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { api } from '../../api/client';
import { ActionTable } from '../../components/action-table';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { actionQuery, filtersFromParams, filtersToSearch } from './action-filters';
import { FilterForm } from './action-filter-form';
import { filtersInWords, useTitles } from './filters-in-words';
import { PagedMore } from './paged-more';
import { useChoices } from './use-choices';
import { usePaged } from './use-paged';

const PAGE_SIZE = 50;

/**
 * The programme's action list (`/acties`): every action of the programme the person works
 * in, narrowed by the filters in the address (the URL contract of `GET /v1/actions`, which
 * the overview's figures link with), page after page.
 */
export default function ActionListScreen() {
  const t = useT();
  usePageTitle(t.actionList.title);
  const { programmeId, role, isPlatformAdmin } = useProgrammeRole();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const search = filtersToSearch(filters);
  const choices = useChoices(programmeId);
  const titles = useTitles(filters);
  const key = programmeId ? `${programmeId}?${search}` : null;
  const list = usePaged(key, (cursor) =>
    api.GET('/actions', {
      params: { query: { ...actionQuery(programmeId!, filters, PAGE_SIZE), cursor } },
    }),
  );

  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.actionList.title}</Heading>
        <Paragraph>{t.actionList.noProgramme}</Paragraph>
      </>
    );
  }
  const mayChange = role === 'coordinator' || role === 'editor' || isPlatformAdmin;
  return (
    <>
      <Heading level={1}>{t.actionList.title}</Heading>
      <Paragraph>{t.actionList.intro}</Paragraph>
      {mayChange && (
        <div className="sbt-row">
          <Link href="/acties/nieuw">{t.actionList.create}</Link>
          <Link href={search ? `/acties/wijzigen?${search}` : '/acties/wijzigen'}>
            {t.actionList.bulk}
          </Link>
        </div>
      )}
      <FilterForm
        filters={filters}
        choices={choices}
        onApply={(next) => setParams(new URLSearchParams(filtersToSearch(next)))}
      />
      <section aria-labelledby="resultaat-kop" aria-busy={list.status === 'loading'}>
        <Heading level={2} id="resultaat-kop">
          {t.actionList.results}
          {list.status === 'loaded' && (
            <> ({t.actionList.count(list.items.length, list.hasMore)})</>
          )}
        </Heading>
        <Paragraph>
          <strong>{t.actionList.showing}</strong> {filtersInWords(t, filters, choices, titles)}
        </Paragraph>
        {list.status === 'invalid' ? (
          <Alert type="error">
            <Paragraph>{t.actionList.invalid}</Paragraph>
            <UnorderedList>
              {(
                list.problem?.invalidParams ?? [{ name: '', reason: list.problem?.detail ?? '' }]
              ).map((param, index) => (
                <UnorderedListItem key={index}>
                  {param.name ? `${param.name}: ${param.reason}` : param.reason}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </Alert>
        ) : list.status === 'failed' ? (
          <Paragraph>{t.actionList.loadFailed}</Paragraph>
        ) : list.status === 'loading' && list.items.length === 0 ? (
          <Paragraph>{t.app.loading}</Paragraph>
        ) : list.items.length === 0 ? (
          <Paragraph>{t.actionList.none}</Paragraph>
        ) : (
          <>
            <ActionTable caption={t.actionList.results} actions={list.items} />
            <PagedMore list={list} more={t.actionList.more} allShown={t.actionList.allShown} />
          </>
        )}
      </section>
    </>
  );
}
