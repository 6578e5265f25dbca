import {
  type ActionHealth,
  type ActionState,
  type ActionStatus,
  applyChange,
  applyVerification,
} from '@app/tracking';
import type { ActionSeed, UpdateSeed } from './types';

/** One entry of the progress timeline, as the API writes it. */
export interface TimelineEntry {
  /** `deadline_change` for a moved deadline (a change of the action), else `progress`. */
  kind: 'progress' | 'deadline_change';
  seed: UpdateSeed;
  at: Date;
  /** What the entry changed (null: left as it was). */
  status: ActionStatus | null;
  health: ActionHealth | null;
  percentComplete: number | null;
  narrative: string;
}

export interface DerivedAction {
  state: ActionState;
  timeline: TimelineEntry[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
  latestNarrative: string | null;
}

/** When an action with neither a start date nor any activity yet was recorded. */
const RECORDED_DEFAULT = '2026-06-12';

/** Updates are stamped mid-morning, comments early afternoon (UTC), a minute apart. */
const stamp = (on: string, hour: string, minute: number): Date =>
  new Date(`${on}T${hour}:${String(minute % 60).padStart(2, '0')}:00Z`);
export const commentTime = (on: string, index: number): Date => stamp(on, '13', index);

/**
 * Plays an action's updates through the product's own state machine (DESIGN §2), so the
 * seeded status, health, percentage, deadline and closing time obey the same rules as a
 * change through the API: a forbidden move or a missing reason throws here. Like the API, a
 * moved deadline is a change of the action with its own timeline entry, and a progress
 * update records only what it changed.
 */
export function deriveAction(action: ActionSeed): DerivedAction {
  let state: ActionState = {
    status: 'not_started',
    health: 'not_set',
    verification: 'self_reported',
    percentComplete: 0,
    deadline: action.deadline,
    closedAt: null,
  };
  const timeline: TimelineEntry[] = [];
  action.updates.forEach((update, index) => {
    if (update.deadline !== undefined) {
      const at = stamp(update.on, '09', 2 * index);
      const from = state.deadline;
      state = applyChange(state, { deadline: update.deadline, reason: update.reason }, at).next;
      timeline.push({
        kind: 'deadline_change',
        seed: update,
        at,
        status: null,
        health: null,
        percentComplete: null,
        narrative: `Deadline ${from} → ${state.deadline}`,
      });
    }
    const at = stamp(update.on, '09', 2 * index + 1);
    const { next, changed } = applyChange(
      state,
      {
        status: update.status,
        health: update.health,
        percentComplete: update.percent,
        reason: update.reason,
      },
      at,
    );
    state = next;
    timeline.push({
      kind: 'progress',
      seed: update,
      at,
      status: changed.includes('status') ? next.status : null,
      health: changed.includes('health') ? next.health : null,
      percentComplete: changed.includes('percentComplete') ? next.percentComplete : null,
      narrative: update.narrative,
    });
  });
  if (action.verification) state = applyVerification(state, action.verification);

  // Recorded on its start date, or before its first update or comment, whichever is earliest.
  const dates = [action.startDate, action.updates[0]?.on, action.comments?.[0]?.on];
  const createdOn = dates.filter((date) => date !== undefined).sort()[0] ?? RECORDED_DEFAULT;
  const createdAt = new Date(`${createdOn}T08:00:00Z`);
  const last = timeline.at(-1);
  return {
    state,
    timeline,
    createdAt,
    updatedAt: last?.at ?? createdAt,
    // Every change moved the version on: each timeline entry, and a confirmation or check.
    version: 1 + timeline.length + (action.verification ? 1 : 0),
    latestNarrative: action.updates.at(-1)?.narrative ?? null,
  };
}
