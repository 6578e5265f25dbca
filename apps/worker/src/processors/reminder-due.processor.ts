import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobPayloads, Metrics } from '@app/core';
import { ReminderDispatcher } from '@app/reminders';
import { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class ReminderDueProcessor implements JobHandler<JobName.ReminderDue> {
  readonly jobName = JobName.ReminderDue;
  private readonly logger = new Logger(ReminderDueProcessor.name);

  constructor(
    private readonly dispatcher: ReminderDispatcher,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
  ) {}

  async process(data: JobPayloads[JobName.ReminderDue], context: JobContext): Promise<void> {
    const report = await this.dispatcher.dispatch(data.programmeId, data.dueAt);
    // Due → sent, once per reminder sent (all of one moment go out in this run).
    const lag = Math.max(0, (this.clock.now().getTime() - Date.parse(data.dueAt)) / 1000);
    for (let sent = 0; sent < report.sent; sent += 1) this.metrics.reminderLag.observe(lag);
    this.logger.debug(
      `reminders of ${data.programmeId} at ${data.dueAt}: ${JSON.stringify(report)} [${context.jobId}]`,
    );
  }
}
