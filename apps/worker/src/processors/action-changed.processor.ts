import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { JobContext, JobHandler } from '../jobs/job-handler';

/**
 * Follows a committed change of an action. The change is on record already (the action, its
 * timeline and the audit log commit together); this job is where what must follow a commit
 * attaches: rescheduling the action's reminders and notifying the people it concerns, which
 * the reminders and notifications contexts add. Until then it logs the change.
 */
@Injectable()
export class ActionChangedProcessor implements JobHandler<JobName.ActionChanged> {
  readonly jobName = JobName.ActionChanged;
  private readonly logger = new Logger(ActionChangedProcessor.name);

  process(data: JobPayloads[JobName.ActionChanged], context: JobContext): Promise<void> {
    this.logger.debug(
      `action ${data.actionId} ${data.change} (version ${data.version}; ${data.fields.join(', ') || 'no fields'}) [${context.jobId}]`,
    );
    return Promise.resolve();
  }
}
