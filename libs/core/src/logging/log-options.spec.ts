import { Writable } from 'node:stream';
import pino from 'pino';
import type { IncomingMessage } from 'node:http';
import {
  LOG_SERIALIZERS,
  REDACTED_LOG_PATHS,
  logOptions,
  principalOf,
  redactSecretPath,
  routeTemplate,
} from './log-options';
import { prettyMessage } from './pretty-stream';

function appLogger(level: string, service: 'api' | 'worker') {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino(logOptions(level, service), stream);
  const lines = (): Record<string, unknown>[] =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

function capture(): { logger: pino.Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino(
    { redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' }, serializers: LOG_SERIALIZERS },
    stream,
  );
  return { logger, lines: () => chunks.join('') };
}

describe('log redaction', () => {
  it('never writes credentials, whatever object they arrive in', () => {
    const { logger, lines } = capture();
    logger.info({
      user: { email: 'a@b.nl', password: 'hunter2-password' },
      body: { currentPassword: 'old-secret', newPassword: 'new-secret', refreshToken: 'rt-123' },
      credentials: { token: 'api-token-xyz', accessToken: 'at-456', secret: 's3cr3t' },
    });
    const text = lines();
    for (const secret of [
      'hunter2-password',
      'old-secret',
      'new-secret',
      'rt-123',
      'api-token-xyz',
      'at-456',
      's3cr3t',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('a@b.nl');
    expect(text).toContain('[redacted]');
  });

  it('logs a request by id, method and url only: no headers, so no Authorization or cookies', () => {
    const { logger, lines } = capture();
    logger.info({
      req: {
        id: 'req-1',
        method: 'GET',
        url: '/v1',
        headers: { authorization: 'Bearer abc.def', cookie: 'sid=1' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': 'sid=2' } },
    });
    const entry = JSON.parse(lines());
    expect(entry.req).toEqual({ id: 'req-1', method: 'GET', url: '/v1' });
    expect(entry.res).toEqual({ statusCode: 200 });
  });

  it('keeps the secret of a calendar link out of the logged path', () => {
    expect(
      LOG_SERIALIZERS.req({
        id: 'req-2',
        method: 'GET',
        url: '/v1/calendar-feeds/sbc_secretsecret/deadlines.ics?lang=en',
      }).url,
    ).toBe('/v1/calendar-feeds/[redacted]/deadlines.ics');
    expect(redactSecretPath('/v1/programmes/abc/deadlines.ics')).toBe(
      '/v1/programmes/abc/deadlines.ics',
    );
  });
});

describe('app log options', () => {
  it('puts the service on every line, beside pid and host', () => {
    const { logger, lines } = appLogger('info', 'worker');
    logger.info('started');
    logger.child({ context: 'OutboxRelayRunner' }).warn('slow');
    expect(lines()).toEqual([
      expect.objectContaining({ service: 'worker', pid: process.pid, msg: 'started' }),
      expect.objectContaining({ service: 'worker', context: 'OutboxRelayRunner', msg: 'slow' }),
    ]);
  });

  it("logs Nest's route and module lines at debug, so an info start stays quiet", () => {
    const { logger, lines } = appLogger('info', 'api');
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/v1/actions/:id, GET} route');
    logger.info({ context: 'InstanceLoader' }, 'CoreModule dependencies initialized');
    logger.info({ context: 'RoutesResolver' }, 'ActionsController {/v1/actions}:');
    logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    logger.warn({ context: 'RouterExplorer' }, 'a framework warning');
    expect(lines().map((line) => [line.level, line.msg])).toEqual([
      [30, 'Nest application successfully started'],
      [40, 'a framework warning'],
    ]);
  });

  it('shows the framework lines, at debug, when LOG_LEVEL=debug', () => {
    const { logger, lines } = appLogger('debug', 'api');
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/v1/actions/:id, GET} route');
    logger.info({ context: 'ActionsService' }, 'an application line');
    expect(lines().map((line) => [line.level, line.context, line.service])).toEqual([
      [20, 'RouterExplorer', 'api'],
      [30, 'ActionsService', 'api'],
    ]);
  });

  it('keeps redacting credentials with the app options', () => {
    const { logger, lines } = appLogger('info', 'api');
    logger.info({ body: { password: 'hunter2-password' }, credentials: { token: 'tok-1' } });
    const text = JSON.stringify(lines());
    expect(text).not.toContain('hunter2-password');
    expect(text).not.toContain('tok-1');
  });
});

describe('request fields', () => {
  const request = (fields: object) => fields as unknown as IncomingMessage;

  it('names the route template, with the router mount, and nothing for an unrouted request', () => {
    expect(routeTemplate(request({ baseUrl: '', route: { path: '/v1/actions/:id' } }))).toBe(
      '/v1/actions/:id',
    );
    expect(routeTemplate(request({ baseUrl: '/v1', route: { path: '/actions/:id' } }))).toBe(
      '/v1/actions/:id',
    );
    expect(routeTemplate(request({ url: '/v1/nothing-here' }))).toBeUndefined();
  });

  it("names a person by user id and an integration by its token's id", () => {
    expect(principalOf(request({ user: { kind: 'user', userId: 'u-1' } }))).toEqual({
      kind: 'user',
      id: 'u-1',
    });
    expect(
      principalOf(request({ user: { kind: 'api_token', userId: 'u-2', apiToken: { id: 't-1' } } })),
    ).toEqual({ kind: 'api_token', id: 't-1' });
    expect(principalOf(request({}))).toBeUndefined();
  });

  it('prints a request as one readable line in development', () => {
    expect(
      prettyMessage(
        {
          service: 'api',
          req: { method: 'GET', url: '/v1/actions/4f1c' },
          res: { statusCode: 200 },
          route: '/v1/actions/:id',
          principal: { kind: 'user', id: 'u-1' },
          responseTime: 4,
          msg: 'request completed',
        },
        'msg',
      ),
    ).toBe('[api] GET /v1/actions/4f1c 200 4 ms user u-1');
    expect(prettyMessage({ service: 'worker', context: 'JobSchedules', msg: 'ready' }, 'msg')).toBe(
      '[worker] JobSchedules: ready',
    );
  });
});
