import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import { CheckboxField, CheckboxGroupField, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { errorFor, useAllOrganisations } from '../admin/admin-parts';
import type { FormIds } from './webhook-words';
import { toggled } from './webhook-values';

interface Choice {
  id: string;
  name: string;
}

/** The programme's tracks, for the filter (a programme has a handful); null while loading. */
function useTracks(programmeId: string): Choice[] | null {
  const [tracks, setTracks] = useState<Choice[] | null>(null);
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/tracks', {
        params: { path: { id: programmeId }, query: { limit: 200 } },
      })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (current) setTracks((data?.data ?? []).map(({ id, name }) => ({ id, name })));
      });
    return () => {
      current = false;
    };
  }, [programmeId]);
  return tracks;
}

/** One filter: a checkbox per choice; none ticked is no filter. */
function FilterChoices(props: {
  id: string;
  legend: string;
  description: string;
  errors: FieldError[];
  /** What may be chosen; null while loading. */
  known: Choice[] | null;
  /** The name of a chosen id that is not among them (gone since): it stays choosable. */
  unknown: string;
  none?: string;
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const t = useT();
  const { known, chosen } = props;
  const choices = known && [
    ...known,
    ...chosen
      .filter((id) => !known.some((choice) => choice.id === id))
      .map((id) => ({ id, name: props.unknown })),
  ];
  return (
    <CheckboxGroupField
      id={props.id}
      legend={props.legend}
      description={props.description}
      errorMessage={errorFor(props.errors, props.id)}
    >
      {choices === null ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : choices.length === 0 ? (
        <Paragraph>{props.none}</Paragraph>
      ) : (
        choices.map((choice) => (
          <CheckboxField
            key={choice.id}
            id={`${props.id}-${choice.id}`}
            label={choice.name}
            checked={chosen.includes(choice.id)}
            onChange={(checked) => props.onChange(toggled(chosen, choice.id, checked))}
          />
        ))
      )}
    </CheckboxGroupField>
  );
}

/**
 * The optional filters of a webhook, on tracks and on organisations. They are long (every
 * organisation) and seldom used, so folded away unless in use or in error.
 */
export function WebhookFilters(props: {
  programmeId: string;
  ids: FormIds;
  errors: FieldError[];
  trackIds: string[];
  organisationIds: string[];
  onTracks: (ids: string[]) => void;
  onOrganisations: (ids: string[]) => void;
}) {
  const m = useT().webhooks;
  const { ids } = props;
  const tracks = useTracks(props.programmeId);
  const organisations = useAllOrganisations(0);
  const [open, setOpen] = useState(props.trackIds.length + props.organisationIds.length > 0);
  const inError = props.errors.some(
    (error) => error.fieldId === ids.tracks || error.fieldId === ids.organisations,
  );
  useEffect(() => {
    if (inError) setOpen(true);
  }, [inError]);
  return (
    <details
      className="sbt-disclosure"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{m.filtersSummary}</summary>
      <div className="sbt-form">
        <FilterChoices
          id={ids.tracks}
          legend={m.tracksLegend}
          description={m.tracksDescription}
          errors={props.errors}
          known={tracks}
          unknown={m.unknownTrack}
          none={m.noTracks}
          chosen={props.trackIds}
          onChange={props.onTracks}
        />
        <FilterChoices
          id={ids.organisations}
          legend={m.organisationsLegend}
          description={m.organisationsDescription}
          errors={props.errors}
          known={
            organisations &&
            organisations.map(({ id, name, code }) => ({ id, name: `${name} (${code})` }))
          }
          unknown={m.unknownOrganisation}
          chosen={props.organisationIds}
          onChange={props.onOrganisations}
        />
      </div>
    </details>
  );
}
