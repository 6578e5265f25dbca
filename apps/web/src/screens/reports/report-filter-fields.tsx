import { amsterdamDay } from '../../components/amsterdam-day';
import { SelectField, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { HEALTHS, KINDS, type ReportValues, STATUSES } from './report-query';
import type { Organisation, Track } from './use-report-choices';

export const FIELD_IDS: Record<string, string> = {
  asOf: 'rapport-asOf',
  since: 'rapport-since',
  track: 'rapport-track',
  status: 'rapport-status',
  health: 'rapport-health',
  ownerOrganisation: 'rapport-ownerOrganisation',
  partnerOrganisation: 'rapport-partnerOrganisation',
  commitmentKind: 'rapport-commitmentKind',
  overdue: 'rapport-overdue',
};

export function ReportFilterFields({
  values,
  set,
  errorAt,
  tracks,
  organisations,
}: {
  values: ReportValues;
  set: (field: keyof ReportValues) => (event: { target: EventTarget }) => void;
  errorAt: (field: keyof ReportValues) => string | undefined;
  tracks: Track[];
  organisations: Organisation[];
}) {
  const t = useT();
  const r = t.reports;
  const options = (labels: Record<string, string>, keys: readonly string[]) => [
    <option key="" value="">
      {r.any}
    </option>,
    ...keys.map((key) => (
      <option key={key} value={key}>
        {labels[key]}
      </option>
    )),
  ];
  const organisationLabels = Object.fromEntries(
    organisations.map((organisation) => [
      organisation.id,
      `${organisation.code} – ${organisation.name}`,
    ]),
  );
  const organisationIds = organisations.map((organisation) => organisation.id);

  return (
    <div className="sbt-filters">
      <TextField
        id={FIELD_IDS.asOf}
        name="asOf"
        type="date"
        label={r.asOf}
        description={r.asOfHint}
        errorMessage={errorAt('asOf')}
        value={values.asOf}
        max={amsterdamDay()}
        onChange={set('asOf')}
      />
      <TextField
        id={FIELD_IDS.since}
        name="since"
        type="date"
        label={r.since}
        description={r.sinceHint}
        errorMessage={errorAt('since')}
        value={values.since}
        onChange={set('since')}
      />
      <SelectField
        id={FIELD_IDS.track}
        label={r.track}
        value={values.track}
        errorMessage={errorAt('track')}
        onChange={set('track')}
      >
        {options(
          Object.fromEntries(tracks.map((track) => [track.id, track.name])),
          tracks.map((track) => track.id),
        )}
      </SelectField>
      <SelectField
        id={FIELD_IDS.status}
        label={r.status}
        value={values.status}
        errorMessage={errorAt('status')}
        onChange={set('status')}
      >
        {options(t.status, STATUSES)}
      </SelectField>
      <SelectField
        id={FIELD_IDS.health}
        label={r.health}
        value={values.health}
        errorMessage={errorAt('health')}
        onChange={set('health')}
      >
        {options(t.health, HEALTHS)}
      </SelectField>
      <SelectField
        id={FIELD_IDS.ownerOrganisation}
        label={r.ownerOrganisation}
        value={values.ownerOrganisation}
        errorMessage={errorAt('ownerOrganisation')}
        onChange={set('ownerOrganisation')}
      >
        {options(organisationLabels, organisationIds)}
      </SelectField>
      <SelectField
        id={FIELD_IDS.partnerOrganisation}
        label={r.partnerOrganisation}
        value={values.partnerOrganisation}
        errorMessage={errorAt('partnerOrganisation')}
        onChange={set('partnerOrganisation')}
      >
        {options(organisationLabels, organisationIds)}
      </SelectField>
      <SelectField
        id={FIELD_IDS.commitmentKind}
        label={r.commitmentKind}
        value={values.commitmentKind}
        errorMessage={errorAt('commitmentKind')}
        onChange={set('commitmentKind')}
      >
        {options(t.commitmentKind, KINDS)}
      </SelectField>
      <SelectField
        id={FIELD_IDS.overdue}
        label={r.overdue}
        value={values.overdue}
        errorMessage={errorAt('overdue')}
        onChange={set('overdue')}
      >
        {options({ true: r.overdueYes, false: r.overdueNo }, ['true', 'false'])}
      </SelectField>
    </div>
  );
}
