import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { derivedKey } from '../secrets/secret-cipher';
import { environmentObject, environmentSchema, namedRuntimeRole, userOf } from './config.schema';

/**
 * The repository's root: this file runs compiled as dist/libs/core/src/config/app-config.js,
 * and from source (ts-jest) one level higher, so a path of the repository does not depend on
 * the directory the process was started from.
 */
const REPOSITORY_ROOT = resolve(
  __dirname,
  __filename.endsWith('.js') ? '../../../../..' : '../../../..',
);

/** Where `npm run build` writes the web app (`vite build`). */
export const DEFAULT_WEB_APP_DIR = join(REPOSITORY_ROOT, 'dist/web');

/** Typed configuration, validated once at boot. Nothing else reads `process.env`. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: {
    port: number;
    publicUrl: string;
    corsOrigins: string[];
    bodyLimitBytes: number;
    /**
     * Express's `trust proxy`: false, a number of proxies in front, or their addresses and
     * networks; never `true` (every hop), which would let a client choose its own address.
     */
    trustProxy: false | number | string[];
    shutdownTimeoutMs: number;
    /**
     * The built web app (`index.html`, `assets/`) served at `/`: an absolute path. The API
     * answers 503 on the app's pages while it holds no index.html.
     */
    webAppDir: string;
  };
  database: {
    /** The apps' connection: the runtime role, which only reads and writes rows. */
    url: string;
    /** The migrations' connection: the owner role (DATABASE_URL when one role does both). */
    migrationUrl: string;
    /**
     * The role the apps connect as when it is not the migration role: the migrations grant it
     * its privileges. Undefined with one role.
     */
    runtimeRole: string | undefined;
    poolSize: number;
    ssl: boolean;
    migrationsRun: boolean;
    /**
     * How long a statement of the apps waits for a lock before it fails (55P03), so that it is
     * retried and at worst answered 503 instead of hanging; undefined or 0: no limit.
     */
    lockTimeoutMs?: number;
  };
  redis: { url: string; prefix: string; commandTimeoutMs: number };
  auth: {
    accessSecret: string;
    refreshSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    /**
     * How long a session signed in through an organisation's provider may last in all,
     * however often it is refreshed: then the person goes through the provider again, which
     * is where their organisation ends an account.
     */
    oidcSessionMaxSeconds: number;
    /** Created (or left alone if present) by the seeds on start. */
    bootstrapAdmin: { email: string; password: string } | undefined;
    login: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; lockoutSeconds: number };
  };
  audit: {
    /** HMAC-SHA256 key that signs the chain checkpoints. */
    checkpointKey: string;
    /** Where the worker keeps the latest checkpoint; undefined: only in the log. */
    checkpointFile: string | undefined;
    checkpointIntervalSeconds: number;
  };
  identityProviders: {
    /**
     * The AES-256-GCM key (32 bytes) of the identity providers' client secrets. Changing it
     * makes the stored secrets unreadable: each provider's secret must then be set again.
     */
    secretKey: Buffer;
  };
  attachments: {
    /** The largest file accepted (413 above it). */
    maxBytes: number;
    storage:
      | { kind: 'local'; dir: string }
      | {
          kind: 's3';
          endpoint: string;
          bucket: string;
          region: string;
          accessKeyId: string;
          secretAccessKey: string;
        };
  };
  webhooks: {
    /** CloudEvents' `source`. */
    source: string;
    /** AES-256-GCM key of the subscriptions' signing secrets (derived from IDENTITY_PROVIDER_SECRET_KEY). */
    secretKey: Buffer;
    allowHttp: boolean;
    /** CIDR networks targets may resolve to although they are not public. */
    allowedNetworks: string[];
    timeoutMs: number;
    concurrency: number;
    pollIntervalMs: number;
    retryDelaysSeconds: number[];
  };
  mail: {
    /** undefined: e-mail is not sent (in-app notifications still are). */
    smtpUrl: string | undefined;
    from: string;
    /** Sending attempts per e-mail before it is marked failed. */
    maxAttempts: number;
    /** The first retry's delay; each next one doubles. */
    retryDelayMs: number;
    concurrency: number;
  };
  reminders: {
    /** How often the worker reconciles reminder rows with the queue. */
    reconcileIntervalSeconds: number;
    /** Rows due within this many hours have their delayed job in Redis; later ones wait. */
    jobHorizonHours: number;
  };
  reports: {
    /** Largest report answered directly as XLSX, PDF, HTML or DOCX; larger ones are exported. */
    directMaxActions: number;
    /**
     * Largest report of the past answered directly (it is rebuilt in the API's memory first);
     * larger ones are exported.
     */
    directMaxPastActions: number;
    /**
     * Largest draft letter (DOCX), directly or as an export: the docx library builds the whole
     * document in memory, about 100 KB of heap per action at its peak.
     */
    letterMaxActions: number;
    /** How long a finished export stays downloadable. */
    exportRetentionHours: number;
    /** Exports one worker renders at once. */
    exportConcurrency: number;
  };
  imports: {
    /** The largest file accepted (413 above it). */
    maxBytes: number;
    /** Rows per sheet, the header included (the dry run fails above it). */
    maxRows: number;
    /** What an XLSX may decompress to, all its parts together (zip-bomb guard). */
    maxUnzippedBytes: number;
    /** How long an import (its file and dry run) is kept. */
    retentionHours: number;
  };
  idempotency: {
    /** How long an `Idempotency-Key` and its stored answer are kept. */
    ttlHours: number;
  };
  /**
   * Requests per window allowed per principal (user or API token) and per client address,
   * by kind of route (README "Rate limits").
   */
  rateLimits: {
    windowSeconds: number;
    principal: RateBudgets;
    address: RateBudgets;
  };
  /** "Now" may be moved through the API (never in production). */
  clockTravel: boolean;
  /** Platform administrators may retry, promote and remove jobs on the queue dashboard. */
  queueDashboardWrite: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Prometheus metrics on a server of their own; no server when `port` is undefined. */
  metrics: {
    port: number | undefined;
    host: string;
  };
  worker: {
    concurrency: number;
    /** A job's lock; a worker that died is noticed (its jobs handed out again) within it. */
    lockDurationMs: number;
    /**
     * How often the worker checks that its repeating jobs are still in Redis (and registers
     * them again); never less often than it reconciles reminders.
     */
    scheduleCheckSeconds: number;
    outboxPollIntervalMs: number;
    outboxBatchSize: number;
    healthFile: string;
  };
}

