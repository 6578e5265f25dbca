import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ChangeNotices } from '@app/reminders';
import { JobHandler } from '../jobs/job-handler';

/**
 * Follows a committed change of an action: its reminders are planned again (and it comes off
 * the escalation ladder if its bad period is over), and the people it concerns are told.
 */
@Injectable()
export class ActionChangedProcessor implements JobHandler<JobName.ActionChanged> {
  readonly jobName = JobName.ActionChanged;

  constructor(private readonly changes: ChangeNotices) {}

  process(data: JobPayloads[JobName.ActionChanged]): Promise<void> {
    return this.changes.actionChanged(data);
  }
}
