import { Button, SelectField } from './nlds';

/**
 * The filter above a log (the e-mail deliveries, a webhook's deliveries): one state chosen in a
 * select and applied by its button, not on change (GOV.UK), with "Vernieuwen" beside it to
 * read the list again.
 */
export function StateFilter<S extends string>(props: {
  /** The select's id. */
  id: string;
  /** The form's name, for screen readers. */
  formLabel: string;
  label: string;
  /** The choice of no filter. */
  allLabel: string;
  states: readonly S[];
  words: Record<S, string>;
  /** The choice in the select (`''`: all), applied or not. */
  value: string;
  onChange: (value: string) => void;
  filterLabel: string;
  onFilter: () => void;
  refreshLabel: string;
  onRefresh: () => void;
}) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onFilter();
      }}
      className="sbt-filters"
      aria-label={props.formLabel}
    >
      <SelectField
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.allLabel}</option>
        {props.states.map((value) => (
          <option key={value} value={value}>
            {props.words[value]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" appearance="secondary-action-button">
        {props.filterLabel}
      </Button>
      <Button type="button" appearance="subtle-button" onClick={props.onRefresh}>
        {props.refreshLabel}
      </Button>
    </form>
  );
}
