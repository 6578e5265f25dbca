import { JobName, type JobPlacement } from '@app/core';

/**
 * The job of the rows a programme has scheduled at one moment: derived from both, so that
 * queueing it again (for each of its rows, by the reconciler) adds it once.
 */
export const reminderJobId = (programmeId: string, dueAt: Date): string =>
  `reminders-${programmeId}-${dueAt.getTime()}`;

/** The jobs of these rows: one per programme and moment. */
export function reminderPlacements(
  rows: readonly { programmeId: string; dueAt: Date }[],
  now: Date,
): JobPlacement[] {
  const placements = new Map<string, JobPlacement>();
  for (const row of rows) {
    const jobId = reminderJobId(row.programmeId, row.dueAt);
    if (placements.has(jobId)) continue;
    placements.set(jobId, {
      job: {
        name: JobName.ReminderDue,
        data: { programmeId: row.programmeId, dueAt: row.dueAt.toISOString() },
      },
      jobId,
      delayMs: row.dueAt.getTime() - now.getTime(),
    });
  }
  return [...placements.values()];
}
