import { CoreErrors, DomainError, type InvalidParam } from '@app/core';
import { type ActionHealth, type ActionStatus, isClosed, type Verification } from './action-states';

/** The part of an action the rules of DESIGN §2 govern. `deadline` is an ISO date. */
export interface ActionState {
  status: ActionStatus;
  health: ActionHealth;
  verification: Verification;
  percentComplete: number;
  deadline: string;
  closedAt: Date | null;
}

/** What a caller asks to change; absent fields stay as they are. */
export interface ActionChange {
  status?: ActionStatus;
  health?: ActionHealth;
  percentComplete?: number;
  deadline?: string;
  /** Required for the moves that need a written reason. */
  reason?: string;
}

export interface Transition {
  next: ActionState;
  /** The fields whose value changed. */
  changed: (keyof ActionState)[];
  /** The action was reopened (closed → in progress). */
  reopened: boolean;
  /** The action was closed by this change. */
  closed: boolean;
}

/** Lifecycle moves (DESIGN §2): closed states reopen to in_progress only. */
const ALLOWED: { readonly [S in ActionStatus]: readonly ActionStatus[] } = {
  not_started: ['in_progress', 'lapsed'],
  in_progress: ['met', 'partially_met', 'lapsed'],
  met: ['in_progress'],
  partially_met: ['in_progress'],
  lapsed: ['in_progress'],
};

const REASON_FOR_STATUS: readonly ActionStatus[] = ['partially_met', 'lapsed'];
const REASON_FOR_HEALTH: readonly ActionHealth[] = ['at_risk', 'off_track'];

export const TransitionErrors = {
  invalidTransition: (from: ActionStatus, to: ActionStatus) =>
    new DomainError(
      'conflict',
      'INVALID_STATUS_TRANSITION',
      `An action cannot go from ${from} to ${to}. Allowed from ${from}: ${
        ALLOWED[from].join(', ') || 'nothing'
      }.`,
    ),
  healthOfClosedAction: () =>
    new DomainError(
      'conflict',
      'ACTION_CLOSED',
      'A closed action has no health; reopen it (status in_progress, with a reason) first.',
    ),
  percentOfClosedAction: () =>
    new DomainError(
      'conflict',
      'ACTION_CLOSED',
      'The progress of a closed action cannot change; reopen it first.',
    ),
  reasonRequired: (why: string[]) =>
    CoreErrors.validationFailed([
      { name: 'reason', reason: `is required when ${why.join(' and ')}` } satisfies InvalidParam,
    ]),
} as const;

/**
 * The one place that applies DESIGN §2's rules to a change: allowed status moves, health
 * only while open, written reasons for the moves that need one, and what closing and
 * reopening reset. Pure: throws a DomainError (409 for a forbidden move, 400 for a missing
 * reason) or answers the next state.
 */
export function applyChange(current: ActionState, change: ActionChange, now: Date): Transition {
  const next: ActionState = { ...current };
  const reasons: string[] = [];

  if (change.status !== undefined && change.status !== current.status) {
    if (!ALLOWED[current.status].includes(change.status)) {
      throw TransitionErrors.invalidTransition(current.status, change.status);
    }
    next.status = change.status;
    if (REASON_FOR_STATUS.includes(change.status))
      reasons.push(`the status becomes ${change.status}`);
    if (isClosed(current.status)) reasons.push('the action is reopened');
  }
  const closing = !isClosed(current.status) && isClosed(next.status);
  const reopening = isClosed(current.status) && !isClosed(next.status);

  if (change.health !== undefined && change.health !== current.health) {
    if (isClosed(next.status)) throw TransitionErrors.healthOfClosedAction();
    next.health = change.health;
    if (REASON_FOR_HEALTH.includes(change.health))
      reasons.push(`the health becomes ${change.health}`);
  }

  if (change.percentComplete !== undefined && change.percentComplete !== current.percentComplete) {
    if (isClosed(current.status) && isClosed(next.status)) {
      throw TransitionErrors.percentOfClosedAction();
    }
    next.percentComplete = change.percentComplete;
  }

  if (change.deadline !== undefined && change.deadline !== current.deadline) {
    next.deadline = change.deadline;
    reasons.push('the deadline moves');
  }

  if (reasons.length > 0 && (change.reason === undefined || change.reason.trim() === '')) {
    throw TransitionErrors.reasonRequired(reasons);
  }

  if (closing) {
    // Closing: no health any more, and whoever checked an earlier state checks again.
    next.health = 'not_set';
    next.verification = 'self_reported';
    next.closedAt = now;
    if (next.status === 'met') next.percentComplete = 100;
  }
  if (reopening) {
    next.closedAt = null;
    next.verification = 'self_reported';
    next.health = change.health ?? 'not_set';
  }

  const changed = (Object.keys(next) as (keyof ActionState)[]).filter((field) =>
    field === 'closedAt'
      ? (next.closedAt?.getTime() ?? null) !== (current.closedAt?.getTime() ?? null)
      : next[field] !== current[field],
  );
  return { next, changed, reopened: reopening, closed: closing };
}

/** Whether a closed action may get this verification; the caller checks who asks. */
export function applyVerification(current: ActionState, to: Verification): ActionState {
  if (!isClosed(current.status)) {
    throw new DomainError(
      'conflict',
      'ACTION_NOT_CLOSED',
      'Only a closed action (met, partially met or lapsed) can be confirmed or verified.',
    );
  }
  if (current.verification === 'verified' && to === 'partner_reviewed') {
    throw new DomainError(
      'conflict',
      'ALREADY_VERIFIED',
      'The coordinator has already verified this action.',
    );
  }
  return { ...current, verification: to };
}
