import { DynamicModule } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
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

/** What a request and a response contribute to a log line: never headers or bodies. */
export const LOG_SERIALIZERS = {
  req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Structured JSON logs (pino); each HTTP log line carries the request id. */
export function createLoggerModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      pinoHttp: {
        level: config.logLevel,
        redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
        // The request-id middleware runs first and sets req.id; this is only a fallback.
        genReqId: (req: IncomingMessage & { id?: unknown }) =>
          typeof req.id === 'string' ? req.id : randomUUID(),
        autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
        serializers: LOG_SERIALIZERS,
      },
    }),
  });
}
