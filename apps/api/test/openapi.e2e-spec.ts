import type { NestExpressApplication } from '@nestjs/platform-express';
import { load } from 'js-yaml';
import request from 'supertest';
import { startApi } from '../../../test/support/e2e';

describe('OpenAPI document and docs page', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi();
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  it('serves a complete OpenAPI 3.0 document at /v1/openapi.json, public and CORS *', async () => {
    const res = await http()
      .get('/v1/openapi.json')
      .set('Origin', 'https://any.example')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['api-version']).toBe('1.0.0');
    const document = res.body;
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    expect(document.info.version).toBe('1.0.0');
    expect(document.info.contact).toEqual({
      name: expect.any(String),
      url: expect.stringMatching(/^https:\/\//),
      email: expect.stringContaining('@'),
    });
    expect(document.servers[0].url).toMatch(/\/v1$/);
    expect(document.components.headers['API-Version']).toBeDefined();
    expect(Object.keys(document.paths)).toContain('/');
    expect(Object.keys(document.paths).some((path) => path.startsWith('/health'))).toBe(false);
  });

  it('declares the API-Version header and problem+json errors on every operation', async () => {
    const document = (await http().get('/v1/openapi.json').expect(200)).body;
    for (const pathItem of Object.values<Record<string, { responses: Record<string, any> }>>(
      document.paths,
    )) {
      for (const operation of Object.values(pathItem)) {
        expect(operation.responses['500']).toBeDefined();
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(response.headers['API-Version']).toBeDefined();
          if (/^[45]/.test(status))
            expect(Object.keys(response.content)).toEqual(['application/problem+json']);
        }
      }
    }
  });

  it('declares the rate limits on every operation: a 429 with Retry-After and the RateLimit fields', async () => {
    const document = (await http().get('/v1/openapi.json').expect(200)).body;
    const operations = Object.values<Record<string, { responses: Record<string, any> }>>(
      document.paths,
    ).flatMap((pathItem) => Object.values(pathItem));
    expect(operations.length).toBeGreaterThan(50);
    for (const operation of operations) {
      const tooMany = operation.responses['429'];
      expect(tooMany.description).toContain('RATE_LIMITED');
      expect(Object.keys(tooMany.headers)).toEqual(
        expect.arrayContaining(['Retry-After', 'RateLimit', 'RateLimit-Policy']),
      );
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^2/.test(status)) expect(Object.keys(response.headers)).toContain('RateLimit');
      }
    }
    expect(document.components.headers.RateLimit.description).toContain(
      'draft-ietf-httpapi-ratelimit-headers',
    );
  });

  it('serves the same document as YAML at /v1/openapi.yaml', async () => {
    const json = (await http().get('/v1/openapi.json').expect(200)).body;
    const res = await http()
      .get('/v1/openapi.yaml')
      .set('Origin', 'https://any.example')
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(load(res.text)).toEqual(json);
  });

  it('serves a human docs page whose CSP still forbids framing', async () => {
    const res = await http().get('/v1/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.text).toContain('swagger-ui');
  });
});
