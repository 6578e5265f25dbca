import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { ProgrammesModule } from '@app/identity';
import { ActionsModule } from '@app/tracking';
import { WebhookDeliveryEntity } from './delivery/webhook-delivery.entity';
import { WebhookFanout } from './delivery/webhook-fanout.service';
import { WebhookSender } from './delivery/webhook-sender.service';
import { WebhookDeliveryLog } from './subscriptions/webhook-delivery-log.service';
import { WebhookSecrets } from './subscriptions/webhook-secrets';
import { WebhookSubscriptionsService } from './subscriptions/webhook-subscriptions.service';
import { WebhookTargets } from './targets/webhook-targets';
import { WEBHOOK_TARGETS } from './webhooks.tokens';

/**
 * Webhooks (issue 21): a programme's subscriptions, the fan-out of what happened (read from
 * the audit log) into deliveries, and their signed delivery by the worker.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookDeliveryEntity]), ProgrammesModule, ActionsModule],
  providers: [
    {
      provide: WEBHOOK_TARGETS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new WebhookTargets(config.webhooks),
    },
    WebhookSecrets,
    WebhookSubscriptionsService,
    WebhookDeliveryLog,
    WebhookFanout,
    WebhookSender,
  ],
  exports: [
    WEBHOOK_TARGETS,
    WebhookSubscriptionsService,
    WebhookDeliveryLog,
    WebhookFanout,
    WebhookSender,
  ],
})
export class WebhooksModule {}
