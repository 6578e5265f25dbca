import type { NestExpressApplication } from '@nestjs/platform-express';
import { load } from 'js-yaml';
import request from 'supertest';
import { startApi } from '../../../test/support/e2e';

interface Schema {
  $ref?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: unknown;
}
interface Operation {
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

function* operationsOf(document: {
  paths: Record<string, Record<string, Operation>>;
}): Generator<[string, string, Operation]> {
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) yield [path, method, operation];
  }
}

/** `where.property` of each property (inline ones included) that no example, enum or $ref determines. */
function propertiesWithoutExample(schema: Schema | undefined, where: string): string[] {
  if (!schema || schema.$ref) return [];
  const determined = (property: Schema) =>
    property.example !== undefined ||
    // An uploaded file (a multipart part) has bytes, not a JSON value to show.
    property.format === 'binary' ||
    property.enum !== undefined ||
    property.$ref !== undefined ||
    (property.allOf ?? []).some((part) => part.$ref !== undefined) ||
    (property.items !== undefined &&
      (property.items.$ref !== undefined || property.items.enum !== undefined));
  const offenders = [
    ...[...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap((part) =>
      propertiesWithoutExample(part, where),
    ),
    ...propertiesWithoutExample(schema.items, `${where}[]`),
  ];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!determined(property)) offenders.push(`${where}.${name}`);
    // A property's own example is what the composed examples show, whatever is inside it.
    if (property.example === undefined)
      offenders.push(...propertiesWithoutExample(property, `${where}.${name}`));
  }
  return offenders;
}

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

  it('gives every schema property an example, unless an enum or $ref determines it', async () => {
    const document = (await http().get('/v1/openapi.json').expect(200)).body;
    const offenders: string[] = [];
    for (const [name, schema] of Object.entries<Schema>(document.components.schemas)) {
      offenders.push(...propertiesWithoutExample(schema, name));
    }
    for (const [path, method, operation] of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          offenders.push(
            ...propertiesWithoutExample(
              media.schema,
              `${method.toUpperCase()} ${path} ${status} ${type}`,
            ),
          );
        }
      }
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        offenders.push(
          ...propertiesWithoutExample(media.schema, `${method.toUpperCase()} ${path} body ${type}`),
        );
      }
    }
    expect(offenders).toEqual([]);
  });

  it('shows an example of every JSON request body and every JSON success response', async () => {
    const document = (await http().get('/v1/openapi.json').expect(200)).body;
    const offenders: string[] = [];
    let examples = 0;
    for (const [path, method, operation] of operationsOf(document)) {
      const media = [
        ...Object.entries(operation.requestBody?.content ?? {}).map(
          ([type, m]) => [`body ${type}`, m] as const,
        ),
        ...Object.entries(operation.responses)
          .filter(([status]) => /^2/.test(status))
          .flatMap(([status, response]) =>
            Object.entries(response.content ?? {}).map(
              ([type, m]) => [`${status} ${type}`, m] as const,
            ),
          ),
      ];
      for (const [where, content] of media) {
        if (!/^application\/(?:[\w.-]+\+)?json$/.test(where.split(' ')[1])) continue;
        if (content.example === undefined && content.examples === undefined)
          offenders.push(`${method.toUpperCase()} ${path} ${where}`);
        else examples += 1;
      }
    }
    expect(offenders).toEqual([]);
    expect(examples).toBeGreaterThan(100);
    const actions = document.paths['/actions'].get.responses['200'].content['application/json'];
    expect(actions.example.data).toHaveLength(1);
    expect(actions.example._links.next.href).toMatch(/\/v1\/actions\?limit=50&cursor=/);
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
