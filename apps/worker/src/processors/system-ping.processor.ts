import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class SystemPingProcessor implements JobHandler<JobName.SystemPing> {
  readonly jobName = JobName.SystemPing;
  private readonly logger = new Logger(SystemPingProcessor.name);

  process(data: JobPayloads[JobName.SystemPing], context: JobContext): Promise<void> {
    this.logger.log(`ping ${context.jobId}: ${data.note}`);
    return Promise.resolve();
  }
}
