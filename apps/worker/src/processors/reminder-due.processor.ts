import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ReminderDispatcher } from '@app/reminders';
import { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class ReminderDueProcessor implements JobHandler<JobName.ReminderDue> {
  readonly jobName = JobName.ReminderDue;
  private readonly logger = new Logger(ReminderDueProcessor.name);

  constructor(private readonly dispatcher: ReminderDispatcher) {}

  async process(data: JobPayloads[JobName.ReminderDue], context: JobContext): Promise<void> {
    const report = await this.dispatcher.dispatch(data.programmeId, data.dueAt);
    this.logger.debug(
      `reminders of ${data.programmeId} at ${data.dueAt}: ${JSON.stringify(report)} [${context.jobId}]`,
    );
  }
}
