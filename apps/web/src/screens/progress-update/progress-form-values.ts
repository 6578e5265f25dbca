import type { Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';

export type ActionStatus = Action['status'];
export type ActionHealth = Action['health'];
type ProgressBody = Schemas['CreateProgressUpdateDto'];

const STATUSES: readonly ActionStatus[] = [
  'not_started',
  'in_progress',
  'met',
  'partially_met',
  'lapsed',
];
export const HEALTHS: readonly ActionHealth[] = ['not_set', 'on_track', 'at_risk', 'off_track'];
const isClosed = (status: ActionStatus) =>
  status === 'met' || status === 'partially_met' || status === 'lapsed';

/**
 * The status moves the API allows (ALLOWED in libs/tracking/src/actions/action-state-machine.ts):
 * the form offers only these; should they differ, the API's 409 is shown at the field.
 */
export const NEXT_STATUSES: { readonly [S in ActionStatus]: readonly ActionStatus[] } = {
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
export function reasonsRequired(
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

export function whyInWords(t: Messages, why: Why[]): string {
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

export interface Values {
  status: ActionStatus;
  health: ActionHealth;
  percent: string;
  narrative: string;
  reason: string;
}

/** Health applies to an open action; the percentage changes unless the action stays closed. */
export const healthApplies = (values: Values) => !isClosed(values.status);
export const percentApplies = (base: Action, values: Values) =>
  !(isClosed(base.status) && isClosed(values.status));

/** The update as the API takes it: only what the person changed, and the narrative. */
export function bodyOf(base: Action, values: Values, reasonShown: boolean): ProgressBody {
  const body: ProgressBody = { narrative: values.narrative };
  if (values.status !== base.status) body.status = values.status;
  if (healthApplies(values) && values.health !== base.health) body.health = values.health;
  const percent = Number(values.percent.trim());
  if (percentApplies(base, values) && percent !== base.percentComplete)
    body.percentComplete = percent;
  if (reasonShown && values.reason.trim()) body.reason = values.reason;
  return body;
}

export function statusChoices(base: Action, values: Values): ActionStatus[] {
  const offered = new Set<ActionStatus>([
    base.status,
    ...NEXT_STATUSES[base.status],
    values.status,
  ]);
  return STATUSES.filter((status) => offered.has(status));
}

/** The checks the browser can make before sending; the API checks again. */
export function check(
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
