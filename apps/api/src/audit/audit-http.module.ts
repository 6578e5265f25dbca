import { Module } from '@nestjs/common';
import { AuditQueryModule } from '@app/audit';
import { AuditEventsController } from './audit-events.controller';

/** HTTP routes of the audit log: reading, exporting and verifying it. */
@Module({
  imports: [AuditQueryModule],
  controllers: [AuditEventsController],
})
export class AuditHttpModule {}
