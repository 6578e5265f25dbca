// Writes the OpenAPI document exactly as the API serves it, without a database or Redis:
// `npm run lint:openapi` lints this file with the API Design Rules ruleset.
import '../libs/core/src/runtime/register-aliases';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@app/core';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi/openapi';

async function main(): Promise<void> {
  const output = process.argv[2] ?? 'openapi.json';
  // Placeholder connection settings: the app is only built, never connected (no init()).
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_ACCESS_SECRET: 'x'.repeat(32),
    JWT_REFRESH_SECRET: 'y'.repeat(32),
    AUDIT_CHECKPOINT_KEY: 'z'.repeat(32),
    PUBLIC_URL: process.env.PUBLIC_URL ?? 'https://tracker.example.nl',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: false,
    abortOnError: false,
    preview: true,
  });
  app.setGlobalPrefix('v1');
  writeFileSync(output, `${JSON.stringify(buildOpenApiDocument(app, config), null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${output}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
