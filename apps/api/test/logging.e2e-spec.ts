import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ProbeController } from '../../../test/fixtures/probe.controller';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';

describe('structured logs', () => {
  let app: NestExpressApplication;
  const logs = new LogCapture();

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({ LOG_LEVEL: 'info' }),
      controllers: [ProbeController],
      logs,
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  it('writes one JSON line per request with its request id, and no credentials or query', async () => {
    await http()
      .get('/v1?q=private-search-term')
      .set('X-Request-ID', 'log-line-1')
      .set('Authorization', 'Bearer secret-bearer-token')
      .set('Cookie', 'session=secret-cookie')
      .expect(200);
    const line = logs.lines().find((entry) => entry.req?.id === 'log-line-1');
    expect(line).toMatchObject({ req: { method: 'GET', url: '/v1' }, res: { statusCode: 200 } });
    for (const secret of ['secret-bearer-token', 'secret-cookie', 'private-search-term']) {
      expect(logs.text()).not.toContain(secret);
    }
  });

  it('logs an unexpected database error with the request id, without SQL parameters', async () => {
    const res = await http()
      .get('/v1/test-probes/bad-query')
      .set('X-Request-ID', 'log-line-500')
      .expect(500);
    expect(JSON.stringify(res.body)).not.toContain('table_that_is_missing');
    const line = logs.lines().find((entry) => entry.requestId === 'log-line-500' && entry.error);
    expect(line?.error).toMatchObject({ type: 'QueryFailedError', code: '42P01' });
    expect(line?.msg).toBe('unhandled error');
    expect(logs.text()).not.toContain('parameter-value-42');
  });
});
