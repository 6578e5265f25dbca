import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Problem, type Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  RadioGroupField,
  TextareaField,
  TextField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { type Messages, useT } from '../../i18n';
import { useMe } from '../../session/session';
import { mayPostProgress } from '../action/may-update';
import { useAction } from '../action/use-action';
import { NotFoundScreen } from '../not-found/not-found-screen';

type ActionStatus = Action['status'];
type ActionHealth = Action['health'];
type ProgressBody = Schemas['CreateProgressUpdateDto'];

const STATUSES: readonly ActionStatus[] = [
  'not_started',
  'in_progress',
  'met',
  'partially_met',
  'lapsed',
];
const HEALTHS: readonly ActionHealth[] = ['not_set', 'on_track', 'at_risk', 'off_track'];
const isClosed = (status: ActionStatus) =>
  status === 'met' || status === 'partially_met' || status === 'lapsed';

/**
 * The status moves the API allows (ALLOWED in libs/tracking/src/actions/action-state-machine.ts):
 * the form offers only these; should they differ, the API's 409 is shown at the field.
 */
const NEXT_STATUSES: { readonly [S in ActionStatus]: readonly ActionStatus[] } = {
  not_started: ['in_progress', 'lapsed'],
  in_progress: ['met', 'partially_met', 'lapsed'],
  met: ['in_progress'],
  partially_met: ['in_progress'],
  lapsed: ['in_progress'],
};

const NARRATIVE_MAX = 10_000;
const REASON_MAX = 2_000;

type Why =
  | { kind: 'status'; status: ActionStatus }
  | { kind: 'health'; health: ActionHealth }
  | { kind: 'reopened' };

/**
 * Why the chosen values need a written reason (none: they need none). The API decides, by
 * applyChange in libs/tracking/src/actions/action-state-machine.ts: the status becomes
 * partially_met or lapsed, the health becomes at_risk or off_track, or a closed action reopens.
 * Only a value that changes counts. Should the API still ask for a reason, its 400 shows the
 * field.
 */
function reasonsRequired(
  current: { status: ActionStatus; health: ActionHealth },
  next: { status: ActionStatus; health: ActionHealth },
): Why[] {
  const why: Why[] = [];
  if (next.status !== current.status) {
    if (next.status === 'partially_met' || next.status === 'lapsed')
      why.push({ kind: 'status', status: next.status });
    if (isClosed(current.status)) why.push({ kind: 'reopened' });
  }
  if (
    !isClosed(next.status) &&
    next.health !== current.health &&
    (next.health === 'at_risk' || next.health === 'off_track')
  )
    why.push({ kind: 'health', health: next.health });
  return why;
}

function whyInWords(t: Messages, why: Why[]): string {
  const p = t.progressUpdate.because;
  return why
    .map((item) =>
      item.kind === 'status'
        ? p.status(t.status[item.status])
        : item.kind === 'health'
          ? p.health(t.health[item.health])
          : p.reopened,
    )
    .join(t.progressUpdate.and);
}

interface Values {
  status: ActionStatus;
  health: ActionHealth;
  percent: string;
  narrative: string;
  reason: string;
}

/** Health applies to an open action; the percentage changes unless the action stays closed. */
const healthApplies = (values: Values) => !isClosed(values.status);
const percentApplies = (base: Action, values: Values) =>
  !(isClosed(base.status) && isClosed(values.status));

/** The update as the API takes it: only what the person changed, and the narrative. */
function bodyOf(base: Action, values: Values, reasonShown: boolean): ProgressBody {
  const body: ProgressBody = { narrative: values.narrative };
  if (values.status !== base.status) body.status = values.status;
  if (healthApplies(values) && values.health !== base.health) body.health = values.health;
  const percent = Number(values.percent.trim());
  if (percentApplies(base, values) && percent !== base.percentComplete)
    body.percentComplete = percent;
  if (reasonShown && values.reason.trim()) body.reason = values.reason;
  return body;
}

function statusChoices(base: Action, values: Values): ActionStatus[] {
  const offered = new Set<ActionStatus>([
    base.status,
    ...NEXT_STATUSES[base.status],
    values.status,
  ]);
  return STATUSES.filter((status) => offered.has(status));
}

/** The checks the browser can make before sending; the API checks again. */
function check(
  t: Messages,
  base: Action,
  values: Values,
  why: Why[],
  reason: { required: boolean; shown: boolean },
): FieldError[] {
  const m = t.progressUpdate.errors;
  const errors: FieldError[] = [];
  if (values.status !== base.status && !NEXT_STATUSES[base.status].includes(values.status))
    errors.push({ fieldId: 'status', message: m.status });
  if (reason.shown) {
    if (reason.required && !values.reason.trim())
      errors.push({
        fieldId: 'reason',
        message: why.length > 0 ? m.reasonRequired(whyInWords(t, why)) : m.reasonRequiredByApi,
      });
    else if (values.reason.length > REASON_MAX)
      errors.push({ fieldId: 'reason', message: m.reasonTooLong });
  }
  if (percentApplies(base, values)) {
    const percent = values.percent.trim();
    if (!/^\d{1,3}$/.test(percent) || Number(percent) > 100)
      errors.push({ fieldId: 'percent', message: m.percent });
  }
  if (!values.narrative.trim()) errors.push({ fieldId: 'narrative', message: m.narrativeRequired });
  else if (values.narrative.length > NARRATIVE_MAX)
    errors.push({ fieldId: 'narrative', message: m.narrativeTooLong });
  return errors;
}

