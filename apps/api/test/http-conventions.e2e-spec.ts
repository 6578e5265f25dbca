import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { Response } from 'supertest';
import { ProbeController } from '../../../test/fixtures/probe.controller';
import { startApi, testConfig } from '../../../test/support/e2e';

const SECURITY_HEADERS: Record<string, RegExp> = {
  'api-version': /^1\.0\.0$/,
  'cache-control': /no-store/,
  'x-frame-options': /^DENY$/,
  'x-content-type-options': /^nosniff$/,
  'strict-transport-security': /max-age=\d+/,
  'content-security-policy': /frame-ancestors 'none'/,
};

function expectConventionHeaders(res: Response): void {
  for (const [name, pattern] of Object.entries(SECURITY_HEADERS)) {
    expect({ name, value: res.headers[name] }).toEqual({
      name,
      value: expect.stringMatching(pattern),
    });
  }
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
}

function expectProblem(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: expect.stringMatching(/^urn:sterk-bestuur:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: expect.any(String),
    code,
  });
  expectConventionHeaders(res);
}

describe('HTTP conventions', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi({ controllers: [ProbeController] });
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  it('answers the API root with the version and security headers', async () => {
    const res = await http().get('/v1').expect(200);
    expectConventionHeaders(res);
    expect(res.body._links.openapi.href).toBe('/v1/openapi.json');
  });

  it('answers a trailing slash with a 404 problem, not a redirect or 200', async () => {
    const res = await http().get('/v1/');
    expectProblem(res, 404, 'NOT_FOUND');
    const res2 = await http().post('/v1/test-probes/').send({ title: 'abc', percentComplete: 1 });
    expectProblem(res2, 404, 'NOT_FOUND');
    expect(res2.body.instance).toBe('/v1/test-probes/');
  });

  it('answers an unknown route with a 404 problem naming the path', async () => {
    const res = await http().get('/v1/does-not-exist?secret=abc');
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.body.instance).toBe('/v1/does-not-exist');
    expect(res.body.detail).toBe('There is no resource at GET /v1/does-not-exist.');
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('reports every validation problem at once in invalidParams', async () => {
    const res = await http()
      .post('/v1/test-probes')
      .send({
        title: 'ab',
        percentComplete: 101,
        partners: [{ organisation: 'VNG', role: 'boss' }],
        extra: 1,
      });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const names = (res.body.invalidParams as { name: string }[]).map((param) => param.name).sort();
    expect(names).toEqual(['extra', 'partners[0].role', 'percentComplete', 'title']);
    for (const param of res.body.invalidParams) expect(param.reason).toEqual(expect.any(String));
  });

  it('accepts a valid body and strips nothing silently', async () => {
    const body = {
      title: 'Evaluate the Wgr',
      percentComplete: 40,
      partners: [{ organisation: 'VNG', role: 'co_owner' }],
    };
    const res = await http().post('/v1/test-probes').send(body).expect(201);
    expect(res.body).toEqual(body);
    expectConventionHeaders(res);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await http()
      .post('/v1/test-probes')
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers text that is not valid Unicode (a lone surrogate) with a 400 problem', async () => {
    for (const body of ['{"title": "\\ud800"}', '{"\\udc00": "x"}']) {
      const res = await http()
        .post('/v1/test-probes')
        .set('Content-Type', 'application/json')
        .send(body);
      expectProblem(res, 400, 'MALFORMED_JSON');
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await http()
      .post('/v1/test-probes')
      .set('Content-Type', 'text/plain')
      .send('title=x');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over the size limit with 413', async () => {
    const res = await http()
      .post('/v1/test-probes')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(300 * 1024), percentComplete: 1 }));
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('maps a domain error to its status with its stable code', async () => {
    const res = await http().get('/v1/test-probes/conflict');
    expectProblem(res, 409, 'INVALID_STATUS_TRANSITION');
    expect(res.body.detail).toBe('A closed action cannot be put on hold.');
  });

  it('answers an unexpected error with a 500 that leaks nothing internal', async () => {
    const res = await http().get('/v1/test-probes/crash').set('X-Request-ID', 'trace-me-500');
    expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(res.body.requestId).toBe('trace-me-500');
    const text = JSON.stringify(res.body);
    for (const leak of ['secret_table', 'SELECT', 'QueryFailedError', 'stack', '.ts:', 'at ']) {
      expect(text).not.toContain(leak);
    }
  });

  it('echoes a sane X-Request-ID and replaces an unsafe one', async () => {
    const kept = await http().get('/v1').set('X-Request-ID', 'abc-123.DEF:9').expect(200);
    expect(kept.headers['x-request-id']).toBe('abc-123.DEF:9');
    const replaced = await http().get('/v1').set('X-Request-ID', 'bad id <script>').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await http().get('/v1').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps CORS closed to origins that are not on the allowlist', async () => {
    const res = await http().get('/v1').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers paths outside /v1 and the web app with a 404 problem, whatever the method', async () => {
    for (const [method, path] of [
      ['post', '/nope'],
      ['post', '/'],
      ['put', '/acties/1'],
      ['get', '/v2/actions'],
      ['get', '/health'],
      ['get', '/health/nope'],
      ['get', '/health/live/'],
      ['delete', '/health/live'],
      ['put', '/v1'],
      ['get', '/favicon.ico'],
      ['get', '/assets/app.js'],
    ] as const) {
      const res = await http()[method](path);
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.text).not.toMatch(/<html|<pre|Cannot /i);
    }
  });

  it('answers a malformed URL outside /v1 with a problem, not an HTML page', async () => {
    for (const path of ['/%E0%A4%A', '/v1/actions/%E0%A4%A', '/health/%E0']) {
      const res = await http().get(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('serves health probes outside /v1, with the version header', async () => {
    const live = await http().get('/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(live.headers['api-version']).toBe('1.0.0');
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});

describe('CORS', () => {
  let app: NestExpressApplication;
  const allowed = 'https://app.example.nl';

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({ CORS_ORIGINS: allowed, REQUEST_BODY_LIMIT_BYTES: '2048' }),
      controllers: [ProbeController],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  it('allows an origin on the allowlist and exposes the headers clients need', async () => {
    const res = await http().get('/v1').set('Origin', allowed).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
    expect(res.headers['access-control-expose-headers']).toContain('API-Version');
    expect(res.headers['access-control-expose-headers']).toContain('ETag');
    expect(res.headers['access-control-expose-headers']).toContain('RateLimit');
    expect(res.headers['access-control-expose-headers']).toContain('RateLimit-Policy');
  });

  it('answers a preflight for an allowed origin, with the version header', async () => {
    const res = await http()
      .options('/v1/test-probes')
      .set('Origin', allowed)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,if-match,authorization');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
    expect(res.headers['access-control-allow-headers']).toMatch(/If-Match/i);
    expect(res.headers['api-version']).toBe('1.0.0');
  });

  it('keeps CORS headers on problems answered before routing (413, 415, trailing slash)', async () => {
    const tooLarge = await http()
      .post('/v1/test-probes')
      .set('Origin', allowed)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(4096), percentComplete: 1 }));
    const notJson = await http()
      .post('/v1/test-probes')
      .set('Origin', allowed)
      .set('Content-Type', 'text/plain')
      .send('x');
    const slash = await http().get('/v1/').set('Origin', allowed);
    expect([tooLarge.status, notJson.status, slash.status]).toEqual([413, 415, 404]);
    for (const res of [tooLarge, notJson, slash]) {
      expect(res.headers['access-control-allow-origin']).toBe(allowed);
    }
  });

  it('does not allow other origins', async () => {
    const res = await http()
      .get('/v1')
      .set('Origin', 'https://app.example.nl.evil.example')
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
