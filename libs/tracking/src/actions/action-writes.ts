import type { ActionEntity } from './action.entity';
import type { ActionState } from './action-state-machine';

/**
 * How a change is made. `followUpByCaller`: the caller records what follows the change (its
 * reminders planned again, the people it concerns told) itself, for many changes at once: an
 * import records one ActionsChanged job a batch, in the transaction that records the batch.
 */
export interface ActionChangeOptions {
  followUpByCaller?: boolean;
}

/** An action's id and version after a change. */
export interface ActionVersion {
  id: string;
  version: number;
}

/** The part of a stored action the state machine judges a change against. */
export const stateOf = (action: ActionEntity): ActionState => ({
  status: action.status,
  health: action.health,
  verification: action.verification,
  percentComplete: action.percentComplete,
  deadline: action.deadline,
  closedAt: action.closedAt,
});
