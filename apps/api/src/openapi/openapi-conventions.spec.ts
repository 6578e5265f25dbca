import type { OpenAPIObject } from '@nestjs/swagger';
import { ensureApiConventions } from './openapi-conventions';

describe('ensureApiConventions', () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1.0.0' },
    paths: {
      '/actions/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok' } },
        },
        patch: {
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '200': { description: 'ok' }, '409': { description: 'conflict' } },
        },
      },
    },
  });

  it('adds the API-Version header to every response and documents default errors', () => {
    const result = ensureApiConventions(document());
    const get = result.paths['/actions/{id}'].get!;
    const patch = result.paths['/actions/{id}'].patch!;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '404', '500', '503']);
    expect(Object.keys(patch.responses).sort()).toEqual(['200', '400', '409', '500', '503']);
    for (const response of [...Object.values(get.responses), ...Object.values(patch.responses)]) {
      expect((response as { headers: object }).headers).toHaveProperty('API-Version');
    }
    expect((get.responses['503'] as { headers: object }).headers).toHaveProperty('Retry-After');
  });

  it('turns every error response into problem+json, keeping its description', () => {
    const result = ensureApiConventions(document());
    const conflict = result.paths['/actions/{id}'].patch!.responses['409'] as {
      description: string;
      content: Record<string, unknown>;
    };
    expect(conflict.description).toBe('conflict');
    expect(Object.keys(conflict.content)).toEqual(['application/problem+json']);
    expect(result.components?.schemas?.Problem).toBeDefined();
  });

  it('documents a 400 on an operation without input but GET and DELETE (ADR problem-invalid-input)', () => {
    const result = ensureApiConventions({
      openapi: '3.0.3',
      info: { title: 't', version: '1.0.0' },
      paths: {
        '/me/notifications/read-all': { post: { responses: { '200': { description: 'ok' } } } },
        '/me/notifications': { get: { responses: { '200': { description: 'ok' } } } },
      },
    });
    expect(result.paths['/me/notifications/read-all'].post!.responses).toHaveProperty('400');
    expect(result.paths['/me/notifications'].get!.responses).not.toHaveProperty('400');
  });
});
