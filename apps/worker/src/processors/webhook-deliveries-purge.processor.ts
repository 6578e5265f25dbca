import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '@app/core';
import { WebhookSender } from '@app/webhooks';
import { JobHandler } from '../jobs/job-handler';

/** Webhook deliveries are kept 30 days (pending ones until they are done). */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

@Injectable()
export class WebhookDeliveriesPurgeProcessor implements JobHandler<JobName.WebhookDeliveriesPurge> {
  readonly jobName = JobName.WebhookDeliveriesPurge;
  private readonly logger = new Logger(WebhookDeliveriesPurgeProcessor.name);

  constructor(private readonly sender: WebhookSender) {}

  async process(): Promise<void> {
    const purged = await this.sender.purge(WEBHOOK_DELIVERY_RETENTION_DAYS);
    if (purged > 0) this.logger.log(`purged ${purged} webhook deliveries`);
  }
}
