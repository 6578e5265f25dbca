import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, SelectField } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import {
  filtersFromParams,
  filtersToSearch,
  KINDS,
  OPEN_STATUSES,
} from '../action-list/action-filters';
import { type Choices, useChoices } from '../action-list/use-choices';
import { ByOwner, ByTrack } from './overview-breakdowns';
import { HealthOfOpen, KeyFigures, StatusHealth } from './overview-figures';
import { Escalations } from './overview-escalations';
import { OpenRounds, ShortList } from './overview-lists';
import { type OverviewFilters, useOpenRounds, useSummary } from './use-overview';

/**
 * The programme overview (`/overzicht`): where the programme stands, for every member. The
 * figures are the progress report's summary for the same filters (track, owner organisation,
 * kind of commitment: in the address, with the action list's names), and each links to the
 * list of the actions it counts.
 */
export default function OverviewScreen() {
  const t = useT();
  usePageTitle(t.overview.title);
  const { programmeId } = useProgrammeRole();
  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.overview.title}</Heading>
        <Paragraph>{t.overview.noProgramme}</Paragraph>
      </>
    );
  }
  return <Overview programmeId={programmeId} />;
}

function Overview({ programmeId }: { programmeId: string }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const all = filtersFromParams(params);
  const filters: OverviewFilters = {
    track: all.track,
    ownerOrganisation: all.ownerOrganisation,
    commitmentKind: all.commitmentKind,
  };
  const choices = useChoices(programmeId);
  const summary = useSummary(programmeId, filters);
  const rounds = useOpenRounds(programmeId);
  const document = summary.status === 'loaded' ? summary.value : null;
  return (
    <>
      <Heading level={1}>{t.overview.title}</Heading>
      <Paragraph>
        {document
          ? t.overview.intro(document.programme.name, t.format.date(document.reportDate))
          : t.overview.introNoName}
      </Paragraph>
      <Filters
        filters={filters}
        choices={choices}
        onApply={(next) => setParams(new URLSearchParams(filtersToSearch(next)))}
      />
      <div aria-busy={summary.status === 'loading'} className="sbt-overview">
        {summary.status === 'loading' ? (
          <Paragraph>{t.app.loading}</Paragraph>
        ) : summary.status === 'invalid' ? (
          <Alert type="error">
            <Paragraph>{t.overview.invalid}</Paragraph>
          </Alert>
        ) : summary.status === 'failed' ? (
          <Alert type="error">
            <Paragraph>{t.overview.loadFailed}</Paragraph>
          </Alert>
        ) : (
          <>
            <KeyFigures summary={summary.value.summary} base={filters} />
            <StatusHealth summary={summary.value.summary} base={filters} />
            <HealthOfOpen summary={summary.value.summary} base={filters} />
            <ShortList
              id="te-laat"
              title={t.overview.overdueList}
              programmeId={programmeId}
              filters={{ ...filters, overdue: true }}
              count={summary.value.summary.overdue}
            />
            <ShortList
              id="risico"
              title={t.overview.atRiskList}
              programmeId={programmeId}
              filters={{ ...filters, status: [...OPEN_STATUSES], health: ['at_risk', 'off_track'] }}
              count={
                (summary.value.summary.byHealth.at_risk ?? 0) +
                (summary.value.summary.byHealth.off_track ?? 0)
              }
            />
            <Escalations summary={summary.value.summary} base={filters} />
            <ByTrack summary={summary.value.summary} base={filters} />
            <ByOwner summary={summary.value.summary} base={filters} />
          </>
        )}
        <OpenRounds rounds={rounds} />
      </div>
    </>
  );
}

const FIELDS = ['track', 'ownerOrganisation', 'commitmentKind'] as const;

function Filters(props: {
  filters: OverviewFilters;
  choices: Choices;
  onApply: (filters: OverviewFilters) => void;
}) {
  const t = useT();
  const fromFilters = () =>
    Object.fromEntries(FIELDS.map((field) => [field, props.filters[field] ?? ''])) as Record<
      (typeof FIELDS)[number],
      string
    >;
  const [values, setValues] = useState(fromFilters);
  // The fields follow the address (applied, cleared, the back button); the form stays, and
  // with it the focus on the button just pressed.
  const address = filtersToSearch(props.filters);
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(fromFilters());
  }
  const set = (field: (typeof FIELDS)[number]) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLSelectElement).value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(filtersFromParams(new URLSearchParams(Object.entries(values))));
  };
  const any = <option value="">{t.overview.any}</option>;
  return (
    <form aria-label={t.overview.filtersTitle} onSubmit={apply} className="sbt-filters">
      <SelectField
        label={t.overview.track}
        id="overzicht-spoor"
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
        label={t.overview.ownerOrganisation}
        id="overzicht-trekker"
        value={values.ownerOrganisation}
        onChange={set('ownerOrganisation')}
      >
        {any}
        {props.choices.organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name} ({organisation.code})
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.overview.commitmentKind}
        id="overzicht-soort"
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
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button">
          {t.overview.apply}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => props.onApply({})}
        >
          {t.overview.clear}
        </Button>
      </div>
    </form>
  );
}
