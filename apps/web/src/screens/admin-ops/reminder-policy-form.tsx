import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { Member } from '../action/use-members';
import type { Names } from '../action/use-names';
import {
  bodyOf,
  type LEVELS,
  type Policy,
  type PolicyValues,
  problemsAtFields,
  valuesOf,
} from './policy-form';
import { PREVIEW_LIMIT as NEXT } from './next-reminders';
import { DeadlineFields, EscalationFields, SendingFields } from './policy-fields';
import { RemindersTable } from './reminders-table';

type PreviewResult = Schemas['ReminderPreviewResponse'];

export function PolicyForm(props: {
  programmeId: string;
  policy: Policy;
  etag: string;
  members: Member[];
  names: Names;
  onSaved: () => void;
}) {
  const t = useT();
  const o = t.adminOps;
  const announce = useAnnounce();
  const [etag, setEtag] = useState(props.etag);
  const [updatedAt, setUpdatedAt] = useState(props.policy.updatedAt);
  const [values, setValues] = useState<PolicyValues>(() => valuesOf(props.policy));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<
    { status: 'idle' | 'busy' } | { status: 'shown'; result: PreviewResult; of: string }
  >({ status: 'idle' });
  const previewRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview.status === 'shown') previewRef.current?.focus();
  }, [preview]);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const errorFor = (field: string) => errors.find((error) => error.fieldId === field)?.message;
  const set = <K extends keyof PolicyValues>(field: K, value: PolicyValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setRung = (
    level: (typeof LEVELS)[number],
    change: Partial<PolicyValues['escalation'][(typeof LEVELS)[number]]>,
  ) =>
    setValues((current) => ({
      ...current,
      escalation: { ...current.escalation, [level]: { ...current.escalation[level], ...change } },
    }));

  async function save() {
    if (busy) return;
    const checked = bodyOf(t, values);
    if (!checked.body) {
      setErrors(checked.errors);
      return;
    }
    const body = checked.body;
    setBusy(true);
    const { data, error, response } = await api
      .PUT('/programmes/{id}/reminder-policy', {
        params: { path: { id: props.programmeId }, header: { 'If-Match': etag } },
        body,
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      setErrors([]);
      setConflict(false);
      setEtag(response.headers.get('ETag') ?? `"${data.version}"`);
      setValues(valuesOf(data));
      setUpdatedAt(data.updatedAt);
      announce(o.policySaved);
      props.onSaved();
      return;
    }
    if (!response) setErrors([{ message: t.errors.network }]);
    else if (response.status === 412) {
      // Someone else saved meanwhile: keep what this person chose, and let them save again
      // over the newer version knowingly.
      const fresh = await api
        .GET('/programmes/{id}/reminder-policy', { params: { path: { id: props.programmeId } } })
        .catch(() => ({ data: undefined, response: undefined }));
      if (fresh.data && fresh.response)
        setEtag(fresh.response.headers.get('ETag') ?? `"${fresh.data.version}"`);
      setErrors([]);
      setConflict(true);
    } else if (response.status === 400) setErrors(problemsAtFields(t, body, error));
    else if (response.status === 403 || response.status === 404)
      setErrors([{ message: o.coordinatorsOnly }]);
    else setErrors([{ message: t.errors.generic }]);
  }

  /** What these values, unsaved, would plan (POST …/reminder-policy/preview). */
  async function showPreview() {
    if (preview.status === 'busy') return;
    const checked = bodyOf(t, values);
    if (!checked.body) {
      setErrors(checked.errors);
      return;
    }
    const body = checked.body;
    setPreview({ status: 'busy' });
    const { data, error, response } = await api
      .POST('/programmes/{id}/reminder-policy/preview', {
        params: { path: { id: props.programmeId }, query: { limit: NEXT } },
        body,
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (data) {
      setErrors([]);
      setPreview({ status: 'shown', result: data, of: JSON.stringify(body) });
      return;
    }
    setPreview({ status: 'idle' });
    if (!response) setErrors([{ message: t.errors.network }]);
    else if (response.status === 400) setErrors(problemsAtFields(t, body, error));
    else if (response.status === 429) setErrors([{ message: t.errors.tooManyRequests }]);
    else setErrors([{ message: t.errors.generic }]);
  }

  const current = bodyOf(t, values).body;
  const previewStale =
    preview.status === 'shown' && (current === null || JSON.stringify(current) !== preview.of);

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <section aria-labelledby="beleid">
      <Heading level={2} id="beleid">
        {o.policyForm}
      </Heading>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} role="alert">
          <Alert type="warning">
            <Paragraph>{o.policyConflict}</Paragraph>
          </Alert>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {updatedAt === null ? (
        <Paragraph>{o.policyDefaults}</Paragraph>
      ) : (
        <Paragraph>{o.policyUpdatedAt(t.format.dateTime(updatedAt))}</Paragraph>
      )}
      <form noValidate onSubmit={submit} className="sbt-form">
        <DeadlineFields values={values} set={set} errorFor={errorFor} />

        <EscalationFields
          values={values}
          setRung={setRung}
          errorFor={errorFor}
          members={props.members}
          names={props.names}
        />

        <SendingFields values={values} set={set} errorFor={errorFor} />
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {busy ? o.saving : o.savePolicy}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={preview.status === 'busy'}
            aria-disabled={preview.status === 'busy'}
            onClick={() => void showPreview()}
          >
            {preview.status === 'busy' ? o.previewing : o.showPreview}
          </Button>
        </div>
      </form>
      {preview.status === 'shown' && (
        <section aria-labelledby="voorbeeld">
          <Heading level={3} id="voorbeeld" ref={previewRef} tabIndex={-1}>
            {o.previewTitle}
          </Heading>
          <Paragraph>
            {o.previewSummary(preview.result.total, preview.result.actionsPlanned)}
            {previewStale && ` ${o.previewStale}`}
          </Paragraph>
          {preview.result.data.length === 0 ? (
            <Paragraph>{o.previewNothing}</Paragraph>
          ) : (
            <RemindersTable
              reminders={preview.result.data}
              caption={o.previewCaption}
              names={props.names}
            />
          )}
        </section>
      )}
    </section>
  );
}
