import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from './clock/clock';
import { ClockTravel } from './clock/clock-travel';
import { AppConfig } from './config/app-config';
import { APP_CONFIG, CoreConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthService } from './health/health.service';
import { JobQueueService } from './jobs/job-queue.service';
import { createLoggerModule } from './logging/logger.module';
import type { ServiceName } from './logging/log-options';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { OutboxService } from './outbox/outbox.service';
import { OutboxBacklog } from './outbox/outbox-backlog';
import { RedisConnections } from './redis/redis-connections';
import { Transactions } from './database/transactions';
import { IdempotencyKeys } from './idempotency/idempotency-keys.repository';
import { Metrics } from './metrics/metrics';
import { MetricsServer } from './metrics/metrics-server';
import { PoolMetrics } from './metrics/pool-metrics';

const CORE_SERVICES = [
  Clock,
  ClockTravel,
  HealthService,
  RedisConnections,
  JobQueueService,
  OutboxService,
  OutboxRelayService,
  OutboxBacklog,
  Transactions,
  IdempotencyKeys,
  Metrics,
  MetricsServer,
  PoolMetrics,
];

export interface CoreModuleOptions {
  /** The `service` field of every log line: `api` (default) or `worker`. */
  service?: ServiceName;
  /** Where logs go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
  /**
   * Whether statements give up on a lock after DATABASE_LOCK_TIMEOUT_MS (default): for the
   * API, where a person waits. The worker's jobs wait as long as it takes (false).
   */
  lockTimeout?: boolean;
}

/**
 * Configuration, logging, the database, Redis, the job queues and the outbox: what every app
 * and context stands on. Import once, in the app's root module.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config?: AppConfig, options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        CoreConfigModule.forRoot(config),
        createLoggerModule(options.service ?? 'api', options.logDestination),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (appConfig: AppConfig) => ({
            ...dataSourceOptions(
              options.lockTimeout === false
                ? { ...appConfig.database, lockTimeoutMs: undefined }
                : appConfig.database,
            ),
            autoLoadEntities: true,
          }),
        }),
        TypeOrmModule.forFeature([OutboxEventEntity]),
      ],
      providers: CORE_SERVICES,
      exports: [CoreConfigModule, ...CORE_SERVICES],
    };
  }
}
