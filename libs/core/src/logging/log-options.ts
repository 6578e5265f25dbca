import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { LoggerOptions } from 'pino';

/** Which process wrote a line: every line carries it, so replicas' logs can be mixed. */
export type ServiceName = 'api' | 'worker';

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
 * Nest's start-up chatter: a line per module ("dependencies initialized") and per route
 * ("Mapped {…}"), about 170 lines that bury the ones that matter. Logged at debug instead of
 * info (LOG_LEVEL=debug shows them); their warnings and errors keep their level.
 */
export const FRAMEWORK_START_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
]);

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

/** The request as Express and the authentication guard leave it when the response is sent. */
interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
  /**
   * The principal the bearer guard puts on the request (identity's `Principal`; core reads
   * only the fields it logs, as arrows do not point from core to identity).
   */
  user?: { kind?: unknown; userId?: unknown; apiToken?: { id?: unknown } };
}

/** The route template that answered (`/v1/actions/:id`): ids stay out of the grouping key. */
export function routeTemplate(req: IncomingMessage): string | undefined {
  const { route, baseUrl } = req as RoutedRequest;
  return typeof route?.path === 'string' ? `${baseUrl ?? ''}${route.path}` : undefined;
}

/** Who asked: a person by user id, an integration by its API token's id (never the token). */
export function principalOf(req: IncomingMessage): { kind: string; id: string } | undefined {
  const user = (req as RoutedRequest).user;
  if (!user) return undefined;
  if (user.kind === 'api_token' && typeof user.apiToken?.id === 'string') {
    return { kind: 'api_token', id: user.apiToken.id };
  }
  return typeof user.userId === 'string' ? { kind: 'user', id: user.userId } : undefined;
}

/** The fields a finished request adds to its line; absent ones are left out. */
function requestOutcome(
  req: IncomingMessage,
  _res: ServerResponse,
  fields: object,
): Record<string, unknown> {
  const route = routeTemplate(req);
  const principal = principalOf(req);
  return { ...fields, ...(route && { route }), ...(principal && { principal }) };
}

/** pino's options for an app: level, `service` on every line, redaction, quiet start. */
export function logOptions(logLevel: string, service: ServiceName): LoggerOptions {
  return {
    level: logLevel,
    base: { service, pid: process.pid, hostname: hostname() },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    serializers: LOG_SERIALIZERS,
    hooks: {
      logMethod(args, method, level) {
        const first: unknown = args[0];
        const context =
          typeof first === 'object' && first !== null
            ? (first as { context?: unknown }).context
            : undefined;
        if (
          level === this.levels.values.info &&
          typeof context === 'string' &&
          FRAMEWORK_START_CONTEXTS.has(context)
        ) {
          if (this.isLevelEnabled('debug')) this.debug(...args);
          return;
        }
        method.apply(this, args);
      },
    },
  };
}

/** pino-http's options for the API: request lines with route template and principal. */
export function httpLogOptions(logLevel: string, service: ServiceName) {
  return {
    ...logOptions(logLevel, service),
    // The request-id middleware runs first and sets req.id; this is only a fallback.
    genReqId: (req: IncomingMessage & { id?: unknown }) =>
      typeof req.id === 'string' ? req.id : randomUUID(),
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
    customSuccessObject: requestOutcome,
    customErrorObject: requestOutcome,
  };
}
