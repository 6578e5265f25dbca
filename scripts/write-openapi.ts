// Writes the OpenAPI document exactly as the API serves it, without a database or Redis:
// `npm run lint:openapi` lints this file with the API Design Rules ruleset, and the web app's
// client types are generated from it (scripts/web-client.ts).
import '../libs/core/src/runtime/register-aliases';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@app/core';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi/openapi';

/** The document the API serves at /v1/openapi.json, built without connecting to anything. */
export async function createOpenApiDocument(): Promise<Record<string, unknown>> {
  // Placeholder connection settings: the app is only built, never connected (no init()).
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_ACCESS_SECRET: 'x'.repeat(32),
    JWT_REFRESH_SECRET: 'y'.repeat(32),
    AUDIT_CHECKPOINT_KEY: 'z'.repeat(32),
    IDENTITY_PROVIDER_SECRET_KEY: Buffer.alloc(32).toString('base64'),
    PUBLIC_URL: process.env.PUBLIC_URL ?? 'https://tracker.example.nl',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: false,
    abortOnError: false,
    preview: true,
  });
  app.setGlobalPrefix('v1');
  const document = buildOpenApiDocument(app, config) as unknown as Record<string, unknown>;
  await app.close();
  return document;
}

async function main(): Promise<void> {
  const output = process.argv[2] ?? 'openapi.json';
  writeFileSync(output, `${JSON.stringify(await createOpenApiDocument(), null, 2)}\n`);
  process.stdout.write(`OpenAPI document written to ${output}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
