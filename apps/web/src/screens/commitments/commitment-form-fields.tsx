import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { focusField } from '../../components/error-summary';
import {
  Button,
  FieldGroup,
  Paragraph,
  RadioGroupField,
  SelectField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import {
  attributeId,
  attributeLabel,
  KIND_FIELDS,
  type KindField,
  rowKey,
  type Values,
} from './commitment-form-values';
import { type Commitment, RELATIONS, useOrganisations } from './use-commitment';

interface Props {
  values: Values;
  set: (change: Partial<Values>) => void;
  errorFor: (fieldId: string) => string | undefined;
}

/** The words for a choice of the kind's fields (the API's enums, in Dutch). */
function choiceLabel(t: Messages, field: string, value: string): string {
  const labels: Record<string, Record<string, string>> = {
    phase: t.action.udoPhase,
    cabinetResponse: t.action.cabinetResponse,
    chamber: t.action.chamber,
  };
  return labels[field]?.[value] ?? value;
}

/** The kind's own fields (its attributes schema), required ones marked. */
export function KindFields({ values, set, errorFor }: Props) {
  const t = useT();
  const c = t.commitments;
  const organisations = useOrganisations();
  const ministries = organisations.filter((organisation) => organisation.kind === 'ministry');
  if (!values.kind) return <Paragraph>{c.chooseKindFirst}</Paragraph>;
  const fields = KIND_FIELDS[values.kind];
  const setAttribute = (name: string, value: string) =>
    set({ attributes: { ...values.attributes, [name]: value } });
  const field = (definition: KindField) => {
    const { name } = definition;
    const id = attributeId(name);
    const label = attributeLabel(t, name);
    const shown = definition.required ? c.required(label) : label;
    const common = {
      id,
      label: shown,
      errorMessage: errorFor(id),
      value: values.attributes[name] ?? '',
    };
    const description =
      name === 'pledgeNumber'
        ? c.pledgeNumberDescription
        : name === 'recommendationNumber'
          ? c.recommendationNumberDescription
          : name === 'amountEuroPerYear'
            ? c.amountDescription
            : name === 'toYear'
              ? c.toYearDescription
              : undefined;
    switch (definition.type) {
      case 'choice':
        return (
          <RadioGroupField
            key={name}
            id={id}
            name={name}
            legend={shown}
            errorMessage={errorFor(id)}
            value={values.attributes[name] ?? ''}
            onChange={(value) => setAttribute(name, value)}
            choices={(definition.choices ?? []).map((value) => ({
              value,
              label: choiceLabel(t, name, value),
            }))}
          />
        );
      case 'ministry':
        return (
          <SelectField key={name} {...common} onChange={(e) => setAttribute(name, e.target.value)}>
            <option value="">{c.noMinistry}</option>
            {ministries.map((ministry) => (
              <option key={ministry.id} value={ministry.id}>
                {ministry.name}
              </option>
            ))}
          </SelectField>
        );
      case 'textarea':
        return (
          <TextareaField
            key={name}
            {...common}
            rows={3}
            onChange={(e) => setAttribute(name, e.target.value)}
          />
        );
      default:
        return (
          <TextField
            key={name}
            {...common}
            description={description}
            type={definition.type === 'date' ? 'date' : 'text'}
            inputMode={
              definition.type === 'integer' && name !== 'amountEuroPerYear' ? 'numeric' : undefined
            }
            autoComplete="off"
            required={definition.required}
            onChange={(e) => setAttribute(name, e.target.value)}
          />
        );
    }
  };
  return (
    <FieldGroup id="kenmerken" legend={c.kindFields(t.commitmentKind[values.kind])}>
      {fields.length === 0 ? <Paragraph>{c.kindFieldsNone}</Paragraph> : fields.map(field)}
    </FieldGroup>
  );
}

/**
 * Adding and removing rows keeps the focus where the person works (WCAG 2.4.3): on the new
 * row's first field, or after a removal on the next row, else on the add button.
 */
function useRowFocus() {
  const pending = useRef<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (pending.current === null) return;
    focusField(pending.current);
    pending.current = null;
  }, [tick]);
  return (id: string) => {
    pending.current = id;
    setTick((value) => value + 1);
  };
}

export function PartyRows({ values, set, errorFor }: Props) {
  const t = useT();
  const c = t.commitments;
  const announce = useAnnounce();
  const focusLater = useRowFocus();
  const organisations = useOrganisations();
  const rows = values.parties;
  return (
    <FieldGroup
      id="partijen"
      legend={c.partiesLegend}
      description={c.partiesDescription}
      errorMessage={errorFor('partijen')}
    >
      {rows.map((row, index) => (
        <div key={row.key} className="sbt-row sbt-commitment-row">
          <SelectField
            id={`partij-${index}`}
            label={c.partyLabel(index + 1)}
            errorMessage={errorFor(`partij-${index}`)}
            value={row.organisationId}
            onChange={(event) =>
              set({
                parties: rows.map((other) =>
                  other.key === row.key ? { ...other, organisationId: event.target.value } : other,
                ),
              })
            }
          >
            <option value="">{c.chooseOne}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </SelectField>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              set({ parties: rows.filter((other) => other.key !== row.key) });
              announce(c.rowRemoved(c.partyLabel(index + 1)));
              focusLater(index < rows.length - 1 ? `partij-${index}` : 'partij-toevoegen');
            }}
          >
            {c.removeParty(index + 1)}
          </Button>
        </div>
      ))}
      <Button
        id="partij-toevoegen"
        type="button"
        appearance="secondary-action-button"
        onClick={() => {
          set({ parties: [...rows, { key: rowKey(), organisationId: '' }] });
          focusLater(`partij-${rows.length}`);
        }}
      >
        {c.addParty}
      </Button>
    </FieldGroup>
  );
}

