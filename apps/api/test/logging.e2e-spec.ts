import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ProbeController } from '../../../test/fixtures/probe.controller';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import { IdentityFixtures } from '../../../test/support/identity-fixtures';

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
    const line = logs.lines().find((entry) => entry.req?.id === 'log-line-1' && entry.res);
    expect(line).toMatchObject({
      service: 'api',
      req: { method: 'GET', url: '/v1' },
      res: { statusCode: 200 },
    });
    for (const secret of ['secret-bearer-token', 'secret-cookie', 'private-search-term']) {
      expect(logs.text()).not.toContain(secret);
    }
  });

  it('names the route template and the principal, never the password, token or cookie', async () => {
    const people = new IdentityFixtures(app);
    const programme = await people.programme();
    const actor = await people.user({ password: 'Logged-never passphrase 7781' });
    await people.member(programme.id, actor.userId, 'viewer');

    const login = await http()
      .post('/v1/auth/login')
      .set('X-Request-ID', 'log-login')
      .send({ email: actor.email, password: actor.password })
      .expect(200);
    const { accessToken, refreshToken } = login.body as {
      accessToken: string;
      refreshToken?: string;
    };
    expect(accessToken).toEqual(expect.any(String));
    await http()
      .get(`/v1/programmes/${programme.id}?token=query-secret-value`)
      .set('X-Request-ID', 'log-programme')
      .set('Authorization', `Bearer ${accessToken}`)
      .set('Cookie', 'sbt_refresh=cookie-secret-value')
      .expect(200);

    const loginLine = logs.lines().find((entry) => entry.req?.id === 'log-login' && entry.res);
    expect(loginLine).toMatchObject({
      service: 'api',
      route: '/v1/auth/login',
      res: { statusCode: 200 },
    });
    const line = logs.lines().find((entry) => entry.req?.id === 'log-programme' && entry.res);
    expect(line).toMatchObject({
      service: 'api',
      route: '/v1/programmes/:id',
      principal: { kind: 'user', id: actor.userId },
      req: { method: 'GET', url: `/v1/programmes/${programme.id}` },
      res: { statusCode: 200 },
    });
    const text = logs.text();
    for (const secret of [
      actor.password,
      accessToken,
      ...(refreshToken ? [refreshToken] : []),
      'cookie-secret-value',
      'query-secret-value',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("names an integration by its API token's id, never by the token", async () => {
    const people = new IdentityFixtures(app);
    const programme = await people.programme();
    const actor = await people.user();
    await people.member(programme.id, actor.userId, 'viewer');
    const created = await http()
      .post('/v1/me/api-tokens')
      .set('Authorization', `Bearer ${actor.token}`)
      .send({ name: 'Log check', programmeId: programme.id, scope: 'read' })
      .expect(201);
    const { id, token } = created.body as { id: string; token: string };
    await http()
      .get(`/v1/programmes/${programme.id}`)
      .set('X-Request-ID', 'log-api-token')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);

    const line = logs.lines().find((entry) => entry.req?.id === 'log-api-token' && entry.res);
    expect(line).toMatchObject({
      route: '/v1/programmes/:id',
      principal: { kind: 'api_token', id },
    });
    expect(logs.text()).not.toContain(token);
    expect(logs.text()).not.toContain(actor.token);
  });

  it('starts quietly: no route-mapping or module lines at info', () => {
    const text = logs.text();
    expect(text).not.toContain('Mapped {');
    expect(text).not.toContain('dependencies initialized');
    expect(logs.lines().filter((entry) => entry.context === 'RouterExplorer')).toEqual([]);
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
