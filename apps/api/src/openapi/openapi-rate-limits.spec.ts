import type { OpenAPIObject } from '@nestjs/swagger';
import { ensureApiConventions } from './openapi-conventions';
import { declareRateLimits } from './openapi-rate-limits';

type Responses = Record<string, { description: string; headers?: Record<string, unknown> }>;

describe('declareRateLimits', () => {
  // Swagger's operation type knows no extensions; @Access adds `x-rate-limit`.
  const document = (): OpenAPIObject =>
    ({
      openapi: '3.0.3',
      info: { title: 't', version: '1.0.0' },
      paths: {
        '/actions': {
          get: { responses: { '200': { description: 'ok' } } },
          post: { responses: { '201': { description: 'created' } } },
        },
        '/reports': {
          get: { 'x-rate-limit': 'expensive', responses: { '200': { description: 'ok' } } },
        },
        '/auth/login': {
          post: {
            responses: {
              '200': { description: 'ok' },
              '429': { description: 'LOGIN_LOCKED: too many failed log-ins.' },
            },
          },
        },
        '/probe': {
          get: { 'x-rate-limit': 'exempt', responses: { '200': { description: 'ok' } } },
        },
      },
    }) as unknown as OpenAPIObject;
  const responsesOf = (result: OpenAPIObject, path: string, method: 'get' | 'post') =>
    result.paths[path][method]!.responses as Responses;

  it('declares a 429 problem with Retry-After and the RateLimit fields on every limited operation', () => {
    const result = ensureApiConventions(declareRateLimits(document()));
    for (const [path, method] of [
      ['/actions', 'get'],
      ['/actions', 'post'],
      ['/reports', 'get'],
      ['/auth/login', 'post'],
    ] as const) {
      const tooMany = responsesOf(result, path, method)['429'];
      expect(tooMany.description).toContain('RATE_LIMITED');
      expect(Object.keys(tooMany.headers ?? {}).sort()).toEqual([
        'API-Version',
        'RateLimit',
        'RateLimit-Policy',
        'Retry-After',
      ]);
      expect(tooMany).toHaveProperty(['content', 'application/problem+json']);
    }
    expect(result.components?.headers).toHaveProperty('RateLimit');
    expect(result.components?.headers).toHaveProperty('RateLimit-Policy');
  });

  it('names the budget an operation spends', () => {
    const result = declareRateLimits(document());
    expect(responsesOf(result, '/actions', 'get')['429'].description).toContain('read requests');
    expect(responsesOf(result, '/actions', 'post')['429'].description).toContain('changing');
    expect(responsesOf(result, '/reports', 'get')['429'].description).toContain('expensive');
  });

  it('keeps a route’s own 429 and adds the rate limit to it', () => {
    const result = declareRateLimits(document());
    expect(responsesOf(result, '/auth/login', 'post')['429'].description).toMatch(
      /^LOGIN_LOCKED: too many failed log-ins\. Or RATE_LIMITED: /,
    );
  });

  it('declares the RateLimit fields on successes', () => {
    const result = declareRateLimits(document());
    expect(Object.keys(responsesOf(result, '/actions', 'post')['201'].headers ?? {})).toEqual([
      'RateLimit-Policy',
      'RateLimit',
    ]);
  });

  it('leaves exempt operations alone', () => {
    const result = declareRateLimits(document());
    expect(responsesOf(result, '/probe', 'get')).toEqual({ '200': { description: 'ok' } });
  });
});
