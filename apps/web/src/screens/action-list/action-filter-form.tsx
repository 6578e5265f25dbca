import { type FormEvent, useState } from 'react';
import {
  Button,
  CheckboxField,
  CheckboxGroupField,
  SelectField,
  TextField,
} from '../../components/nlds';
import { useT } from '../../i18n';
import {
  type ActionFilters,
  ESCALATION_LEVELS,
  filtersFromParams,
  filtersToSearch,
  HEALTHS,
  KINDS,
  STATUSES,
  VERIFICATIONS,
} from './action-filters';
import type { Choices } from './use-choices';

type FormValues = Required<{
  [K in keyof ActionFilters]: NonNullable<ActionFilters[K]> extends unknown[] ? string[] : string;
}>;

function toValues(filters: ActionFilters): FormValues {
  return {
    status: filters.status ?? [],
    health: filters.health ?? [],
    escalationLevel: filters.escalationLevel ?? [],
    track: filters.track ?? '',
    ownerOrganisation: filters.ownerOrganisation ?? '',
    partnerOrganisation: filters.partnerOrganisation ?? '',
    overdue: filters.overdue === undefined ? '' : String(filters.overdue),
    commitmentKind: filters.commitmentKind ?? '',
    commitment: filters.commitment ?? '',
    parent: filters.parent ?? '',
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

/** The filter form of the action list: every filter of the URL contract but the commitment and the parent action (kept as
 * they are when the form is applied). */
export function FilterForm(props: {
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
  const toggle =
    (field: 'status' | 'health' | 'escalationLevel', value: string) => (checked: boolean) =>
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
      <CheckboxGroupField id="filter-escalation" legend={t.actionList.escalationLevel}>
        {ESCALATION_LEVELS.map((level) => (
          <CheckboxField
            key={level}
            id={`filter-escalation-${level}`}
            label={level === 'none' ? t.actionList.notEscalated : t.escalationLevel[level]}
            checked={values.escalationLevel.includes(level)}
            onChange={toggle('escalationLevel', level)}
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
