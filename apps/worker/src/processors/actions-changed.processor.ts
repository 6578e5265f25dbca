import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ChangeNotices } from '@app/reminders';
import { JobHandler } from '../jobs/job-handler';

/**
 * Follows many committed changes at once (a batch of an import's rows): their actions'
 * reminders are planned again and the people they concern are told, as for one change.
 */
@Injectable()
export class ActionsChangedProcessor implements JobHandler<JobName.ActionsChanged> {
  readonly jobName = JobName.ActionsChanged;

  constructor(private readonly changes: ChangeNotices) {}

  process(data: JobPayloads[JobName.ActionsChanged]): Promise<void> {
    return this.changes.actionsChanged(data);
  }
}
