import '../libs/core/src/runtime/register-aliases';
/**
 * The product as the API benchmark runs it: apps/api/src/main.ts's start, on 127.0.0.1 and
 * the port of the environment, without migrations (the scratch database is migrated), with
 * the benchmark's probe on the IPC channel. Started by bench/api.ts as
 * `taskset -c 0 node dist/bench/serve-api.js`; configuration from the environment.
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@app/core';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/http/configure-app';
import { instrumentPg, serveProbe } from './server-probe';

async function serve(): Promise<void> {
  // The prototype of pg's Client is shared, so TypeORM's connections are counted too.
  instrumentPg();
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    forceCloseConnections: false,
  });
  configureApp(app, config);
  await app.listen(config.http.port, '127.0.0.1');
  serveProbe(config.http.port);
}

serve().catch((error: unknown) => {
  process.stderr.write(
    `API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
