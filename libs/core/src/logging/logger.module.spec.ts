import { Writable } from 'node:stream';
import pino from 'pino';
import { LOG_SERIALIZERS, REDACTED_LOG_PATHS, redactSecretPath } from './logger.module';

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
