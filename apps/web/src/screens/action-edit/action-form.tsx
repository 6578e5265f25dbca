import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  CheckboxField,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextareaField,
  TextField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import type { Member } from '../action/use-members';
import { conflictLines } from './conflict';
import {
  check,
  createBody,
  deadlineMoves,
  FIELD,
  type FormValues,
  problemInWords,
  rebase,
  updateBody,
  valuesOf,
} from './form-values';
import { PartnerRows } from './partner-rows';
import type { Choices } from './use-choices';

export type FormMode =
  | { kind: 'create'; programmeId: string; parent: Action | null }
  | { kind: 'edit'; action: Action; etag: string };

/**
 * The form of an action, to create one (POST with an Idempotency-Key) or change one (PATCH
 * with If-Match: only what changed; a moved deadline with its reason). A 412 is handled as on
 * the progress form: what changed is shown, the person's input stays, and they send it again.
 */
export function ActionForm(props: {
  mode: FormMode;
  initial: FormValues;
  choices: Choices;
  members: Member[];
  /** Organisations the person may choose as owner ('all', or their own only). */
  owners: 'all' | readonly string[];
  /** Whether owner and partners may change (not for a co-owning editor). */
  ownershipEditable: boolean;
  /** Whether the roll-up weight is shown and may change (coordinators only: the API's rule). */
  weightEditable: boolean;
}) {
  const { mode, choices } = props;
  const t = useT();
  const e = t.actionEdit;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const [values, setValues] = useState<FormValues>(props.initial);
  const [base, setBase] = useState<{ action: Action; values: FormValues; etag: string } | null>(
    mode.kind === 'edit' ? { action: mode.action, values: props.initial, etag: mode.etag } : null,
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const isSubAction =
    mode.kind === 'create' ? mode.parent !== null : mode.action.parentActionId !== null;
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

  async function send() {
    if (busy) return;
    const found = check(t, values, { base: base?.values ?? null, isSubAction });
    if (found.length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    if (mode.kind === 'create') {
      const body = createBody(values, mode.programmeId, mode.parent?.id ?? null);
      const result = await api
        .POST('/actions', {
          params: { header: { 'Idempotency-Key': idempotency.keyFor(body) } },
          body,
        })
        .catch(() => null);
      if (result?.data) {
        idempotency.done();
        announce(mode.parent ? e.createdSub : e.created);
        void navigate(`/acties/${result.data.id}`);
        return;
      }
      setBusy(false);
      setErrors(problemInWords(t, result?.response.status, result?.error, values));
      return;
    }
    const current = base!;
    const body = updateBody(current.values, values);
    if (Object.keys(body).length === 0) {
      announce(e.nothingChanged);
      void navigate(`/acties/${current.action.id}`);
      return;
    }
    const result = await api
      .PATCH('/actions/{id}', {
        params: { path: { id: current.action.id }, header: { 'If-Match': current.etag } },
        body,
      })
      .catch(() => null);
    if (result?.data) {
      announce(e.saved);
      void navigate(`/acties/${current.action.id}`);
      return;
    }
    setBusy(false);
    if (result?.response.status === 412) {
      await startFromNewerVersion(current);
      return;
    }
    setErrors(problemInWords(t, result?.response.status, result?.error, values));
  }

  /** 412: show what changed meanwhile, keep what the person typed, follow the rest. */
  async function startFromNewerVersion(old: { action: Action; values: FormValues }) {
    const { data, response } = await api
      .GET('/actions/{id}', { params: { path: { id: old.action.id } } })
      .catch(() => ({ data: undefined, response: undefined }));
    if (!data || !response) {
      setErrors([{ message: t.errors.generic }]);
      return;
    }
    const fresh = valuesOf(data);
    setValues((current) => rebase(current, old.values, fresh));
    setBase({
      action: data,
      values: fresh,
      etag: response.headers.get('ETag') ?? `"${data.version}"`,
    });
    setErrors([]);
    setConflict(conflictLines(t, old.action, data, { choices, members: props.members }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  const cancelTo =
    mode.kind === 'edit'
      ? `/acties/${mode.action.id}`
      : mode.parent
        ? `/acties/${mode.parent.id}`
        : '/acties';
  const ownerLocked = !props.ownershipEditable;
  const ownerName = choices.organisations.find((o) => o.id === values.ownerOrganisationId)?.name;

  return (
    <>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} role="alert" aria-labelledby="conflict-title">
          <Alert type="warning">
            <Heading level={2} id="conflict-title">
              {e.conflictTitle}
            </Heading>
            <Paragraph>{conflict.length > 0 ? e.conflictIntro : e.conflictNothing}</Paragraph>
            {conflict.length > 0 && (
              <UnorderedList>
                {conflict.map((line) => (
                  <UnorderedListItem key={line}>{line}</UnorderedListItem>
                ))}
              </UnorderedList>
            )}
            <Paragraph>{e.conflictKept}</Paragraph>
            <Button
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
              onClick={() => void send()}
            >
              {e.resend}
            </Button>
          </Alert>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={submit} className="sbt-form">
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
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {busy ? e.busy : mode.kind === 'create' ? e.submitCreate : e.submitEdit}
          </Button>
          <Link href={cancelTo}>{e.cancel}</Link>
        </div>
      </form>
    </>
  );
}
