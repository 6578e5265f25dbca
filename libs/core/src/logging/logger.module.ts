import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { httpLogOptions, type ServiceName } from './log-options';
import { prettyStream } from './pretty-stream';

export * from './log-options';

/**
 * What an error contributes to a log line (under the key `error`: pino's own `err`
 * serializer would copy every property back in). Database errors carry the SQL and its bound
 * values (`query`, `parameters`, `driverError`); those never reach the log.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack,
  };
}

/**
 * pino for an app: JSON lines (production, test), readable lines in development; every line
 * carries `service`. Tests pass `destination` to read the JSON lines.
 */
export function createLoggerModule(
  service: ServiceName,
  destination?: DestinationStream,
): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const options = httpLogOptions(config.logLevel, service);
      const stream = destination ?? (config.env === 'development' ? prettyStream() : undefined);
      return { pinoHttp: stream ? [options, stream] : options };
    },
  });
}
