import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { IdentityCoreModule } from '@app/identity';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboardAudit } from './queue-dashboard-audit';

/** The queue dashboard of platform administrators (README "Queue dashboard"). */
@Module({
  imports: [IdentityCoreModule, AuditModule],
  controllers: [QueueDashboardController],
  providers: [QueueDashboardAudit],
  exports: [QueueDashboardAudit],
})
export class QueuesHttpModule {}
