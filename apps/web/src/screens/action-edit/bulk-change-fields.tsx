import type { Messages } from '../../i18n';
import { useT } from '../../i18n';
import type { FieldError } from '../../components/error-summary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../components/nlds';
import type { Member } from '../action/use-members';
import type { BulkChange } from './bulk-apply';
import type { Choices } from './use-choices';

export type ChangeKind = BulkChange['kind'];
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'owner',
  'track',
  'addTag',
  'removeTag',
  'deadline',
];

/** What the person filled in for the change (all kinds, so switching keeps their input). */
export interface ChangeInput {
  kind: ChangeKind | '';
  ownerOrganisationId: string;
  ownerUserId: string;
  trackId: string;
  tag: string;
  deadline: string;
  reason: string;
}

export const BULK_FIELD = {
  selection: 'bulk-selection',
  kind: 'bulk-kind',
  ownerOrganisationId: 'bulk-owner-organisation',
  ownerUserId: 'bulk-owner-user',
  trackId: 'bulk-track',
  tag: 'bulk-tag',
  deadline: 'bulk-deadline',
  reason: 'bulk-reason',
} as const;

const TAG_PATTERN = /^[a-z0-9à-ÿ]+(-[a-z0-9à-ÿ]+)*$/;

/** The change as chosen, or what is missing (at the fields). */
export function changeOf(
  t: Messages,
  input: ChangeInput,
): { change: BulkChange; errors: [] } | { change: null; errors: FieldError[] } {
  const m = t.bulk.errors;
  const fail = (fieldId: string, message: string) => ({
    change: null,
    errors: [{ fieldId, message }],
  });
  switch (input.kind) {
    case '':
      return fail(BULK_FIELD.kind, m.kind);
    case 'owner':
      return input.ownerOrganisationId
        ? {
            change: {
              kind: 'owner',
              ownerOrganisationId: input.ownerOrganisationId,
              ownerUserId: input.ownerUserId,
            },
            errors: [],
          }
        : fail(BULK_FIELD.ownerOrganisationId, m.owner);
    case 'track':
      return input.trackId
        ? { change: { kind: 'track', trackId: input.trackId }, errors: [] }
        : fail(BULK_FIELD.trackId, m.track);
    case 'addTag':
    case 'removeTag': {
      const tag = input.tag.trim().toLowerCase();
      if (!tag) return fail(BULK_FIELD.tag, m.tagRequired);
      if (!TAG_PATTERN.test(tag) || tag.length > 40) return fail(BULK_FIELD.tag, m.tagInvalid);
      return { change: { kind: input.kind, tag }, errors: [] };
    }
    case 'deadline': {
      const errors: FieldError[] = [];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline))
        errors.push({ fieldId: BULK_FIELD.deadline, message: m.deadline });
      if (!input.reason.trim()) errors.push({ fieldId: BULK_FIELD.reason, message: m.reason });
      else if (input.reason.length > 2_000)
        errors.push({ fieldId: BULK_FIELD.reason, message: m.reasonTooLong });
      return errors.length > 0
        ? { change: null, errors }
        : {
            change: { kind: 'deadline', deadline: input.deadline, reason: input.reason.trim() },
            errors: [],
          };
    }
  }
}

/** The change in words ("Spoor wordt: Bestuurskracht"). */
export function changeInWords(
  t: Messages,
  change: BulkChange,
  lookup: { choices: Choices; members: Member[] },
): string {
  const b = t.bulk;
  switch (change.kind) {
    case 'owner': {
      const organisation =
        lookup.choices.organisations.find((o) => o.id === change.ownerOrganisationId)?.name ??
        t.action.unknown;
      const person = change.ownerUserId
        ? (lookup.members.find((m) => m.userId === change.ownerUserId)?.displayName ??
          t.action.unknown)
        : t.actionEdit.nobody;
      return b.describe.owner(organisation, person);
    }
    case 'track':
      return b.describe.track(
        lookup.choices.tracks.find((x) => x.id === change.trackId)?.name ?? t.action.unknown,
      );
    case 'addTag':
      return b.describe.addTag(change.tag);
    case 'removeTag':
      return b.describe.removeTag(change.tag);
    case 'deadline':
      return b.describe.deadline(t.format.date(change.deadline), change.reason);
  }
}

