import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ChangeNotices } from '@app/reminders';
import { WebhookSubscriptionsService } from '@app/webhooks';
import { JobHandler } from '../jobs/job-handler';

/** A webhook switched off after a day of failures tells its owner (`webhook_disabled`). */
@Injectable()
export class WebhookDisabledProcessor implements JobHandler<JobName.WebhookDisabled> {
  readonly jobName = JobName.WebhookDisabled;

  constructor(
    private readonly webhooks: WebhookSubscriptionsService,
    private readonly changes: ChangeNotices,
  ) {}

  async process(data: JobPayloads[JobName.WebhookDisabled]): Promise<void> {
    const off = await this.webhooks.switchedOff(data.subscriptionId, data.version);
    if (off) await this.changes.webhookDisabled({ ...off, version: data.version });
  }
}
