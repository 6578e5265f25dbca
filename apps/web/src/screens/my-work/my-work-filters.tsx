import { type FormEvent, useState } from 'react';
import { Button, SelectField, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { useTracks } from './use-tracks';

/*
 * The filters of Mijn werk: a form whose values go into the address (`?van=&spoor=&…`), and the
 * values the address may hold.
 */

export const STATUSES = ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'] as const;
export const HEALTHS = ['not_set', 'on_track', 'at_risk', 'off_track'] as const;
export const KINDS = [
  'udo_trajectory',
  'bofv_agreement',
  'overhedenoverleg_agreement',
  'rob_recommendation',
  'parliamentary_pledge',
  'agenda_item',
] as const;

const FIELDS = ['van', 'spoor', 'status', 'gezondheid', 'soort', 'zoek', 'sorteer'] as const;

export function Filters(props: {
  params: URLSearchParams;
  organisation: string;
  programmeId: string;
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useT();
  const tracks = useTracks(props.programmeId);
  const fromAddress = () =>
    Object.fromEntries(FIELDS.map((field) => [field, props.params.get(field) ?? ''])) as Record<
      (typeof FIELDS)[number],
      string
    >;
  const [values, setValues] = useState(fromAddress);
  // The fields follow the address (applied, cleared, the back button); the form stays, and
  // with it the focus on the button just pressed (a new form would drop it to the page).
  const address = props.params.toString();
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(fromAddress());
  }
  const set = (field: (typeof FIELDS)[number]) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLInputElement).value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const field of FIELDS) if (values[field]) next.set(field, values[field]);
    props.onApply(next);
  };
  const options = (labels: Record<string, string>, keys: readonly string[]) => [
    <option key="" value="">
      {t.myWork.any}
    </option>,
    ...keys.map((key) => (
      <option key={key} value={key}>
        {labels[key]}
      </option>
    )),
  ];
  return (
    <form aria-label={t.myWork.filtersTitle} onSubmit={apply} className="sbt-filters">
      <SelectField
        label={t.myWork.scope}
        id="filter-van"
        name="van"
        value={values.van}
        onChange={set('van')}
      >
        <option value="">{t.myWork.scopeMine}</option>
        <option value="organisatie">{t.myWork.scopeOrganisation(props.organisation)}</option>
        <option value="partner">{t.myWork.scopePartner(props.organisation)}</option>
      </SelectField>
      <SelectField
        label={t.myWork.track}
        id="filter-spoor"
        name="spoor"
        value={values.spoor}
        onChange={set('spoor')}
      >
        {options(
          Object.fromEntries(tracks.map((track) => [track.id, track.name])),
          tracks.map((track) => track.id),
        )}
      </SelectField>
      <SelectField
        label={t.myWork.status}
        id="filter-status"
        name="status"
        value={values.status}
        onChange={set('status')}
      >
        {options(t.status, STATUSES)}
      </SelectField>
      <SelectField
        label={t.myWork.health}
        id="filter-gezondheid"
        name="gezondheid"
        value={values.gezondheid}
        onChange={set('gezondheid')}
      >
        {options(t.health, HEALTHS)}
      </SelectField>
      <SelectField
        label={t.myWork.kind}
        id="filter-soort"
        name="soort"
        value={values.soort}
        onChange={set('soort')}
      >
        {options(t.commitmentKind, KINDS)}
      </SelectField>
      <TextField
        label={t.myWork.search}
        description={t.myWork.searchDescription}
        id="filter-zoek"
        name="zoek"
        type="search"
        value={values.zoek}
        maxLength={200}
        onChange={set('zoek')}
      />
      <SelectField
        label={t.myWork.sort}
        id="filter-sorteer"
        name="sorteer"
        value={values.sorteer}
        onChange={set('sorteer')}
      >
        <option value="">{t.myWork.sortDeadline}</option>
        <option value="updatedAt">{t.myWork.sortUpdated}</option>
        <option value="title">{t.myWork.sortTitle}</option>
      </SelectField>
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button">
          {t.myWork.apply}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => props.onApply(new URLSearchParams())}
        >
          {t.myWork.clear}
        </Button>
      </div>
    </form>
  );
}