export function ChangeFields(props: {
  input: ChangeInput;
  onChange: (input: ChangeInput) => void;
  choices: Choices;
  members: Member[];
  owners: 'all' | readonly string[];
  errorFor: (fieldId: string) => string | undefined;
}) {
  const t = useT();
  const b = t.bulk;
  const { input, choices } = props;
  const set = (change: Partial<ChangeInput>) => props.onChange({ ...input, ...change });
  const owners = choices.organisations.filter(
    (o) => props.owners === 'all' || props.owners.includes(o.id),
  );
  return (
    <>
      <RadioGroupField
        id={BULK_FIELD.kind}
        name="kind"
        legend={b.kindLegend}
        description={b.kindDescription}
        errorMessage={props.errorFor(BULK_FIELD.kind)}
        value={input.kind}
        onChange={(value) => set({ kind: value as ChangeKind })}
        choices={CHANGE_KINDS.map((kind) => ({ value: kind, label: b.kinds[kind] }))}
      />
      {input.kind === 'owner' && (
        <>
          <SelectField
            id={BULK_FIELD.ownerOrganisationId}
            label={b.ownerOrganisation}
            errorMessage={props.errorFor(BULK_FIELD.ownerOrganisationId)}
            value={input.ownerOrganisationId}
            onChange={(event) => set({ ownerOrganisationId: event.target.value, ownerUserId: '' })}
          >
            <option value="">{t.actionEdit.choose}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.code})
              </option>
            ))}
          </SelectField>
          <SelectField
            id={BULK_FIELD.ownerUserId}
            label={t.actionEdit.ownerUser}
            description={b.ownerUserDescription}
            value={input.ownerUserId}
            onChange={(event) => set({ ownerUserId: event.target.value })}
          >
            <option value="">{t.actionEdit.nobody}</option>
            {props.members
              .filter((m) => m.organisation.id === input.ownerOrganisationId)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.displayName}
                </option>
              ))}
          </SelectField>
        </>
      )}
      {input.kind === 'track' && (
        <SelectField
          id={BULK_FIELD.trackId}
          label={b.track}
          errorMessage={props.errorFor(BULK_FIELD.trackId)}
          value={input.trackId}
          onChange={(event) => set({ trackId: event.target.value })}
        >
          <option value="">{t.actionEdit.choose}</option>
          {choices.tracks.map((track) => (
            <option key={track.id} value={track.id}>
              {track.name}
            </option>
          ))}
        </SelectField>
      )}
      {(input.kind === 'addTag' || input.kind === 'removeTag') && (
        <TextField
          id={BULK_FIELD.tag}
          label={input.kind === 'addTag' ? b.tagToAdd : b.tagToRemove}
          description={b.tagDescription}
          errorMessage={props.errorFor(BULK_FIELD.tag)}
          value={input.tag}
          autoComplete="off"
          onChange={(event) => set({ tag: event.target.value })}
        />
      )}
      {input.kind === 'deadline' && (
        <>
          <TextField
            id={BULK_FIELD.deadline}
            type="date"
            label={b.deadline}
            description={t.actionEdit.dateDescription}
            errorMessage={props.errorFor(BULK_FIELD.deadline)}
            value={input.deadline}
            onChange={(event) => set({ deadline: event.target.value })}
          />
          <TextareaField
            id={BULK_FIELD.reason}
            label={b.reason}
            description={b.reasonDescription}
            errorMessage={props.errorFor(BULK_FIELD.reason)}
            value={input.reason}
            rows={3}
            onChange={(event) => set({ reason: event.target.value })}
            aria-required="true"
          />
        </>
      )}
    </>
  );
}
