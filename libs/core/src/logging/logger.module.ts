import { DynamicModule } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** Never logged, whatever the log level: credentials and anything that unlocks an account. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
];

/**
 * A request path with the secrets some paths hold replaced: a calendar link's address
 * (`/v1/calendar-feeds/<secret>/…`) is its credential, and must not land in logs or
 * problem answers.
 */
export function redactSecretPath(path: string): string {
  return path.replace(/^(\/v1\/calendar-feeds\/)[^/?]+/, '$1[redacted]');
}

/** What a request and a response contribute to a log line: never headers or bodies. */
export const LOG_SERIALIZERS = {
  req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
    id: req.id,
    method: req.method,
    // The path only: query strings carry search terms and cursors.
    url: redactSecretPath(req.url.split('?')[0]),
    remoteAddress: req.remoteAddress,
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

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

/** Structured JSON logs (pino); each HTTP log line carries the request id. */
export function createLoggerModule(destination?: DestinationStream): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const options = {
        level: config.logLevel,
        redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
        // The request-id middleware runs first and sets req.id; this is only a fallback.
        genReqId: (req: IncomingMessage & { id?: unknown }) =>
          typeof req.id === 'string' ? req.id : randomUUID(),
        autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
        serializers: LOG_SERIALIZERS,
      };
      return { pinoHttp: destination ? [options, destination] : options };
    },
  });
}