/** Requests per window: GET and HEAD, other methods, and routes declared expensive. */
export interface RateBudgets {
  read: number;
  write: number;
  expensive: number;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function problemsOf(
  issues: { path: PropertyKey[]; code: string; message: string }[],
  env: Record<string, string>,
): string[] {
  return issues.map((issue) => {
    const name = issue.path.map(String).join('.') || '(environment)';
    const reason =
      issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
    return `${name} ${reason}`;
  });
}

function presentOnly(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

function databaseConfigOf(e: {
  DATABASE_URL: string;
  MIGRATION_DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_SSL: boolean;
  DATABASE_LOCK_TIMEOUT_MS?: number;
  MIGRATIONS_RUN: boolean;
}): AppConfig['database'] {
  const migrationUrl = e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL;
  const runtimeUser = userOf(e.DATABASE_URL);
  return {
    url: e.DATABASE_URL,
    migrationUrl,
    runtimeRole: runtimeUser !== userOf(migrationUrl) ? runtimeUser : undefined,
    poolSize: e.DATABASE_POOL_SIZE,
    ssl: e.DATABASE_SSL,
    lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
    migrationsRun: e.MIGRATIONS_RUN,
  };
}

/** Only the database part, for the migration CLI. */
export function loadDatabaseConfig(
  source: Record<string, string | undefined>,
): AppConfig['database'] {
  const env = presentOnly(source);
  const parsed = environmentObject
    .pick({
      DATABASE_URL: true,
      MIGRATION_DATABASE_URL: true,
      DATABASE_POOL_SIZE: true,
      DATABASE_SSL: true,
      MIGRATIONS_RUN: true,
    })
    .refine(namedRuntimeRole.check, {
      path: namedRuntimeRole.path,
      message: namedRuntimeRole.message,
    })
    .safeParse(env);
  if (!parsed.success) throw new ConfigValidationError(problemsOf(parsed.error.issues, env));
  return databaseConfigOf(parsed.data);
}

/** Only the audit part, for `npm run audit:verify`. */
export function loadAuditConfig(source: Record<string, string | undefined>): AppConfig['audit'] {
  const env = presentOnly(source);
  const parsed = environmentObject
    .pick({
      AUDIT_CHECKPOINT_KEY: true,
      AUDIT_CHECKPOINT_FILE: true,
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: true,
    })
    .safeParse(env);
  if (!parsed.success) throw new ConfigValidationError(problemsOf(parsed.error.issues, env));
  return {
    checkpointKey: parsed.data.AUDIT_CHECKPOINT_KEY,
    checkpointFile: parsed.data.AUDIT_CHECKPOINT_FILE,
    checkpointIntervalSeconds: parsed.data.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
  };
}

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
