import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startApi, testConfig } from '../../../test/support/e2e';
import { TcpProxy } from '../../../test/support/tcp-proxy';

describe('health probes when a dependency is away', () => {
  let app: NestExpressApplication;
  let postgres: TcpProxy;
  let redis: TcpProxy;

  beforeAll(async () => {
    const base = testConfig();
    postgres = TcpProxy.forUrl(base.database.url);
    redis = TcpProxy.forUrl(base.redis.url);
    app = await startApi({
      config: testConfig({
        DATABASE_URL: await postgres.start(base.database.url),
        REDIS_URL: await redis.start(base.redis.url),
        REDIS_COMMAND_TIMEOUT_MS: '500',
      }),
    });
  });

  afterAll(async () => {
    postgres.restore();
    redis.restore();
    await app.close();
    await Promise.all([postgres.close(), redis.close()]);
  });

  const http = () => request(app.getHttpServer());

  it('is ready while PostgreSQL and Redis answer', async () => {
    await http().get('/health/ready').expect(200);
  });

  it('stays live but not ready while Redis is away, and recovers', async () => {
    redis.cut();
    const res = await http().get('/health/ready').expect(503);
    // A problem like every other error of the API, saying when to ask again and what is down.
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      instance: '/health/ready',
      detail: 'Not ready: Redis did not answer in time.',
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    });
    await http().get('/health/live').expect(200);
    redis.restore();
    await expectReadyAgain();
  });

  it('is not ready while Redis hangs, and answers within the check timeout', async () => {
    redis.stall();
    const started = Date.now();
    const res = await http().get('/health/ready').expect(503);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.body.checks.redis.status).toBe('down');
    redis.restore();
    await expectReadyAgain();
  });

  it('is not ready while PostgreSQL is away, and recovers', async () => {
    postgres.cut();
    const res = await http().get('/health/ready').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.checks.database.status).toBe('down');
    expect(res.body.detail).toBe('Not ready: PostgreSQL did not answer in time.');
    postgres.restore();
    await expectReadyAgain();
  });

  async function expectReadyAgain(): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await http().get('/health/ready')).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('not ready again after the dependency came back');
  }
});
