import { useAnnounce } from '../../components/announcer';
import { Button, FieldGroup, SelectField, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { rowKey, type Values } from './commitment-form-values';
import { useOrganisations } from './use-commitment';
import { useRowFocus } from './use-row-focus';

export interface Props {
  values: Values;
  set: (change: Partial<Values>) => void;
  errorFor: (fieldId: string) => string | undefined;
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
