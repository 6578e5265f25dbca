import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Problem } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ConflictAlert } from '../../components/conflict-alert';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Button,
  Link,
  Paragraph,
  RadioGroupField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { changesBetween, fetchAction, problemInWords } from './progress-answers';
import {
  type ActionHealth,
  type ActionStatus,
  bodyOf,
  check,
  HEALTHS,
  healthApplies,
  percentApplies,
  reasonsRequired,
  statusChoices,
  type Values,
  whyInWords,
} from './progress-form-values';

export function ProgressForm({ action, etag: loadedEtag }: { action: Action; etag: string }) {
  const t = useT();
  const announce = useAnnounce();
  const navigate = useNavigate();
  // The version the form works from: the one loaded, or the newer one after a conflict.
  const [base, setBase] = useState(action);
  const [etag, setEtag] = useState(loadedEtag);
  const [values, setValues] = useState<Values>({
    status: action.status,
    health: action.health,
    percent: String(action.percentComplete),
    narrative: '',
    reason: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<string[] | null>(null);
  // The API asked for a reason the form did not know was needed.
  const [reasonAsked, setReasonAsked] = useState(false);
  // A reason written before a conflict stays, even where the newer version made it unneeded.
  const [reasonKept, setReasonKept] = useState(false);
  const [busy, setBusy] = useState(false);
  // One Idempotency-Key per attempt: a retry of the same update (same body, same version)
  // reuses it, so a request that did reach the API is not carried out twice.
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);

  const why = reasonsRequired(base, values);
  const reasonRequired = why.length > 0 || reasonAsked;
  const reasonShown = reasonRequired || reasonKept;
  const errorFor = (field: string) => errors.find((error) => error.fieldId === field)?.message;

  /** Sets a field; says so when a reason becomes required (the field appears above). */
  function set<K extends keyof Values>(field: K, value: Values[K]) {
    const next = { ...values, [field]: value };
    if (!reasonShown && reasonsRequired(base, next).length > 0)
      announce(t.progressUpdate.reasonNowRequired);
    setValues(next);
  }

  async function send() {
    if (busy) return;
    const found = check(t, base, values, why, { required: reasonRequired, shown: reasonShown });
    if (found.length > 0) {
      setErrors(found);
      return;
    }
    const body = bodyOf(base, values, reasonShown);
    const fingerprint = JSON.stringify([body, etag]);
    if (attempt.current?.fingerprint !== fingerprint)
      attempt.current = { fingerprint, key: crypto.randomUUID() };
    setBusy(true);
    const { data, error, response } = await api
      .POST('/actions/{id}/progress-updates', {
        params: {
          path: { id: base.id },
          header: { 'If-Match': etag, 'Idempotency-Key': attempt.current.key },
        },
        body,
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (data) {
      announce(t.progressUpdate.saved);
      void navigate(`/acties/${base.id}`);
      return;
    }
    setBusy(false);
    if (!response) {
      setErrors([{ message: t.errors.network }]);
    } else if (response.status === 412) {
      await startFromNewerVersion();
    } else {
      const problem = error as Problem | undefined;
      if (response.status === 400 && problem?.invalidParams?.some((p) => p.name === 'reason'))
        setReasonAsked(true);
      setErrors(problemInWords(t, response.status, problem, base));
    }
  }

  /**
   * 412: someone changed the action since the form loaded it. Show what changed, keep what the
   * person typed, and let fields they had left alone follow the newer version, so re-sending
   * changes only what they meant to change.
   */
  async function startFromNewerVersion() {
    const fresh = await fetchAction(base.id);
    if (!fresh) {
      setErrors([{ message: t.errors.generic }]);
      return;
    }
    const now = fresh.action;
    if (reasonShown && values.reason.trim()) setReasonKept(true);
    setValues((current) => ({
      ...current,
      status: current.status === base.status ? now.status : current.status,
      health: current.health === base.health ? now.health : current.health,
      percent:
        current.percent === String(base.percentComplete)
          ? String(now.percentComplete)
          : current.percent,
    }));
    setErrors([]);
    setConflict(changesBetween(t, base, now));
    setBase(now);
    setEtag(fresh.etag);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  const p = t.progressUpdate;
  return (
    <>
      {conflict && (
        <ConflictAlert lines={conflict} words={p} busy={busy} onResend={() => void send()} />
      )}
      <ErrorSummary errors={errors} />
      <Paragraph>{p.intro}</Paragraph>
      <form noValidate onSubmit={submit} className="sbt-form">
        <RadioGroupField
          id="status"
          name="status"
          legend={p.status}
          description={p.statusDescription}
          errorMessage={errorFor('status')}
          value={values.status}
          onChange={(value) => set('status', value as ActionStatus)}
          choices={statusChoices(base, values).map((status) => ({
            value: status,
            label: status === base.status ? p.current(t.status[status]) : t.status[status],
          }))}
        />
        {healthApplies(values) ? (
          <RadioGroupField
            id="health"
            name="health"
            legend={p.health}
            description={p.healthDescription}
            errorMessage={errorFor('health')}
            value={values.health}
            onChange={(value) => set('health', value as ActionHealth)}
            choices={HEALTHS.map((health) => ({ value: health, label: t.health[health] }))}
          />
        ) : (
          <Paragraph>{p.healthClosed}</Paragraph>
        )}
        {reasonShown && (
          <TextareaField
            id="reason"
            name="reason"
            label={reasonRequired ? p.reason : p.reasonOptional}
            description={
              why.length > 0
                ? p.reasonDescription(whyInWords(t, why))
                : reasonAsked
                  ? p.reasonDescriptionAsked
                  : p.reasonDescriptionKept
            }
            errorMessage={errorFor('reason')}
            value={values.reason}
            onChange={(event) => set('reason', event.target.value)}
            rows={3}
            required={reasonRequired}
          />
        )}
        {percentApplies(base, values) ? (
          <TextField
            id="percent"
            name="percent"
            label={p.percent}
            description={p.percentDescription}
            errorMessage={errorFor('percent')}
            inputMode="numeric"
            autoComplete="off"
            value={values.percent}
            onChange={(event) => set('percent', event.target.value)}
            size={3}
          />
        ) : (
          <Paragraph>{p.percentClosed}</Paragraph>
        )}
        <TextareaField
          id="narrative"
          name="narrative"
          label={p.narrative}
          description={p.narrativeDescription}
          errorMessage={errorFor('narrative')}
          value={values.narrative}
          onChange={(event) => set('narrative', event.target.value)}
          rows={6}
          required
        />
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {busy ? p.busy : p.submit}
          </Button>
          <Link href={`/acties/${base.id}`}>{p.cancel}</Link>
        </div>
      </form>
    </>
  );
}
