import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ReminderScheduler } from '@app/reminders';
import { JobHandler } from '../jobs/job-handler';

/** Plans the reminders of a programme (its policy changed), of a round, or of some actions. */
@Injectable()
export class RemindersRescheduleProcessor implements JobHandler<JobName.RemindersReschedule> {
  readonly jobName = JobName.RemindersReschedule;
  private readonly logger = new Logger(RemindersRescheduleProcessor.name);

  constructor(private readonly scheduler: ReminderScheduler) {}

  async process(data: JobPayloads[JobName.RemindersReschedule]): Promise<void> {
    const started = Date.now();
    if (data.roundId) await this.scheduler.rescheduleRound(data.roundId);
    else if (data.actionIds) await this.scheduler.rescheduleActions(data.actionIds);
    else {
      const count = await this.scheduler.rescheduleProgramme(data.programmeId);
      this.logger.log(
        `planned the reminders of ${count} actions of programme ${data.programmeId} (${data.why}) in ${Date.now() - started} ms`,
      );
    }
  }
}