/** The API's refusal in Dutch, at the field it is about (RFC 9457 `code`, `invalidParams`). */
function problemInWords(
  t: Messages,
  status: number,
  problem: Problem | undefined,
  base: Action,
): FieldError[] {
  const m = t.progressUpdate.errors;
  if (status === 400) {
    const errors = (problem?.invalidParams ?? []).map((param): FieldError => {
      const tooLong = /longer|shorter|length/i.test(param.reason);
      switch (param.name) {
        case 'narrative':
          return {
            fieldId: 'narrative',
            message: tooLong ? m.narrativeTooLong : m.narrativeRequired,
          };
        case 'reason':
          return { fieldId: 'reason', message: tooLong ? m.reasonTooLong : m.reasonRequiredByApi };
        case 'percentComplete':
          return { fieldId: 'percent', message: m.percent };
        case 'status':
          return { fieldId: 'status', message: m.status };
        case 'health':
          return { fieldId: 'health', message: m.health };
        default:
          return { message: m.field(param.name) };
      }
    });
    return errors.length > 0 ? errors : [{ message: t.errors.generic }];
  }
  if (status === 403) return [{ message: m.forbidden }];
  if (status === 404) return [{ message: m.gone }];
  if (status === 409) {
    switch (problem?.code) {
      case 'INVALID_STATUS_TRANSITION':
        return [
          {
            fieldId: 'status',
            message: m.transition(
              t.status[base.status],
              NEXT_STATUSES[base.status].map((next) => t.status[next]).join(t.progressUpdate.and),
            ),
          },
        ];
      case 'ACTION_CLOSED':
        return [{ fieldId: 'status', message: m.closed }];
      case 'IDEMPOTENCY_KEY_IN_FLIGHT':
        return [{ message: m.inFlight }];
      case 'IDEMPOTENCY_KEY_USED':
        return [{ message: m.alreadyDone }];
    }
  }
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}

/** What changed between the version the form started from and now, in words. */
function changesBetween(t: Messages, before: Action, after: Action): string[] {
  const change = t.action.change;
  const lines: string[] = [];
  if (before.status !== after.status)
    lines.push(change(t.action.status, t.status[before.status], t.status[after.status]));
  if (before.health !== after.health)
    lines.push(change(t.action.health, t.health[before.health], t.health[after.health]));
  if (before.percentComplete !== after.percentComplete)
    lines.push(
      change(
        t.action.percent,
        t.format.percent(before.percentComplete),
        t.format.percent(after.percentComplete),
      ),
    );
  if (before.deadline !== after.deadline)
    lines.push(
      change(t.action.deadline, t.format.date(before.deadline), t.format.date(after.deadline)),
    );
  if (before.verification !== after.verification)
    lines.push(
      change(
        t.action.verification,
        t.verification[before.verification],
        t.verification[after.verification],
      ),
    );
  if (before.latestNarrative !== after.latestNarrative && after.latestNarrative)
    lines.push(t.progressUpdate.narrativeNow(after.latestNarrative));
  return lines;
}

async function fetchAction(id: string): Promise<{ action: Action; etag: string } | undefined> {
  const { data, response } = await api
    .GET('/actions/{id}', { params: { path: { id } } })
    .catch(() => ({ data: undefined, response: undefined }));
  if (!data || !response) return undefined;
  return { action: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

/** Voortgang melden: the owner's progress update (POST /actions/{id}/progress-updates). */
export default function ProgressUpdateScreen() {
  const t = useT();
  usePageTitle(t.progressUpdate.title);
  const me = useMe();
  const { id = '' } = useParams();
  const { state } = useAction(id);

  if (state.status === 'notFound') return <NotFoundScreen />;
  if (state.status !== 'loaded') {
    return (
      <>
        <Heading level={1}>{t.progressUpdate.title}</Heading>
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      </>
    );
  }
  const { action } = state;
  return (
    <>
      <Heading level={1}>{t.progressUpdate.title}</Heading>
      <Paragraph purpose="lead">
        <span className="sbt-visually-hidden">{t.progressUpdate.forAction}: </span>
        {action.title}
      </Paragraph>
      {mayPostProgress(me, action) ? (
        <ProgressForm key={action.id} action={action} etag={state.etag} />
      ) : (
        <>
          <Alert type="info">
            <Paragraph>{t.progressUpdate.notAllowed}</Paragraph>
          </Alert>
          <Paragraph>
            <Link href={`/acties/${action.id}`}>{t.progressUpdate.backToAction}</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}

function ProgressForm({ action, etag: loadedEtag }: { action: Action; etag: string }) {
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
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

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
        <div ref={conflictRef} tabIndex={-1} role="alert" aria-labelledby="conflict-title">
          <Alert type="warning">
            <Heading level={2} id="conflict-title">
              {p.conflictTitle}
            </Heading>
            <Paragraph>{conflict.length > 0 ? p.conflictIntro : p.conflictNothing}</Paragraph>
            {conflict.length > 0 && (
              <UnorderedList>
                {conflict.map((line) => (
                  <UnorderedListItem key={line}>{line}</UnorderedListItem>
                ))}
              </UnorderedList>
            )}
            <Paragraph>{p.conflictKept}</Paragraph>
            <Button
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
              onClick={() => void send()}
            >
              {p.resend}
            </Button>
          </Alert>
        </div>
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
