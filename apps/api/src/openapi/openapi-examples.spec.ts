import type { OpenAPIObject } from '@nestjs/swagger';
import { composeExample, composeOperationExamples } from './openapi-examples';

const ACTION_ID = 'e626b721-7b77-5127-8fb1-d2fe0cf2c2d9';

const schemas = {
  OrganisationRef: {
    type: 'object',
    properties: {
      code: { type: 'string', example: 'VWS' },
      name: { type: 'string', example: 'Ministerie van Volksgezondheid, Welzijn en Sport' },
    },
  },
  Rollup: {
    type: 'object',
    properties: { total: { type: 'integer', example: 3 } },
  },
  Link: { type: 'object', properties: { href: { type: 'string', example: 'https://x/v1' } } },
  ListLinks: {
    type: 'object',
    properties: {
      self: { $ref: '#/components/schemas/Link' },
      next: { allOf: [{ $ref: '#/components/schemas/Link' }] },
    },
  },
  Action: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid', example: ACTION_ID, readOnly: true },
      title: { type: 'string', example: 'Geobjectiveerde indexering voor de Wmo ontwikkelen' },
      status: { type: 'string', enum: ['not_started', 'in_progress'] },
      health: { type: 'string', enum: ['not_set', 'at_risk'], example: 'at_risk' },
      ownerOrganisation: { $ref: '#/components/schemas/OrganisationRef' },
      rollup: { nullable: true, allOf: [{ $ref: '#/components/schemas/Rollup' }] },
      closedAt: { type: 'string', format: 'date-time', nullable: true },
      tags: { type: 'array', items: { type: 'string' }, example: ['wmo', 'bofv'] },
      partners: { type: 'array', items: { $ref: '#/components/schemas/OrganisationRef' } },
      limit: { type: 'integer', default: 50 },
      note: { type: 'string' },
    },
  },
  Tree: {
    type: 'object',
    properties: {
      name: { type: 'string', example: 'Actieagenda Sterk Bestuur' },
      children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
  },
};

describe('composeExample', () => {
  it('composes an object from the examples of its properties, resolving $ref, allOf, arrays and enums', () => {
    expect(composeExample({ $ref: '#/components/schemas/Action' }, schemas)).toEqual({
      id: ACTION_ID,
      title: 'Geobjectiveerde indexering voor de Wmo ontwikkelen',
      status: 'not_started',
      health: 'at_risk',
      ownerOrganisation: {
        code: 'VWS',
        name: 'Ministerie van Volksgezondheid, Welzijn en Sport',
      },
      rollup: { total: 3 },
      closedAt: null,
      tags: ['wmo', 'bofv'],
      partners: [{ code: 'VWS', name: 'Ministerie van Volksgezondheid, Welzijn en Sport' }],
      limit: 50,
    });
  });

  it('leaves read-only properties out of a request', () => {
    const request = composeExample({ $ref: '#/components/schemas/Action' }, schemas, 'request');
    expect(request).not.toHaveProperty('id');
    expect(request).toHaveProperty('title');
  });

  it('prefers a schema’s own example to anything it could compose', () => {
    const example = { code: 'IPO', name: 'Interprovinciaal Overleg' };
    expect(
      composeExample({ allOf: [{ $ref: '#/components/schemas/OrganisationRef' }], example }, {}),
    ).toBe(example);
  });

  it('merges the parts of an allOf, later parts winning', () => {
    expect(
      composeExample(
        {
          allOf: [
            { $ref: '#/components/schemas/OrganisationRef' },
            { type: 'object', properties: { code: { type: 'string', example: 'UVW' } } },
          ],
        },
        schemas,
      ),
    ).toEqual({ code: 'UVW', name: 'Ministerie van Volksgezondheid, Welzijn en Sport' });
  });

  it('takes the first variant of a oneOf', () => {
    expect(
      composeExample(
        {
          oneOf: [
            { type: 'object', properties: { kind: { type: 'string', enum: ['bofv_agreement'] } } },
            { type: 'object', properties: { kind: { type: 'string', enum: ['agenda_item'] } } },
          ],
        },
        schemas,
      ),
    ).toEqual({ kind: 'bofv_agreement' });
  });

  it('stops where a schema contains itself', () => {
    expect(composeExample({ $ref: '#/components/schemas/Tree' }, schemas)).toEqual({
      name: 'Actieagenda Sterk Bestuur',
      children: [],
    });
  });

  it('gives nothing for a schema without any example to compose', () => {
    expect(composeExample({ type: 'string' }, schemas)).toBeUndefined();
    expect(composeExample({ $ref: '#/components/schemas/Missing' }, schemas)).toBeUndefined();
  });
});

/** The media types of an operation's response, as the test document declares them. */
const contentOf = (
  document: OpenAPIObject,
  path: string,
  method: 'get' | 'patch',
  status: string,
) =>
  (
    document.paths[path][method]!.responses[status] as {
      content: Record<string, { example?: unknown }>;
    }
  ).content;

describe('composeOperationExamples', () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1.0.0' },
    servers: [{ url: 'https://tracker.example.nl/v1' }],
    paths: {
      '/actions/{id}/sub-actions': {
        get: {
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'string', example: ACTION_ID },
            },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      data: { type: 'array', items: { $ref: '#/components/schemas/Rollup' } },
                      _links: { $ref: '#/components/schemas/ListLinks' },
                    },
                  },
                },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            '404': {
              description: 'not found',
              content: { 'application/problem+json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      '/actions/{id}': {
        patch: {
          requestBody: {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Action' } },
            },
          },
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Rollup' },
                  example: { total: 7 },
                },
              },
            },
            '204': { description: 'no content' },
          },
        },
      },
    },
    components: { schemas },
  });

  it('gives a list one item and the links of its first page on the operation’s own path', () => {
    const result = composeOperationExamples(document());
    const content = contentOf(result, '/actions/{id}/sub-actions', 'get', '200');
    const url = `https://tracker.example.nl/v1/actions/${ACTION_ID}/sub-actions?limit=50`;
    expect(content['application/json'].example).toEqual({
      data: [{ total: 3 }],
      _links: {
        self: { href: url },
        next: {
          href: expect.stringMatching(
            new RegExp(`^${url.replace(/[?.]/g, '\\$&')}&cursor=[\\w-]+$`),
          ),
        },
      },
    });
    expect(content['text/csv'].example).toBeUndefined();
  });

  it('composes request bodies but keeps an example given explicitly', () => {
    const result = composeOperationExamples(document());
    const patch = result.paths['/actions/{id}'].patch!;
    const body = (patch.requestBody as { content: Record<string, { example: object }> }).content;
    expect(body['application/json'].example).toMatchObject({
      title: 'Geobjectiveerde indexering voor de Wmo ontwikkelen',
    });
    expect(body['application/json'].example).not.toHaveProperty('id');
    expect(contentOf(result, '/actions/{id}', 'patch', '200')['application/json'].example).toEqual({
      total: 7,
    });
  });

  it('leaves error responses alone', () => {
    const result = composeOperationExamples(document());
    const notFound = contentOf(result, '/actions/{id}/sub-actions', 'get', '404');
    expect(notFound['application/problem+json'].example).toBeUndefined();
  });
});
