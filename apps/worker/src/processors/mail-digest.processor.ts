import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { MailDeliveryService } from '@app/notifications';
import { JobHandler } from '../jobs/job-handler';

@Injectable()
export class MailDigestProcessor implements JobHandler<JobName.MailDigest> {
  readonly jobName = JobName.MailDigest;

  constructor(private readonly mail: MailDeliveryService) {}

  process(data: JobPayloads[JobName.MailDigest]): Promise<void> {
    return this.mail.sendDigest(data.digestId);
  }
}
