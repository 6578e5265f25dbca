import {
  FieldGroup,
  Paragraph,
  RadioGroupField,
  SelectField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import type { Props } from './commitment-form-fields';
import { attributeId, attributeLabel, KIND_FIELDS, type KindField } from './commitment-form-values';
import { useOrganisations } from './use-commitment';

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
