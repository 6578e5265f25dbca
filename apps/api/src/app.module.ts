import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfig, CoreModule, CoreModuleOptions } from '@app/core';
import { IdentityModule } from '@app/identity';
import { TrackingModule } from '@app/tracking';
import { AccessModule } from './access/access.module';
import { AuditHttpModule } from './audit/audit-http.module';
import { HealthController } from './health/health.controller';
import { AuthHttpModule } from './identity/auth-http.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { DirectoryHttpModule } from './identity/directory-http.module';
import { IdentityProvidersHttpModule } from './identity/identity-providers-http.module';
import { ProgrammesHttpModule } from './identity/programmes-http.module';
import { HttpDrain } from './http/http-drain';
import { RemindersHttpModule } from './reminders/reminders-http.module';
import { CalendarHttpModule } from './reporting/calendar-http.module';
import { OpenDataHttpModule } from './reporting/open-data-http.module';
import { ReportsHttpModule } from './reporting/reports-http.module';
import { RootController } from './root/root.controller';
import { ActionsHttpModule } from './tracking/actions-http.module';
import { CommitmentsHttpModule } from './tracking/commitments-http.module';
import { WebhooksHttpModule } from './webhooks/webhooks-http.module';
import { QueuesHttpModule } from './queues/queues-http.module';
import { AttachmentsHttpModule } from './tracking/attachments-http.module';

@Module({})
export class AppModule {
  /** The API; tests pass their own config, the process reads its environment. */
  static forRoot(config?: AppConfig, options?: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options),
        AuditModule,
        IdentityModule,
        TrackingModule,
        AccessModule,
        DirectoryHttpModule,
        ProgrammesHttpModule,
        AuthHttpModule,
        IdentityProvidersHttpModule,
        CommitmentsHttpModule,
        ActionsHttpModule,
        AuditHttpModule,
        RemindersHttpModule,
        OpenDataHttpModule,
        CalendarHttpModule,
        ReportsHttpModule,
        ImportsHttpModule,
        WebhooksHttpModule,
        AttachmentsHttpModule,
        QueuesHttpModule,
      ],
      controllers: [RootController, HealthController],
      providers: [HttpDrain],
    };
  }
}
