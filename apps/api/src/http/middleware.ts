import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { AuditContext, traceIdOf } from '@app/audit';
import { API_VERSION } from '../api-version';
import { buildProblem, requestPath, sendProblem } from './problem';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's X-Request-ID when it is sane, otherwise makes one; echoes it back. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-ID', id);
  next();
};

/** API Design Rules: every response, errors and 404s included, names the full API version. */
export const apiVersionHeader: RequestHandler = (_req, res, next) => {
  res.setHeader('API-Version', API_VERSION);
  next();
};

/** Responses hold tenant data: no shared or browser caches. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** API Design Rules: `/v1/actions/` is not `/v1/actions`; answer 404, never a redirect. */
export const rejectTrailingSlash: RequestHandler = (req, res, next) => {
  if (req.path.length > 1 && req.path.endsWith('/')) {
    sendProblem(
      res,
      buildProblem(
        req,
        404,
        'NOT_FOUND',
        `There is no resource at ${req.method} ${requestPath(req)}.`,
      ),
    );
    return;
  }
  next();
};

const hasBody = (req: Request) =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? '0') > 0;

const isJson = (req: Request) => req.is(['application/json', 'application/*+json']) !== false;

/** The API speaks JSON; a body of any other type is a 415 rather than a confusing 400. */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (hasBody(req) && !isJson(req)) {
    sendProblem(
      res,
      buildProblem(
        req,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the request body as application/json, not ${req.get('content-type') ?? 'an unnamed type'}.`,
      ),
    );
    return;
  }
  next();
};

/** ES2024 `String#isWellFormed` (Node 20+); the compile target's library predates it. */
const isWellFormed = (text: string) =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Refuses lone surrogates (`"\ud800"`) in keys and strings: they have no UTF-8 form, so
 * PostgreSQL would store something else than was sent and the audit hash would not hold.
 * I-JSON (RFC 7493) forbids them too. body-parser turns the throw into a parse failure (400).
 */
function wellFormedOnly(key: string, value: unknown): unknown {
  if (!isWellFormed(key) || (typeof value === 'string' && !isWellFormed(value))) {
    throw new SyntaxError('a string holds a lone surrogate');
  }
  return value;
}

/** body-parser's JSON parser with its errors answered as problems (413, 400), not HTML. */
export function jsonBody(limitBytes: number): RequestHandler {
  const parse = json({
    limit: limitBytes,
    strict: true,
    type: ['application/json', 'application/*+json'],
    reviver: wellFormedOnly,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) {
        next();
        return;
      }
      const type = (error as { type?: unknown }).type;
      if (type === 'entity.too.large') {
        sendProblem(
          res,
          buildProblem(
            req,
            413,
            'PAYLOAD_TOO_LARGE',
            `The request body exceeds ${limitBytes} bytes.`,
          ),
        );
      } else if (type === 'entity.parse.failed') {
        sendProblem(
          res,
          buildProblem(
            req,
            400,
            'MALFORMED_JSON',
            'The request body is not valid JSON, or holds text that is not valid Unicode.',
          ),
        );
      } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        sendProblem(
          res,
          buildProblem(req, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as UTF-8 JSON.'),
        );
      } else {
        const status = (error as { status?: unknown }).status;
        const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
        sendProblem(
          res,
          buildProblem(req, code, 'BAD_REQUEST', 'The request body could not be read.'),
        );
      }
    });
  };
}

/**
 * Opens the audit context of the request: who called from where (BIO2 8.15). The actor is
 * named by the AccessGuard once the caller is authenticated. `req.ip` honours TRUST_PROXY.
 */
export const auditContext: RequestHandler = (req, _res, next) => {
  AuditContext.run(
    {
      clientAddress: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      requestId: (req as Request & { id?: string }).id ?? null,
      traceId: traceIdOf(req.get('traceparent')),
    },
    next,
  );
};
