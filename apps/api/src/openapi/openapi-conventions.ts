import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
type Responses = Record<string, Json>;

const PROBLEM_SCHEMA = 'Problem';
const API_VERSION_HEADER = 'API-Version';
const RETRY_AFTER_HEADER = 'Retry-After';
const IDEMPOTENCY_KEY = 'Idempotency-Key';
const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const IDEMPOTENCY_CONFLICT =
  'IDEMPOTENCY_KEY_IN_FLIGHT: a request with this `Idempotency-Key` is still being processed ' +
  '(try again after `Retry-After`); IDEMPOTENCY_KEY_USED: it was carried out but its answer ' +
  'is not available (look the result up).';
const IDEMPOTENCY_REUSED =
  'IDEMPOTENCY_KEY_REUSED: this `Idempotency-Key` was used for a different request (another ' +
  'body, query or path); use a new key.';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const problemSchema: Json = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:sterk-bestuur:problem:validation-failed' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request contains invalid parameters.' },
    instance: { type: 'string', example: '/v1/actions' },
    code: {
      type: 'string',
      description: 'Stable machine-readable error code.',
      example: 'VALIDATION_FAILED',
    },
    requestId: {
      type: 'string',
      description: 'Quote it when reporting a problem.',
      example: '782c5b05-c42f-4f1d-a001-45a6ab2e4b1a',
    },
    invalidParams: {
      type: 'array',
      example: [{ name: 'deadline', reason: 'deadline must be a date (YYYY-MM-DD)' }],
      items: {
        type: 'object',
        required: ['name', 'reason'],
        properties: { name: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

const DEFAULT_ERRORS: Record<string, string> = {
  '400': 'The request is invalid; `invalidParams` lists every problem.',
  '404': 'Not found.',
  '500': 'Unexpected error; nothing internal is disclosed.',
  '503':
    'SERVICE_UNAVAILABLE: the database or the queue did not answer, or the change kept ' +
    'meeting concurrent ones; nothing was changed. Try again after `Retry-After` seconds.',
};

const problemResponse = (description: string): Json => ({
  description,
  headers: { [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` } },
  content: {
    'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
  },
});

/**
 * Applies the API Design Rules to every operation, so that no route can forget them:
 * the `API-Version` header on every response, problem+json for every error, a documented 400
 * wherever there is input (and on every operation but GET and DELETE), a 404 wherever there is
 * a path parameter, and a 500 and a 503 (with `Retry-After`) everywhere.
 */
export function ensureApiConventions(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {}) as Json;
  const schemas = (components.schemas as Json | undefined) ?? {};
  schemas[PROBLEM_SCHEMA] = problemSchema;
  components.schemas = schemas;
  components.headers = {
    ...(components.headers ?? {}),
    [API_VERSION_HEADER]: {
      description: 'The full semantic version of the API that answered.',
      schema: { type: 'string', example: document.info.version },
    },
    [RETRY_AFTER_HEADER]: {
      description: 'Seconds after which the request may be tried again (RFC 9110).',
      schema: { type: 'integer', minimum: 1, example: 1 },
    },
  };

  for (const pathItem of Object.values(document.paths) as Json[]) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Json | undefined;
      if (!operation) continue;
      const responses = (operation.responses as Responses | undefined) ?? {};
      const parameters = (operation.parameters as Json[] | undefined) ?? [];
      const hasInput = parameters.length > 0 || operation.requestBody !== undefined;
      // ADR: GET and DELETE with parameters, and every other operation, can answer 400.
      if (hasInput || (method !== 'get' && method !== 'delete')) {
        responses['400'] ??= problemResponse(DEFAULT_ERRORS['400']);
      }
      if (parameters.some((parameter) => parameter.in === 'path')) {
        responses['404'] ??= problemResponse(DEFAULT_ERRORS['404']);
      }
      responses['500'] ??= problemResponse(DEFAULT_ERRORS['500']);
      // Any operation can meet an outage (DESIGN §5): a 503, never a 500.
      responses['503'] ??= problemResponse(DEFAULT_ERRORS['503']);
      if (parameters.some((p) => p.in === 'header' && p.name === IDEMPOTENCY_KEY)) {
        documentIdempotency(responses);
      }
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]/.test(status)) {
          const description = typeof response.description === 'string' ? response.description : '';
          responses[status] = problemResponse(description);
        }
        const headers = (response.headers as Json | undefined) ?? {};
        headers[API_VERSION_HEADER] = { $ref: `#/components/headers/${API_VERSION_HEADER}` };
        if (status === '503' || status === '429')
          headers[RETRY_AFTER_HEADER] = { $ref: `#/components/headers/${RETRY_AFTER_HEADER}` };
        responses[status].headers = { ...(responses[status].headers ?? {}), ...headers };
      }
      operation.responses = responses;
    }
  }
  return document;
}

/** The answers an operation that takes an `Idempotency-Key` adds (apps/api/src/http/idempotency.ts). */
function documentIdempotency(responses: Responses): void {
  const conflict = responses['409'];
  responses['409'] = problemResponse(
    typeof conflict?.description === 'string'
      ? `${conflict.description} ${IDEMPOTENCY_CONFLICT}`
      : IDEMPOTENCY_CONFLICT,
  );
  responses['409'].headers = {
    ...(responses['409'].headers as Json),
    [RETRY_AFTER_HEADER]: { $ref: `#/components/headers/${RETRY_AFTER_HEADER}` },
  };
  responses['422'] ??= problemResponse(IDEMPOTENCY_REUSED);
  for (const [status, response] of Object.entries(responses)) {
    if (!/^2/.test(status)) continue;
    response.headers = {
      ...(response.headers ?? {}),
      [IDEMPOTENT_REPLAYED_HEADER]: {
        description:
          '`true` when this is the first answer to the same `Idempotency-Key`, repeated: ' +
          'nothing was created this time.',
        schema: { type: 'string', enum: ['true'] },
      },
    };
  }
}
