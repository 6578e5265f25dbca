import { isIP } from 'node:net';
import { z } from 'zod';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL with scheme ${protocols.join(' or ')}` },
  );

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const secret = z.string().min(32, 'must be at least 32 characters');

/** An AES-256 key: exactly 32 bytes, written in base64 (`openssl rand -base64 32`). */
const aes256Key = z
  .string()
  .trim()
  .refine(
    (value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32,
    { message: 'must be 32 bytes in base64 (44 characters), e.g. from openssl rand -base64 32' },
  );

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (isIP(address) === 4 ? 32 : 128);
};

/**
 * Which proxies in front may name the client's address in X-Forwarded-For: `false` (none),
 * a number of hops (`true` is one: the reverse proxy in front), or the proxies' addresses and
 * networks. Never "every hop": a client could then write its own address into the header,
 * escape the rate limits and the log-in lockout, and lock out someone else's address.
 */
const trustProxy = z.string().transform((value, context): false | number | string[] => {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === '0') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => PROXY_NAMES.has(entry) || isProxyAddress(entry))) return entries;
  context.addIssue({
    code: 'custom',
    message:
      'must be false, true (one proxy), a number of proxies (0-10), or a comma-separated list ' +
      'of proxy addresses, networks (CIDR) or loopback, linklocal, uniquelocal',
  });
  return z.NEVER;
});

/** The six budgets of the rate limits (README "Rate limits"), per principal and per address. */
export const RATE_LIMIT_BUDGETS = ['PRINCIPAL', 'ADDRESS'].flatMap((who) =>
  ['READS', 'WRITES', 'EXPENSIVE'].map((what) => `RATE_LIMIT_${who}_${what}`),
);

/** The environment variables the apps read; `.env.example` documents each one. */
export const environmentObject = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(1, 65535).default(3000),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  /** The owner role's connection, for migrations only; unset: migrations use DATABASE_URL. */
  MIGRATION_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  // At least 2: migrations hold an advisory lock on one connection and run on another.
  DATABASE_POOL_SIZE: int(2, 200).default(10),
  DATABASE_SSL: bool.default(false),
  DATABASE_LOCK_TIMEOUT_MS: int(0, 600_000).default(5_000),
  MIGRATIONS_RUN: bool.default(true),
  REDIS_URL: url(['redis:', 'rediss:']),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'must be 1-40 characters of a-z, 0-9, _ and -')
    .default('sbt'),
  REDIS_COMMAND_TIMEOUT_MS: int(100, 60_000).default(5000),
  JWT_ACCESS_SECRET: secret,
  JWT_REFRESH_SECRET: secret,
  JWT_ACCESS_TTL_SECONDS: int(60, 900).default(900),
  JWT_REFRESH_TTL_SECONDS: int(3600, 60 * 60 * 24 * 90).default(60 * 60 * 24 * 14),
  /** A session signed in through an organisation's provider ends this long after it began. */
  OIDC_SESSION_MAX_SECONDS: int(600, 60 * 60 * 24 * 30).default(60 * 60 * 10),
  AUDIT_CHECKPOINT_KEY: secret,
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: int(5, 86_400).default(60),
  /** Encrypts the client secrets of the organisations' identity providers (AES-256-GCM). */
  IDENTITY_PROVIDER_SECRET_KEY: aes256Key,
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(128)
    .optional(),
  /** Demo log-ins with published passwords: default on, except when NODE_ENV=production. */
  SEED_DEMO_USERS: bool.optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 100).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 10_000).default(50),
  LOGIN_LOCKOUT_SECONDS: int(10, 86_400).default(900),
  RATE_LIMIT_WINDOW_SECONDS: int(1, 3600).default(60),
  RATE_LIMIT_PRINCIPAL_READS: int(1, 1_000_000).default(600),
  RATE_LIMIT_PRINCIPAL_WRITES: int(1, 1_000_000).default(120),
  RATE_LIMIT_PRINCIPAL_EXPENSIVE: int(1, 1_000_000).default(30),
  RATE_LIMIT_ADDRESS_READS: int(1, 1_000_000).default(6000),
  RATE_LIMIT_ADDRESS_WRITES: int(1, 1_000_000).default(1200),
  RATE_LIMIT_ADDRESS_EXPENSIVE: int(1, 1_000_000).default(300),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Sterk Bestuur Tracker <no-reply@localhost>'),
  MAIL_MAX_ATTEMPTS: int(1, 20).default(5),
  MAIL_RETRY_DELAY_MS: int(100, 3_600_000).default(30_000),
  MAIL_CONCURRENCY: int(1, 100).default(10),
  REMINDER_RECONCILE_INTERVAL_SECONDS: int(5, 3600).default(300),
  REMINDER_JOB_HORIZON_HOURS: int(1, 720).default(24),
  REPORT_DIRECT_MAX_ACTIONS: int(1, 1_000_000).default(5_000),
  REPORT_DIRECT_MAX_PAST_ACTIONS: int(1, 1_000_000).default(20_000),
  REPORT_LETTER_MAX_ACTIONS: int(1, 100_000).default(1_000),
  REPORT_EXPORT_RETENTION_HOURS: int(1, 720).default(24),
  REPORT_EXPORT_CONCURRENCY: int(1, 8).default(1),
  IDEMPOTENCY_KEY_TTL_HOURS: int(1, 720).default(24),
  IMPORT_MAX_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  IMPORT_MAX_ROWS: int(10, 200_000).default(20_000),
  IMPORT_MAX_UNZIPPED_BYTES: int(1024 * 1024, 2 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
  IMPORT_RETENTION_HOURS: int(1, 720).default(168),
  /** Moving "now" through the API (demo and tests); never in production. */
  CLOCK_TRAVEL: bool.default(false),
  /** The queue dashboard may retry, promote and remove jobs (audited); otherwise read-only. */
  QUEUE_DASHBOARD_WRITE: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    )
    .refine(
      (origins) => origins.every((origin) => origin === '*' || /^https?:\/\/[^/]+$/.test(origin)),
      {
        message: 'must be a comma-separated list of origins such as https://app.example.nl',
      },
    ),
  REQUEST_BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(256 * 1024),
  TRUST_PROXY: trustProxy.default(false),
  SHUTDOWN_TIMEOUT_MS: int(0, 120_000).default(10_000),
  /** The built web app (index.html and assets/); unset: dist/web of the repository. */
  WEB_APP_DIR: z.string().min(1).optional(),
  WORKER_CONCURRENCY: int(1, 100).default(5),
  WORKER_LOCK_DURATION_MS: int(1000, 600_000).default(30_000),
  JOB_SCHEDULE_CHECK_SECONDS: int(1, 3600).default(60),
  OUTBOX_POLL_INTERVAL_MS: int(50, 60_000).default(1000),
  OUTBOX_BATCH_SIZE: int(1, 1000).default(100),
  WORKER_HEALTH_FILE: z.string().min(1).optional(),
  /** Evidence attachments: the largest file accepted (413 above it). */
  ATTACHMENT_MAX_BYTES: int(1024, 200 * 1024 * 1024).default(25 * 1024 * 1024),
  /** Where attachments are kept: `local` (ATTACHMENT_DIR) or `s3` (ATTACHMENT_S3_*). */
  ATTACHMENT_STORAGE: z.enum(['local', 's3']).default('local'),
  ATTACHMENT_DIR: z.string().min(1).optional(),
  ATTACHMENT_S3_ENDPOINT: url(['http:', 'https:']).optional(),
  ATTACHMENT_S3_BUCKET: z.string().min(3).max(63).optional(),
  ATTACHMENT_S3_REGION: z.string().min(1).default('us-east-1'),
  ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** CloudEvents' `source` of every event this installation sends (NL GOV: a URN). */
  EVENTS_SOURCE: z
    .string()
    .regex(
      /^urn:[a-z0-9][a-z0-9-]{0,31}:[\x21-\x7e]{1,200}$/i,
      'must be a URN such as urn:nld:oin:<OIN>:systeem:sterk-bestuur-tracker',
    )
    .default('urn:nld:systeem:sterk-bestuur-tracker'),
  /** Webhook targets may be http:// (development only); https:// otherwise. */
  WEBHOOK_ALLOW_HTTP: bool.default(false),
  /**
   * Networks webhook targets may resolve to although they are loopback, private, link-local
   * or otherwise not public (CIDR, comma-separated): none by default.
   */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .refine((entries) => entries.every((entry) => entry.includes('/') && isProxyAddress(entry)), {
      message: 'must be a comma-separated list of networks in CIDR notation, e.g. 10.20.0.0/16',
    }),
  /**
   * Prometheus metrics (README "Operating it › Metrics"): the port of a separate server that
   * answers only GET /metrics; unset: none. 0 takes any free port (tests).
   */
  METRICS_PORT: int(0, 65535).optional(),
  /** Where that server listens: loopback by default, so metrics are never public by accident. */
  METRICS_HOST: z
    .string()
    .trim()
    .refine((value) => isIP(value) !== 0 || /^[a-z0-9.-]{1,253}$/i.test(value), {
      message: 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0',
    })
    .default('127.0.0.1'),
  WEBHOOK_TIMEOUT_MS: int(200, 60_000).default(10_000),
  WEBHOOK_CONCURRENCY: int(1, 500).default(32),
  WEBHOOK_POLL_INTERVAL_MS: int(20, 60_000).default(500),
  /**
   * The pauses between a delivery's attempts, in seconds: after the last one fails, the
   * subscription is switched off. The default spans about a day.
   */
  WEBHOOK_RETRY_DELAYS_SECONDS: z
    .string()
    .default('5,300,1800,7200,18000,36000,36000')
    .transform((value, context) => {
      const delays = value.split(',').map((entry) => Number(entry.trim()));
      if (
        delays.length < 1 ||
        delays.length > 20 ||
        delays.some((delay) => !Number.isInteger(delay) || delay < 0 || delay > 7 * 86_400)
      ) {
        context.addIssue({
          code: 'custom',
          message: 'must be 1-20 comma-separated whole numbers of seconds (at most a week each)',
        });
        return z.NEVER;
      }
      return delays;
    }),
});

/** The user a PostgreSQL URL names ('' when none, or when it is no URL). */
export function userOf(databaseUrl: string): string {
  try {
    return decodeURIComponent(new URL(databaseUrl).username);
  } catch {
    return '';
  }
}

/** With a separate migration role, the runtime role is DATABASE_URL's user: it must be named. */
export const namedRuntimeRole = {
  check: (env: { DATABASE_URL: string; MIGRATION_DATABASE_URL?: string }): boolean =>
    env.MIGRATION_DATABASE_URL === undefined || userOf(env.DATABASE_URL) !== '',
  path: ['DATABASE_URL'],
  message: 'must name its user (the runtime role) when MIGRATION_DATABASE_URL is set',
};

export const environmentSchema = environmentObject
  .refine(namedRuntimeRole.check, {
    path: namedRuntimeRole.path,
    message: namedRuntimeRole.message,
  })
  .refine((env) => env.METRICS_PORT === undefined || env.METRICS_PORT !== env.PORT, {
    path: ['METRICS_PORT'],
    message: 'must differ from PORT: metrics have a server of their own, apart from the API',
  })
  .refine(
    (env) =>
      (env.BOOTSTRAP_ADMIN_EMAIL === undefined) === (env.BOOTSTRAP_ADMIN_PASSWORD === undefined),
    {
      path: ['BOOTSTRAP_ADMIN_PASSWORD'],
      message: 'set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither',
    },
  )
  .refine((env) => env.JWT_ACCESS_SECRET !== env.JWT_REFRESH_SECRET, {
    path: ['JWT_REFRESH_SECRET'],
    message: 'must differ from JWT_ACCESS_SECRET',
  })
  .refine((env) => !(env.CLOCK_TRAVEL && env.NODE_ENV === 'production'), {
    path: ['CLOCK_TRAVEL'],
    message: 'must not be true when NODE_ENV is production',
  })
  .refine(
    (env) =>
      env.AUDIT_CHECKPOINT_KEY !== env.JWT_ACCESS_SECRET &&
      env.AUDIT_CHECKPOINT_KEY !== env.JWT_REFRESH_SECRET,
    { path: ['AUDIT_CHECKPOINT_KEY'], message: 'must differ from the JWT secrets' },
  )
  .refine(
    (env) =>
      env.ATTACHMENT_STORAGE !== 's3' ||
      (env.ATTACHMENT_S3_ENDPOINT !== undefined &&
        env.ATTACHMENT_S3_BUCKET !== undefined &&
        env.ATTACHMENT_S3_ACCESS_KEY_ID !== undefined &&
        env.ATTACHMENT_S3_SECRET_ACCESS_KEY !== undefined),
    {
      path: ['ATTACHMENT_STORAGE'],
      message:
        'is s3: set ATTACHMENT_S3_ENDPOINT, ATTACHMENT_S3_BUCKET, ATTACHMENT_S3_ACCESS_KEY_ID and ATTACHMENT_S3_SECRET_ACCESS_KEY',
    },
  )
  .refine(
    (env) =>
      ![env.JWT_ACCESS_SECRET, env.JWT_REFRESH_SECRET, env.AUDIT_CHECKPOINT_KEY].includes(
        env.IDENTITY_PROVIDER_SECRET_KEY,
      ),
    {
      path: ['IDENTITY_PROVIDER_SECRET_KEY'],
      message: 'must differ from the JWT secrets and the audit checkpoint key',
    },
  );

export type Environment = z.input<typeof environmentSchema>;
