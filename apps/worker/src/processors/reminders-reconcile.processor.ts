import { Injectable } from '@nestjs/common';
import { JobName } from '@app/core';
import { ReminderReconciler } from '@app/reminders';
import { JobHandler } from '../jobs/job-handler';

@Injectable()
export class RemindersReconcileProcessor implements JobHandler<JobName.RemindersReconcile> {
  readonly jobName = JobName.RemindersReconcile;

  constructor(private readonly reconciler: ReminderReconciler) {}

  async process(): Promise<void> {
    await this.reconciler.reconcile();
  }
}
