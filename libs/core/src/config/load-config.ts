import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { derivedKey } from '../secrets/secret-cipher';
import type { AppConfig } from './app-config';
import { ConfigValidationError, presentOnly, problemsOf } from './config-validation';
import { environmentSchema } from './config.schema';
import { databaseConfigOf } from './database-config';

/**
 * The repository's root: this file runs compiled as dist/libs/core/src/config/load-config.js,
 * and from source (ts-jest) one level higher, so a path of the repository does not depend on
 * the directory the process was started from.
 */
const REPOSITORY_ROOT = resolve(
  __dirname,
  __filename.endsWith('.js') ? '../../../../..' : '../../../..',
);

/** Where `npm run build` writes the web app (`vite build`). */
export const DEFAULT_WEB_APP_DIR = join(REPOSITORY_ROOT, 'dist/web');

/**
 * Validates the environment into an AppConfig. Throws a ConfigValidationError listing every
 * problem at once, so an operator fixes them in one go. Secrets are never echoed back.
 */
export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  const env = presentOnly(source);
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigValidationError(problemsOf(parsed.error.issues, env));
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      corsOrigins: e.CORS_ORIGINS,
      bodyLimitBytes: e.REQUEST_BODY_LIMIT_BYTES,
      trustProxy: e.TRUST_PROXY,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      webAppDir: resolve(REPOSITORY_ROOT, e.WEB_APP_DIR ?? DEFAULT_WEB_APP_DIR),
    },
    database: databaseConfigOf(e),
    redis: {
      url: e.REDIS_URL,
      prefix: e.REDIS_PREFIX,
      commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    },
    auth: {
      accessSecret: e.JWT_ACCESS_SECRET,
      refreshSecret: e.JWT_REFRESH_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
      oidcSessionMaxSeconds: e.OIDC_SESSION_MAX_SECONDS,
      bootstrapAdmin:
        e.BOOTSTRAP_ADMIN_EMAIL && e.BOOTSTRAP_ADMIN_PASSWORD
          ? { email: e.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), password: e.BOOTSTRAP_ADMIN_PASSWORD }
          : undefined,
      login: {
        maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
        lockoutSeconds: e.LOGIN_LOCKOUT_SECONDS,
      },
    },
    audit: {
      checkpointKey: e.AUDIT_CHECKPOINT_KEY,
      checkpointFile: e.AUDIT_CHECKPOINT_FILE,
      checkpointIntervalSeconds: e.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
    },
    identityProviders: {
      secretKey: Buffer.from(e.IDENTITY_PROVIDER_SECRET_KEY, 'base64'),
    },
    attachments: {
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      storage:
        e.ATTACHMENT_STORAGE === 's3'
          ? {
              kind: 's3',
              endpoint: e.ATTACHMENT_S3_ENDPOINT!,
              bucket: e.ATTACHMENT_S3_BUCKET!,
              region: e.ATTACHMENT_S3_REGION,
              accessKeyId: e.ATTACHMENT_S3_ACCESS_KEY_ID!,
              secretAccessKey: e.ATTACHMENT_S3_SECRET_ACCESS_KEY!,
            }
          : {
              kind: 'local',
              dir: resolve(REPOSITORY_ROOT, e.ATTACHMENT_DIR ?? '.data/attachments'),
            },
    },
    webhooks: {
      source: e.EVENTS_SOURCE,
      secretKey: derivedKey(
        Buffer.from(e.IDENTITY_PROVIDER_SECRET_KEY, 'base64'),
        'webhook secrets',
      ),
      allowHttp: e.WEBHOOK_ALLOW_HTTP,
      allowedNetworks: e.WEBHOOK_ALLOWED_NETWORKS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      concurrency: e.WEBHOOK_CONCURRENCY,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
      retryDelaysSeconds: e.WEBHOOK_RETRY_DELAYS_SECONDS,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryDelayMs: e.MAIL_RETRY_DELAY_MS,
      concurrency: e.MAIL_CONCURRENCY,
    },
    reminders: {
      reconcileIntervalSeconds: e.REMINDER_RECONCILE_INTERVAL_SECONDS,
      jobHorizonHours: e.REMINDER_JOB_HORIZON_HOURS,
    },
    reports: {
      directMaxActions: e.REPORT_DIRECT_MAX_ACTIONS,
      directMaxPastActions: e.REPORT_DIRECT_MAX_PAST_ACTIONS,
      letterMaxActions: e.REPORT_LETTER_MAX_ACTIONS,
      exportRetentionHours: e.REPORT_EXPORT_RETENTION_HOURS,
      exportConcurrency: e.REPORT_EXPORT_CONCURRENCY,
    },
    imports: {
      maxBytes: e.IMPORT_MAX_BYTES,
      maxRows: e.IMPORT_MAX_ROWS,
      maxUnzippedBytes: e.IMPORT_MAX_UNZIPPED_BYTES,
      retentionHours: e.IMPORT_RETENTION_HOURS,
    },
    idempotency: { ttlHours: e.IDEMPOTENCY_KEY_TTL_HOURS },
    rateLimits: {
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      principal: {
        read: e.RATE_LIMIT_PRINCIPAL_READS,
        write: e.RATE_LIMIT_PRINCIPAL_WRITES,
        expensive: e.RATE_LIMIT_PRINCIPAL_EXPENSIVE,
      },
      address: {
        read: e.RATE_LIMIT_ADDRESS_READS,
        write: e.RATE_LIMIT_ADDRESS_WRITES,
        expensive: e.RATE_LIMIT_ADDRESS_EXPENSIVE,
      },
    },
    clockTravel: e.CLOCK_TRAVEL,
    queueDashboardWrite: e.QUEUE_DASHBOARD_WRITE,
    logLevel: e.LOG_LEVEL,
    metrics: {
      port: e.METRICS_PORT,
      host: e.METRICS_HOST,
    },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      lockDurationMs: e.WORKER_LOCK_DURATION_MS,
      scheduleCheckSeconds: e.JOB_SCHEDULE_CHECK_SECONDS,
      outboxPollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
      outboxBatchSize: e.OUTBOX_BATCH_SIZE,
      healthFile: e.WORKER_HEALTH_FILE ?? join(tmpdir(), 'sterk-bestuur-worker.health'),
    },
  };
}
