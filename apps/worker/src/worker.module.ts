import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AuditModule } from '@app/audit';
import { AppConfig, CoreModule } from '@app/core';
import { IdentityCoreModule } from '@app/identity';
import { ImportsModule } from '@app/imports';
import { RemindersModule } from '@app/reminders';
import { ReportExportsModule } from '@app/reporting';
import { WebhooksModule } from '@app/webhooks';
import { WorkerHeartbeat } from './health/worker-heartbeat';
import { WorkerMetrics } from './metrics/worker-metrics';
import { JOB_HANDLERS, JobHandler } from './jobs/job-handler';
import { JobWorkersHost } from './jobs/job-workers.host';
import { OutboxRelayRunner } from './outbox/outbox-relay.runner';
import { JobSchedules } from './jobs/job-schedules';
import { ActionChangedProcessor } from './processors/action-changed.processor';
import { ActionsChangedProcessor } from './processors/actions-changed.processor';
import { AuditCheckpointProcessor } from './processors/audit-checkpoint.processor';
import { CommentPostedProcessor } from './processors/comment-posted.processor';
import { MailDeliverProcessor } from './processors/mail-deliver.processor';
import { MailDigestProcessor } from './processors/mail-digest.processor';
import { RefreshTokensPurgeProcessor } from './processors/refresh-tokens-purge.processor';
import { ReminderDueProcessor } from './processors/reminder-due.processor';
import { RemindersReconcileProcessor } from './processors/reminders-reconcile.processor';
import { RemindersRescheduleProcessor } from './processors/reminders-reschedule.processor';
import { ReportExportProcessor } from './processors/report-export.processor';
import { ReportExportFinishedProcessor } from './processors/report-export-finished.processor';
import { ImportApplyProcessor } from './processors/import-apply.processor';
import { ImportPlanProcessor } from './processors/import-plan.processor';
import { ImportsPurgeProcessor } from './processors/imports-purge.processor';
import { IdempotencyKeysPurgeProcessor } from './processors/idempotency-keys-purge.processor';
import { ReportExportsPurgeProcessor } from './processors/report-exports-purge.processor';
import { ReportVersionChangesPurgeProcessor } from './processors/report-version-changes-purge.processor';
import { SystemPingProcessor } from './processors/system-ping.processor';
import { WebhookDeliveriesPurgeProcessor } from './processors/webhook-deliveries-purge.processor';
import { WebhookDisabledProcessor } from './processors/webhook-disabled.processor';
import { WebhookDeliveryRunner } from './webhooks/webhook-delivery.runner';

/** Every job handler; JobWorkersHost refuses to start if one in the registry is missing. */
const PROCESSORS = [
  SystemPingProcessor,
  AuditCheckpointProcessor,
  ActionChangedProcessor,
  ActionsChangedProcessor,
  CommentPostedProcessor,
  ReminderDueProcessor,
  RemindersRescheduleProcessor,
  RemindersReconcileProcessor,
  MailDeliverProcessor,
  MailDigestProcessor,
  ReportExportProcessor,
  ReportExportFinishedProcessor,
  ReportExportsPurgeProcessor,
  ImportPlanProcessor,
  ImportApplyProcessor,
  ImportsPurgeProcessor,
  IdempotencyKeysPurgeProcessor,
  RefreshTokensPurgeProcessor,
  WebhookDisabledProcessor,
  WebhookDeliveriesPurgeProcessor,
  ReportVersionChangesPurgeProcessor,
];

@Module({})
export class WorkerModule {
  static forRoot(
    config?: AppConfig,
    options: { logDestination?: DestinationStream } = {},
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, { ...options, service: 'worker', lockTimeout: false }),
        AuditModule,
        IdentityCoreModule,
        RemindersModule,
        ReportExportsModule,
        ImportsModule,
        WebhooksModule,
      ],
      providers: [
        ...PROCESSORS,
        {
          provide: JOB_HANDLERS,
          useFactory: (...handlers: JobHandler[]) => handlers,
          inject: PROCESSORS,
        },
        JobWorkersHost,
        JobSchedules,
        OutboxRelayRunner,
        WebhookDeliveryRunner,
        WorkerHeartbeat,
        WorkerMetrics,
      ],
    };
  }
}