export function SourceRows({ values, set, errorFor }: Props) {
  const t = useT();
  const c = t.commitments;
  const announce = useAnnounce();
  const focusLater = useRowFocus();
  const rows = values.references;
  type Row = (typeof rows)[number];
  const change = (key: string, field: keyof Row, value: string) =>
    set({
      references: rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)),
    });
  return (
    <FieldGroup
      id="bronnen"
      legend={c.sourcesLegend}
      description={c.sourcesDescription}
      errorMessage={errorFor('bronnen')}
    >
      {rows.map((row, index) => {
        const id = (field: string) => `bron-${index}-${field}`;
        return (
          <FieldGroup key={row.key} id={`bron-${index}`} legend={c.sourceLegend(index + 1)}>
            <TextField
              id={id('document')}
              label={c.required(c.documentLabel)}
              errorMessage={errorFor(id('document'))}
              value={row.document}
              maxLength={300}
              required
              onChange={(event) => change(row.key, 'document', event.target.value)}
            />
            <TextField
              id={id('kamerstuk')}
              label={c.kamerstukLabel}
              description={c.kamerstukDescription}
              errorMessage={errorFor(id('kamerstuk'))}
              value={row.kamerstuk}
              autoComplete="off"
              onChange={(event) => change(row.key, 'kamerstuk', event.target.value)}
            />
            <TextField
              id={id('date')}
              type="date"
              label={c.sourceDateLabel}
              errorMessage={errorFor(id('date'))}
              value={row.date}
              onChange={(event) => change(row.key, 'date', event.target.value)}
            />
            <TextField
              id={id('url')}
              type="url"
              label={c.urlLabel}
              description={c.urlDescription}
              errorMessage={errorFor(id('url'))}
              value={row.url}
              maxLength={2000}
              onChange={(event) => change(row.key, 'url', event.target.value)}
            />
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                set({ references: rows.filter((other) => other.key !== row.key) });
                announce(c.rowRemoved(c.sourceLegend(index + 1)));
                focusLater(index < rows.length - 1 ? id('document') : 'bron-toevoegen');
              }}
            >
              {c.removeSource(index + 1)}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        id="bron-toevoegen"
        type="button"
        appearance="secondary-action-button"
        onClick={() => {
          set({
            references: [
              ...rows,
              { key: rowKey(), document: '', kamerstuk: '', date: '', url: '' },
            ],
          });
          focusLater(`bron-${rows.length}-document`);
        }}
      >
        {c.addSource}
      </Button>
    </FieldGroup>
  );
}

/** The programme's commitments by title, to pick an earlier one from (the most one page gives). */
function useProgrammeCommitments(programmeId: string): Array<{ id: string; title: string }> {
  const [items, setItems] = useState<Array<{ id: string; title: string }>>([]);
  useEffect(() => {
    let current = true;
    void api
      .GET('/commitments', {
        params: { query: { programme: programmeId, sort: 'title', limit: 200 } },
      })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (current && data) setItems(data.data.map(({ id, title }) => ({ id, title })));
      });
    return () => {
      current = false;
    };
  }, [programmeId]);
  return items;
}

export function LineageRows({
  values,
  set,
  errorFor,
  programmeId,
  self,
}: Props & { programmeId: string; self?: Commitment }) {
  const t = useT();
  const c = t.commitments;
  const announce = useAnnounce();
  const focusLater = useRowFocus();
  const loaded = useProgrammeCommitments(programmeId);
  // The ones it already builds on stay choosable even when beyond the first page.
  const known = [
    ...loaded,
    ...(self?.lineage ?? [])
      .filter((link) => !loaded.some((item) => item.id === link.commitmentId))
      .map((link) => ({ id: link.commitmentId, title: link.title })),
  ].filter((item) => item.id !== self?.id);
  const rows = values.lineage;
  type Row = (typeof rows)[number];
  const change = (key: string, field: keyof Row, value: string) =>
    set({ lineage: rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)) });
  return (
    <FieldGroup
      id="lijnen"
      legend={c.lineageLegend}
      description={c.lineageDescription}
      errorMessage={errorFor('lijnen')}
    >
      {rows.map((row, index) => {
        const id = (field: string) => `lijn-${index}-${field}`;
        return (
          <FieldGroup key={row.key} id={`lijn-${index}`} legend={c.earlierLegend(index + 1)}>
            <SelectField
              id={id('relation')}
              label={c.relationLabel}
              errorMessage={errorFor(id('relation'))}
              value={row.relation}
              onChange={(event) => change(row.key, 'relation', event.target.value)}
            >
              <option value="">{c.chooseOne}</option>
              {RELATIONS.map((relation) => (
                <option key={relation} value={relation}>
                  {c.relation[relation]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={id('commitmentId')}
              label={c.earlierLabel}
              errorMessage={errorFor(id('commitmentId'))}
              value={row.commitmentId}
              onChange={(event) => change(row.key, 'commitmentId', event.target.value)}
            >
              <option value="">{c.chooseOne}</option>
              {known.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </SelectField>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                set({ lineage: rows.filter((other) => other.key !== row.key) });
                announce(c.rowRemoved(c.earlierLegend(index + 1)));
                focusLater(index < rows.length - 1 ? id('relation') : 'lijn-toevoegen');
              }}
            >
              {c.removeEarlier(index + 1)}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        id="lijn-toevoegen"
        type="button"
        appearance="secondary-action-button"
        onClick={() => {
          set({ lineage: [...rows, { key: rowKey(), commitmentId: '', relation: '' }] });
          focusLater(`lijn-${rows.length}-relation`);
        }}
      >
        {c.addEarlier}
      </Button>
    </FieldGroup>
  );
}
