import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { MailDeliveryService } from '@app/notifications';
import { JobHandler } from '../jobs/job-handler';

@Injectable()
export class MailDeliverProcessor implements JobHandler<JobName.MailDeliver> {
  readonly jobName = JobName.MailDeliver;

  constructor(private readonly mail: MailDeliveryService) {}

  process(data: JobPayloads[JobName.MailDeliver]): Promise<void> {
    return this.mail.deliver(data.deliveryId);
  }
}
