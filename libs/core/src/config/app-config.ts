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
