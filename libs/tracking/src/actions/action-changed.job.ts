import { type ActionChangeFollowUp, JobName, type JobRequest } from '@app/core';
import type { Principal } from '@app/identity';

/** What happened to an action, for the jobs that follow the change. */
export const ACTION_CHANGES = [
  'created',
  'updated',
  'progressed',
  'confirmed',
  'verified',
  'escalated',
] as const;
export type ActionChangeKind = (typeof ACTION_CHANGES)[number];

/** Values of the change that what follows it must tell people (a new status, a new owner). */
export interface ActionChangedValues {
  status?: string;
  ownerUserId?: string | null;
}

/** The outbox event of a change to an action: what follows it after the commit. */
export function actionChanged(
  principal: Principal | null,
  actionId: string,
  version: number,
  change: ActionChangeKind,
  fields: readonly string[],
  values: ActionChangedValues = {},
): JobRequest {
  return {
    name: JobName.ActionChanged,
    data: {
      actionId,
      version,
      change,
      fields: [...new Set(fields)].sort(),
      actorUserId: principal?.userId ?? null,
      ...values,
    },
  };
}

/**
 * The outbox event of many changes made at once (a batch of an import's rows): one job
 * follows them all, instead of one per change.
 */
export function actionsChanged(
  principal: Principal | null,
  changes: readonly ActionChangeFollowUp[],
): JobRequest {
  return {
    name: JobName.ActionsChanged,
    data: { actorUserId: principal?.userId ?? null, changes: [...changes] },
  };
}
