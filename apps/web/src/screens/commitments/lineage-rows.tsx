import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Button, FieldGroup, SelectField } from '../../components/nlds';
import { useT } from '../../i18n';
import type { Props } from './commitment-form-fields';
import { rowKey } from './commitment-form-values';
import { type Commitment, RELATIONS } from './use-commitment';
import { useRowFocus } from './use-row-focus';

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
