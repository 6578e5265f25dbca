import type { INestApplicationContext, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { AppConfig, loadConfig, RATE_LIMIT_BUDGETS } from '@app/core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run end-to-end tests through jest's e2e project`);
  return value;
}

/** The environment of this test run (its own database and Redis prefix), with overrides. */
export function testEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: required('SBT_TEST_DATABASE_URL'),
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: required('SBT_TEST_REDIS_URL'),
    REDIS_PREFIX: required('SBT_TEST_REDIS_PREFIX'),
    JWT_ACCESS_SECRET: 'test-access-secret-0123456789abcdef0123',
    JWT_REFRESH_SECRET: 'test-refresh-secret-0123456789abcdef012',
    AUDIT_CHECKPOINT_KEY: 'test-audit-checkpoint-key-0123456789abc',
    // 32 bytes in base64; apps/api/test/identity-providers.e2e-spec.ts decrypts with it.
    IDENTITY_PROVIDER_SECRET_KEY: 'dGVzdC1pZGVudGl0eS1wcm92aWRlci1rZXktMzJieXQ=',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATIONS_RUN: 'false',
    OUTBOX_POLL_INTERVAL_MS: '50',
    // The limiter runs in every test (it counts, and sends its headers), but a test file sends
    // more from 127.0.0.1 and one principal than any person would: budgets out of its reach.
    // apps/api/test/rate-limits.e2e-spec.ts tests the limits with small ones.
    ...Object.fromEntries(RATE_LIMIT_BUDGETS.map((name) => [name, '1000000'])),
    WORKER_HEALTH_FILE: join(tmpdir(), `sbt-test-worker-${process.pid}-${Date.now()}.health`),
    // Not dist/web: what the API answers must not depend on whether the web app was built.
    // apps/api/test/web-app.e2e-spec.ts serves one of its own.
    WEB_APP_DIR: join(tmpdir(), 'sbt-test-no-web-app'),
    // Attachments of the run's tests, outside the repository's .data/.
    ATTACHMENT_DIR: join(tmpdir(), `sbt-test-attachments-${required('SBT_TEST_REDIS_PREFIX')}`),
    ...overrides,
  };
}

/**
 * The run's database as its owner role, which ran the migrations. The apps connect as the
 * runtime role (SBT_TEST_DATABASE_URL); only what the runtime role may not do (DDL, tampering
 * with the audit table on purpose) belongs here.
 */
export function ownerDatabaseUrl(): string {
  return required('SBT_TEST_MIGRATION_DATABASE_URL');
}

/** Runs `work` on a connection of the owner role (of the run's database, or of `url`). */
export async function asDatabaseOwner<T>(
  work: (owner: Client) => Promise<T>,
  url = ownerDatabaseUrl(),
): Promise<T> {
  const owner = new Client({ connectionString: url });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}

/** The configuration of this test run (its own database and Redis prefix), with overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig(testEnvironment(overrides));
}

/**
 * Collects the JSON log lines an app writes, to check what operators would see. One app per
 * test file: nestjs-pino keeps one root logger per process, made by the first app started.
 */
export class LogCapture {
  private readonly chunks: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.chunks.push(chunk.toString());
      done();
    },
  });

  lines(): Record<string, any>[] {
    return this.chunks
      .join('')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as Record<string, any>);
  }

  text(): string {
    return this.chunks.join('');
  }
}

/** Boots the real API module with the real HTTP setup; `controllers` adds test fixtures. */
export async function startApi(
  options: {
    config?: AppConfig;
    controllers?: Type[];
    logs?: LogCapture;
    /** Providers replaced for the story (e.g. a resolver of made-up host names). */
    customise?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  } = {},
): Promise<NestExpressApplication> {
  const config = options.config ?? testConfig();
  const customise = options.customise ?? ((builder: TestingModuleBuilder) => builder);
  const moduleRef = await customise(
    Test.createTestingModule({
      imports: [AppModule.forRoot(config, { logDestination: options.logs?.stream })],
      controllers: options.controllers ?? [],
    }),
  ).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app, config);
  try {
    await app.init();
  } catch (error) {
    // A start that fails half-way leaves pools and sockets open; close them with the app.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/**
 * Boots the real worker (job workers, outbox relay, heartbeat). With `logs`, its log lines
 * (Nest's included, as in apps/worker/src/main.ts) go there as JSON.
 */
export async function startWorker(
  config: AppConfig = testConfig(),
  customise: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
  logs?: LogCapture,
): Promise<INestApplicationContext> {
  const moduleRef = await customise(
    Test.createTestingModule({
      imports: [WorkerModule.forRoot(config, { logDestination: logs?.stream })],
    }),
  ).compile();
  if (logs) moduleRef.useLogger(moduleRef.get(PinoNestLogger));
  await moduleRef.init();
  return moduleRef;
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
