import { JobName, type JobPlacement } from '@app/core';

/** The job of a row at its due time: a row moved to another time gets another job. */
export const reminderJobId = (id: string, dueAt: Date): string =>
  `reminder-${id}-${dueAt.getTime()}`;

export function reminderPlacement(row: { id: string; dueAt: Date }, now: Date): JobPlacement {
  return {
    job: {
      name: JobName.ReminderDue,
      data: { reminderId: row.id, dueAt: row.dueAt.toISOString() },
    },
    jobId: reminderJobId(row.id, row.dueAt),
    delayMs: row.dueAt.getTime() - now.getTime(),
  };
}
