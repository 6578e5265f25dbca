import { DynamicModule } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
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
 * nestjs-pino's parameters for an app: JSON lines (production, test), readable lines in
 * development; every line carries `service`. At LOG_LEVEL=silent no request line is ever
 * written (the level is fixed at start), so the request-logging middleware is not mounted:
 * pino-http would still make a child logger per request for nothing.
 */
export function loggerParams(
  service: ServiceName,
  config: Pick<AppConfig, 'env' | 'logLevel'>,
  destination?: DestinationStream,
): Params {
  const options = httpLogOptions(config.logLevel, service);
  const stream = destination ?? (config.env === 'development' ? prettyStream() : undefined);
  return {
    pinoHttp: stream ? [options, stream] : options,
    ...(config.logLevel === 'silent' ? { forRoutes: [] } : {}),
  };
}

/** pino for an app (loggerParams). Tests pass `destination` to read the JSON lines. */
export function createLoggerModule(
  service: ServiceName,
  destination?: DestinationStream,
): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => loggerParams(service, config, destination),
  });
}
