import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
type Schemas = Record<string, Json | undefined>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** `application/json` and its structured-syntax relatives (`application/problem+json`, …). */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

const SCHEMA_REF = '#/components/schemas/';

/** A cursor as the API issues them (base64url), for the `next` link of a composed list. */
const EXAMPLE_CURSOR = 'eyJkIjoiMjAyNi0xMi0zMSIsImlkIjoiZTYyNmI3MjEifQ';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An example value of `schema`, composed from the examples of its parts: its own `example`
 * first, else a `$ref`'s, the merged parts of an `allOf`, the first of a `oneOf`/`anyOf`, the
 * `default` or first `enum` value, one item of an array, and every property of an object
 * (read-only ones left out of a request, write-only ones out of a response). A nullable part
 * without anything to compose is `null`; anything else without one is `undefined` and left out,
 * as is a schema met again inside itself.
 */
export function composeExample(
  schema: unknown,
  schemas: Schemas,
  direction: 'request' | 'response' = 'response',
  trail: readonly string[] = [],
): unknown {
  if (!isObject(schema)) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.startsWith(SCHEMA_REF) ? schema.$ref.slice(SCHEMA_REF.length) : '';
    if (!name || trail.includes(name)) return undefined;
    return composeExample(schemas[name], schemas, direction, [...trail, name]);
  }
  const compose = (part: unknown) => composeExample(part, schemas, direction, trail);
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants) && variants.length > 0) return compose(variants[0]);

  let composed: unknown;
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf.map(compose)) {
      if (part === undefined) continue;
      composed = isObject(composed) && isObject(part) ? { ...composed, ...part } : part;
    }
  }
  if (schema.type === 'array' || schema.items !== undefined) {
    const item = compose(schema.items);
    return item === undefined ? [] : [item];
  }
  if (isObject(schema.properties)) {
    const object: Json = isObject(composed) ? { ...composed } : {};
    for (const [name, property] of Object.entries(schema.properties)) {
      if (isObject(property) && property[direction === 'request' ? 'readOnly' : 'writeOnly'])
        continue;
      const value = compose(property);
      if (value !== undefined) object[name] = value;
    }
    return object;
  }
  if (composed !== undefined) return composed;
  return schema.nullable === true ? null : undefined;
}

/**
 * Gives every JSON request body and every JSON 2xx response an `example` composed from its
 * schema, unless it has an `example` or `examples` of its own. A list envelope (`data` and
 * `_links`) gets one item and the links of its first page: `self` and `next` on the
 * operation's own path, its path parameters filled in with their examples.
 */
export function composeOperationExamples(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Schemas;
  const base = (document.servers?.[0]?.url ?? '').replace(/\/$/, '');
  for (const [path, pathItem] of Object.entries(document.paths) as [string, Json][]) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Json | undefined;
      if (!operation) continue;
      const requestBody = operation.requestBody as Json | undefined;
      for (const media of jsonMediaTypes(requestBody)) {
        const example = composeExample(media.schema, schemas, 'request');
        if (example !== undefined) media.example = example;
      }
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      for (const [status, response] of Object.entries(responses)) {
        if (!/^2/.test(status)) continue;
        for (const media of jsonMediaTypes(response)) {
          const example = composeExample(media.schema, schemas, 'response');
          if (example === undefined) continue;
          media.example = isListEnvelope(media.schema, schemas)
            ? withFirstPageLinks(example, `${base}${concretePath(path, operation)}`)
            : example;
        }
      }
    }
  }
  return document;
}

/** The JSON media types of a request body or response that have no example yet. */
function jsonMediaTypes(holder: Json | undefined): Json[] {
  const content = holder?.content as Record<string, Json> | undefined;
  return Object.entries(content ?? {})
    .filter(([type, media]) => JSON_MEDIA_TYPE.test(type) && isObject(media))
    .map(([, media]) => media)
    .filter((media) => media.example === undefined && media.examples === undefined);
}

function resolve(schema: unknown, schemas: Schemas): Json | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema.$ref !== 'string') return schema;
  return schemas[schema.$ref.slice(SCHEMA_REF.length)];
}

function isListEnvelope(schema: unknown, schemas: Schemas): boolean {
  const properties = resolve(schema, schemas)?.properties;
  if (!isObject(properties) || !isObject(properties.data)) return false;
  return properties.data.type === 'array' && properties._links !== undefined;
}

function withFirstPageLinks(example: unknown, url: string): unknown {
  if (!isObject(example)) return example;
  return {
    ...example,
    _links: {
      self: { href: `${url}?limit=50` },
      next: { href: `${url}?limit=50&cursor=${EXAMPLE_CURSOR}` },
    },
  };
}

/** The path with each `{parameter}` replaced by that path parameter's example. */
function concretePath(path: string, operation: Json): string {
  const parameters = (operation.parameters ?? []) as Json[];
  return path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    const example = parameter?.example ?? (parameter?.schema as Json | undefined)?.example;
    return typeof example === 'string' || typeof example === 'number'
      ? encodeURIComponent(example)
      : whole;
  });
}
