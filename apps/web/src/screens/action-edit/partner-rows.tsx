import { useEffect, useRef } from 'react';
import { useAnnounce } from '../../components/announcer';
import { Button, FieldGroup, Paragraph, SelectField } from '../../components/nlds';
import { useT } from '../../i18n';
import {
  FIELD,
  newRowKey,
  PARTNER_ROLES,
  type PartnerRole,
  type PartnerRow,
  partnerField,
} from './form-values';
import type { Organisation } from './use-choices';

/**
 * The partners as rows of two choices (organisation, role), each row its own group
 * ("Partner 2") with a button to remove it, and a button to add one: no drag and drop, no
 * custom widget. Adding moves the focus to the new row; removing, to "Partner toevoegen"
 * (WCAG 2.4.3), and says which row went (4.1.3).
 */
export function PartnerRows(props: {
  rows: PartnerRow[];
  onChange: (rows: PartnerRow[]) => void;
  organisations: Organisation[];
  ownerOrganisationId: string;
  errorFor: (fieldId: string) => string | undefined;
}) {
  const t = useT();
  const e = t.actionEdit;
  const announce = useAnnounce();
  const focusNext = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    const id = focusNext.current;
    focusNext.current = null;
    (id === 'add' ? addButton.current : document.getElementById(id))?.focus();
  }, [props.rows]);

  const choices = props.organisations.filter((o) => o.id !== props.ownerOrganisationId);
  const set = (key: string, change: Partial<PartnerRow>) =>
    props.onChange(props.rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  function add() {
    const key = newRowKey();
    focusNext.current = partnerField(key, 'organisation');
    props.onChange([...props.rows, { key, organisationId: '', role: 'contributor' }]);
  }

  function remove(row: PartnerRow, index: number) {
    const name = props.organisations.find((o) => o.id === row.organisationId)?.name;
    focusNext.current = 'add';
    props.onChange(props.rows.filter((other) => other.key !== row.key));
    announce(e.partnerRemoved(index + 1, name));
  }

  return (
    <FieldGroup
      id={FIELD.partners}
      legend={e.partners}
      description={e.partnersDescription}
      errorMessage={props.errorFor(FIELD.partners)}
    >
      {props.rows.length === 0 && <Paragraph>{e.partnersNone}</Paragraph>}
      {props.rows.map((row, index) => (
        <FieldGroup key={row.key} id={`partner-${row.key}`} legend={e.partnerN(index + 1)}>
          <div className="sbt-partner-row">
            <SelectField
              id={partnerField(row.key, 'organisation')}
              label={e.partnerOrganisation}
              value={row.organisationId}
              errorMessage={props.errorFor(partnerField(row.key, 'organisation'))}
              onChange={(event) => set(row.key, { organisationId: event.target.value })}
            >
              <option value="">{e.choose}</option>
              {choices.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name} ({organisation.code})
                </option>
              ))}
            </SelectField>
            <SelectField
              id={partnerField(row.key, 'role')}
              label={e.partnerRole}
              value={row.role}
              errorMessage={props.errorFor(partnerField(row.key, 'role'))}
              onChange={(event) => set(row.key, { role: event.target.value as PartnerRole })}
            >
              {PARTNER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.partnerRole[role]}
                </option>
              ))}
            </SelectField>
            <Button appearance="secondary-action-button" onClick={() => remove(row, index)}>
              {e.removePartner(index + 1)}
            </Button>
          </div>
        </FieldGroup>
      ))}
      <div>
        <Button ref={addButton} appearance="secondary-action-button" onClick={add}>
          {e.addPartner}
        </Button>
      </div>
    </FieldGroup>
  );
}
