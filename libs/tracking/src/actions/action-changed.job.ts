import { type ActionChange, JobName, type JobRequest } from '@app/core';
import type { Principal } from '@app/identity';

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
  change: ActionChange,
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
