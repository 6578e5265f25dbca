import { Module } from '@nestjs/common';
import { WebhooksModule } from '@app/webhooks';
import { WebhooksController } from './webhooks.controller';

/** HTTP routes of webhooks. */
@Module({
  imports: [WebhooksModule],
  controllers: [WebhooksController],
})
export class WebhooksHttpModule {}
