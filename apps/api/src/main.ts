import '../../../libs/core/src/runtime/register-aliases';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigValidationError, installProcessGuards, loadConfig } from '@app/core';
import { migrateSchema } from '../../../migrations/migrate';
import { AppModule } from './app.module';
import { configureApp } from './http/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    forceCloseConnections: false,
  });
  configureApp(app, config);
  installProcessGuards(app.get(Logger));
  if (config.database.migrationsRun) {
    // As the migration role (MIGRATION_DATABASE_URL), on connections closed again after.
    await migrateSchema(config.database);
  }
  await app.listen(config.http.port);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
