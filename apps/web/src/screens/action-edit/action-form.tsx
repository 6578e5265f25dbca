import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ConflictAlert } from '../../components/conflict-alert';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Link } from '../../components/nlds';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import type { Member } from '../action/use-members';
import { ActionFields } from './action-fields';
import { conflictLines } from './conflict';
import {
  check,
  createBody,
  type FormValues,
  problemInWords,
  rebase,
  updateBody,
  valuesOf,
} from './form-values';
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

  const isSubAction =
    mode.kind === 'create' ? mode.parent !== null : mode.action.parentActionId !== null;

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

  return (
    <>
      {conflict && (
        <ConflictAlert lines={conflict} words={e} busy={busy} onResend={() => void send()} />
      )}
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={submit} className="sbt-form">
        <ActionFields
          values={values}
          setValues={setValues}
          errors={errors}
          base={base}
          isSubAction={isSubAction}
          choices={choices}
          members={props.members}
          owners={props.owners}
          ownershipEditable={props.ownershipEditable}
          weightEditable={props.weightEditable}
        />
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
