import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroupField,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { api } from '../../api/client';
import { ActionTable } from '../../components/action-table';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import {
  type ActionFilters,
  actionQuery,
  filtersFromParams,
  filtersToSearch,
  HEALTHS,
  KINDS,
  STATUSES,
  VERIFICATIONS,
} from './action-filters';
import { PagedMore } from './paged-more';
import { type Choices, useChoices } from './use-choices';
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
  const commitmentTitle = useCommitmentTitle(filters.commitment);
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
        <UnorderedList className="sbt-link-row">
          <UnorderedListItem>
            <Link href="/acties/nieuw">{t.actionList.create}</Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href={search ? `/acties/wijzigen?${search}` : '/acties/wijzigen'}>
              {t.actionList.bulk}
            </Link>
          </UnorderedListItem>
        </UnorderedList>
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
          <strong>{t.actionList.showing}</strong>{' '}
          {filtersInWords(t, filters, choices, commitmentTitle)}
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

/** The title of the commitment the list is narrowed to, to say it in words. */
function useCommitmentTitle(id: string | undefined): string | undefined {
  const [title, setTitle] = useState<{ id: string; title: string } | undefined>(undefined);
  useEffect(() => {
    if (!id) return;
    let current = true;
    void api
      .GET('/commitments/{id}', { params: { path: { id } } })
      .then(({ data }) => current && data && setTitle({ id, title: data.title }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [id]);
  return title && title.id === id ? title.title : undefined;
}

/** The active filters as a sentence ("status In uitvoering of Niet gestart; spoor …"). */
export function filtersInWords(
  t: Messages,
  filters: ActionFilters,
  choices: Choices,
  commitmentTitle?: string,
): string {
  const words = t.actionList.words;
  const name = (list: Array<{ id: string; name: string }>, id: string) =>
    list.find((item) => item.id === id)?.name ?? t.actionList.unknown;
  const parts: string[] = [];
  if (filters.status?.length)
    parts.push(words.status(t.actionList.or(filters.status.map((status) => t.status[status]))));
  if (filters.health?.length)
    parts.push(words.health(t.actionList.or(filters.health.map((health) => t.health[health]))));
  if (filters.track) parts.push(words.track(name(choices.tracks, filters.track)));
  if (filters.ownerOrganisation)
    parts.push(words.ownerOrganisation(name(choices.organisations, filters.ownerOrganisation)));
  if (filters.partnerOrganisation)
    parts.push(words.partnerOrganisation(name(choices.organisations, filters.partnerOrganisation)));
  if (filters.overdue !== undefined) parts.push(filters.overdue ? words.overdue : words.notOverdue);
  if (filters.commitmentKind)
    parts.push(words.commitmentKind(t.commitmentKind[filters.commitmentKind]));
  if (filters.commitment) parts.push(words.commitment(commitmentTitle ?? t.actionList.unknown));
  if (filters.verification) parts.push(words.verification(t.verification[filters.verification]));
  if (filters.tag) parts.push(words.tag(filters.tag));
  if (filters.q) parts.push(words.q(filters.q));
  return parts.length ? `${parts.join('; ')}.` : t.actionList.all;
}

type FormValues = Required<{
  [K in keyof ActionFilters]: NonNullable<ActionFilters[K]> extends unknown[] ? string[] : string;
}>;

function toValues(filters: ActionFilters): FormValues {
  return {
    status: filters.status ?? [],
    health: filters.health ?? [],
    track: filters.track ?? '',
    ownerOrganisation: filters.ownerOrganisation ?? '',
    partnerOrganisation: filters.partnerOrganisation ?? '',
    overdue: filters.overdue === undefined ? '' : String(filters.overdue),
    commitmentKind: filters.commitmentKind ?? '',
    commitment: filters.commitment ?? '',
    verification: filters.verification ?? '',
    tag: filters.tag ?? '',
    q: filters.q ?? '',
    sort: filters.sort ?? '',
  };
}

function fromValues(values: FormValues): ActionFilters {
  return filtersFromParams(
    new URLSearchParams(
      Object.entries(values)
        .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])
        .filter(([, value]) => value !== ''),
    ),
  );
}

function FilterForm(props: {
  filters: ActionFilters;
  choices: Choices;
  onApply: (filters: ActionFilters) => void;
}) {
  const t = useT();
  const address = filtersToSearch(props.filters);
  const [values, setValues] = useState(() => toValues(props.filters));
  // The fields follow the address (applied, cleared, the back button, a link from the
  // overview); the form stays, and with it the focus on the button just pressed.
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(toValues(props.filters));
  }
  const set = (field: keyof FormValues) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLInputElement).value }));
  const toggle = (field: 'status' | 'health', value: string) => (checked: boolean) =>
    setValues((current) => ({
      ...current,
      [field]: checked
        ? [...current[field], value]
        : current[field].filter((other) => other !== value),
    }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(fromValues(values));
  };
  const any = (
    <option key="" value="">
      {t.actionList.any}
    </option>
  );
  const organisations = props.choices.organisations.map((organisation) => (
    <option key={organisation.id} value={organisation.id}>
      {organisation.name} ({organisation.code})
    </option>
  ));
  return (
    <form aria-label={t.actionList.filtersTitle} onSubmit={apply} className="sbt-filters">
      <CheckboxGroupField id="filter-status" legend={t.actionList.status}>
        {STATUSES.map((status) => (
          <CheckboxField
            key={status}
            id={`filter-status-${status}`}
            label={t.status[status]}
            checked={values.status.includes(status)}
            onChange={toggle('status', status)}
          />
        ))}
      </CheckboxGroupField>
      <CheckboxGroupField id="filter-health" legend={t.actionList.health}>
        {HEALTHS.map((health) => (
          <CheckboxField
            key={health}
            id={`filter-health-${health}`}
            label={t.health[health]}
            checked={values.health.includes(health)}
            onChange={toggle('health', health)}
          />
        ))}
      </CheckboxGroupField>
      <SelectField
        label={t.actionList.track}
        id="filter-track"
        value={values.track}
        onChange={set('track')}
      >
        {any}
        {props.choices.tracks.map((track) => (
          <option key={track.id} value={track.id}>
            {track.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.actionList.ownerOrganisation}
        id="filter-owner"
        value={values.ownerOrganisation}
        onChange={set('ownerOrganisation')}
      >
        {any}
        {organisations}
      </SelectField>
      <SelectField
        label={t.actionList.partnerOrganisation}
        id="filter-partner"
        value={values.partnerOrganisation}
        onChange={set('partnerOrganisation')}
      >
        {any}
        {organisations}
      </SelectField>
      <SelectField
        label={t.actionList.overdue}
        id="filter-overdue"
        value={values.overdue}
        onChange={set('overdue')}
      >
        {any}
        <option value="true">{t.actionList.overdueYes}</option>
        <option value="false">{t.actionList.overdueNo}</option>
      </SelectField>
      <SelectField
        label={t.actionList.commitmentKind}
        id="filter-kind"
        value={values.commitmentKind}
        onChange={set('commitmentKind')}
      >
        {any}
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t.commitmentKind[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.actionList.verification}
        id="filter-verification"
        value={values.verification}
        onChange={set('verification')}
      >
        {any}
        {VERIFICATIONS.map((verification) => (
          <option key={verification} value={verification}>
            {t.verification[verification]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t.actionList.tag}
        id="filter-tag"
        value={values.tag}
        maxLength={50}
        onChange={set('tag')}
      />
      <TextField
        label={t.actionList.q}
        description={t.actionList.qDescription}
        id="filter-q"
        type="search"
        value={values.q}
        maxLength={200}
        onChange={set('q')}
      />
      <SelectField
        label={t.actionList.sort}
        id="filter-sort"
        value={values.sort}
        onChange={set('sort')}
      >
        <option value="">{t.actionList.sortDeadline}</option>
        <option value="-deadline">{t.actionList.sortDeadlineDesc}</option>
        <option value="title">{t.actionList.sortTitle}</option>
        <option value="-updatedAt">{t.actionList.sortUpdated}</option>
      </SelectField>
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button">
          {t.actionList.apply}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => props.onApply({})}
        >
          {t.actionList.clear}
        </Button>
      </div>
    </form>
  );
}
