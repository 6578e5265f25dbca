import type { Dispatch, SetStateAction } from 'react';
import type { FieldError } from '../../components/error-summary';
import {
  CheckboxField,
  Paragraph,
  SelectField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { useT } from '../../i18n';
import type { Member } from '../action/use-members';
import { deadlineMoves, FIELD, type FormValues } from './form-values';
import { PartnerRows } from './partner-rows';
import type { Choices } from './use-choices';

/**
 * The fields of the action form, in their order: the owner's people follow the chosen
 * organisation, and a moved deadline asks for its reason.
 */
export function ActionFields(props: {
  values: FormValues;
  setValues: Dispatch<SetStateAction<FormValues>>;
  /** The form's problems; each field shows those about itself. */
  errors: FieldError[];
  /** The version the form works from (none when creating): a moved deadline needs a reason. */
  base: { values: FormValues } | null;
  isSubAction: boolean;
  choices: Choices;
  members: Member[];
  owners: 'all' | readonly string[];
  ownershipEditable: boolean;
  weightEditable: boolean;
}) {
  const { choices, values, setValues, errors, base, isSubAction } = props;
  const t = useT();
  const e = t.actionEdit;
  const moves = deadlineMoves(base?.values ?? null, values);
  const errorFor = (fieldId: string) =>
    errors
      .filter((error) => error.fieldId === fieldId)
      .map((error) => error.message)
      .join(' ') || undefined;
  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const ownerChoices = choices.organisations.filter(
    (o) => props.owners === 'all' || props.owners.includes(o.id),
  );
  const ownerMembers = props.members.filter(
    (member) => member.organisation.id === values.ownerOrganisationId,
  );
  const ownerLocked = !props.ownershipEditable;
  const ownerName = choices.organisations.find((o) => o.id === values.ownerOrganisationId)?.name;

  return (
    <>
      <TextField
        id={FIELD.title}
        name="title"
        label={e.titleLabel}
        description={e.titleDescription}
        errorMessage={errorFor(FIELD.title)}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        autoComplete="off"
        aria-required="true"
      />
      <TextareaField
        id={FIELD.description}
        name="description"
        label={e.descriptionLabel}
        description={e.descriptionDescription}
        errorMessage={errorFor(FIELD.description)}
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
        rows={5}
      />
      <SelectField
        id={FIELD.trackId}
        name="track"
        label={e.track}
        description={isSubAction ? e.trackSubDescription : undefined}
        errorMessage={errorFor(FIELD.trackId)}
        value={values.trackId}
        onChange={(event) => set('trackId', event.target.value)}
        aria-required={isSubAction ? undefined : 'true'}
      >
        <option value="">{isSubAction ? e.trackOfParent : e.choose}</option>
        {choices.tracks.map((track) => (
          <option key={track.id} value={track.id}>
            {track.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={FIELD.commitmentId}
        name="commitment"
        label={e.commitment}
        description={e.commitmentDescription}
        errorMessage={errorFor(FIELD.commitmentId)}
        value={values.commitmentId}
        onChange={(event) => set('commitmentId', event.target.value)}
      >
        <option value="">{e.noCommitment}</option>
        {choices.commitments.map((commitment) => (
          <option key={commitment.id} value={commitment.id}>
            {commitment.title}
          </option>
        ))}
      </SelectField>
      {ownerLocked ? (
        <Paragraph>{e.ownerLocked(ownerName ?? t.action.unknown)}</Paragraph>
      ) : (
        <SelectField
          id={FIELD.ownerOrganisationId}
          name="ownerOrganisation"
          label={e.ownerOrganisation}
          description={props.owners === 'all' ? e.ownerDescription : e.ownerOwnOnly}
          errorMessage={errorFor(FIELD.ownerOrganisationId)}
          value={values.ownerOrganisationId}
          onChange={(event) => {
            const id = event.target.value;
            setValues((current) => ({
              ...current,
              ownerOrganisationId: id,
              ownerUserId: props.members.some(
                (m) => m.userId === current.ownerUserId && m.organisation.id === id,
              )
                ? current.ownerUserId
                : '',
            }));
          }}
          aria-required="true"
        >
          {!values.ownerOrganisationId && <option value="">{e.choose}</option>}
          {ownerChoices.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name} ({organisation.code})
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        id={FIELD.ownerUserId}
        name="ownerUser"
        label={e.ownerUser}
        description={e.ownerUserDescription}
        errorMessage={errorFor(FIELD.ownerUserId)}
        value={values.ownerUserId}
        onChange={(event) => set('ownerUserId', event.target.value)}
      >
        <option value="">{e.nobody}</option>
        {values.ownerUserId && !ownerMembers.some((m) => m.userId === values.ownerUserId) && (
          <option value={values.ownerUserId}>{t.action.unknown}</option>
        )}
        {ownerMembers.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.displayName}
          </option>
        ))}
      </SelectField>
      {ownerLocked ? (
        <Paragraph>{e.partnersLocked}</Paragraph>
      ) : (
        <PartnerRows
          rows={values.partners}
          onChange={(rows) => set('partners', rows)}
          organisations={choices.organisations}
          ownerOrganisationId={values.ownerOrganisationId}
          errorFor={errorFor}
        />
      )}
      <TextField
        id={FIELD.startDate}
        name="startDate"
        type="date"
        label={e.startDate}
        description={e.dateDescription}
        errorMessage={errorFor(FIELD.startDate)}
        value={values.startDate}
        onChange={(event) => set('startDate', event.target.value)}
      />
      <TextField
        id={FIELD.deadline}
        name="deadline"
        type="date"
        label={e.deadline}
        description={e.dateDescription}
        errorMessage={errorFor(FIELD.deadline)}
        value={values.deadline}
        onChange={(event) => set('deadline', event.target.value)}
        aria-required="true"
      />
      {moves && base && (
        <TextareaField
          id={FIELD.reason}
          name="reason"
          label={e.reason}
          description={e.reasonDescription(
            t.format.date(base.values.deadline),
            values.deadline ? t.format.date(values.deadline) : '—',
          )}
          errorMessage={errorFor(FIELD.reason)}
          value={values.reason}
          onChange={(event) => set('reason', event.target.value)}
          rows={3}
          aria-required="true"
        />
      )}
      <TextField
        id={FIELD.tags}
        name="tags"
        label={e.tags}
        description={e.tagsDescription}
        errorMessage={errorFor(FIELD.tags)}
        value={values.tags}
        onChange={(event) => set('tags', event.target.value)}
        autoComplete="off"
      />
      <CheckboxField
        id={FIELD.public}
        label={e.publicLabel}
        checked={values.public}
        onChange={(checked) => set('public', checked)}
      />
      {props.weightEditable && (
        <TextField
          id={FIELD.rollupWeight}
          name="rollupWeight"
          inputMode="numeric"
          label={e.weight}
          description={e.weightDescription}
          errorMessage={errorFor(FIELD.rollupWeight)}
          value={values.rollupWeight}
          onChange={(event) => set('rollupWeight', event.target.value)}
          autoComplete="off"
        />
      )}
    </>
  );
}
