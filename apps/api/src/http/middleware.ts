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

const sendNotFound = (req: Request, res: Response) =>
  sendProblem(
    res,
    buildProblem(
      req,
      404,
      'NOT_FOUND',
      `There is no resource at ${req.method} ${requestPath(req)}.`,
    ),
  );

/**
 * API Design Rules: `/v1/actions/` is not `/v1/actions`; answer 404, never a redirect. Only
 * what `onlyServedPaths` let through gets here: the web app's pages take a trailing slash as
 * its router does.
 */
export const rejectTrailingSlash: RequestHandler = (req, res, next) => {
  if (req.path.length > 1 && req.path.endsWith('/')) {
    sendNotFound(req, res);
    return;
  }
  next();
};

/**
 * Nest answers its own 404 problem only under the global prefix and on the excluded paths
 * themselves; anything else would reach Express's HTML page. Outside `basePath`, only
 * `servedPaths` and what `webApp` serves exist (it calls `next` for what is not its own):
 * every other request is a 404 problem here.
 */
export function onlyServedPaths(
  basePath: string,
  servedPaths: readonly string[],
  webApp: RequestHandler,
): RequestHandler {
  const served = new Set(servedPaths);
  return (req, res, next) => {
    const path = req.path;
    if (path === basePath || path.startsWith(`${basePath}/`) || served.has(path)) {
      next();
      return;
    }
    void webApp(req, res, () => sendNotFound(req, res));
  };
}

const hasBody = (req: Request) =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? '0') > 0;

const isJson = (req: Request) => req.is(['application/json', 'application/*+json']) !== false;

/**
 * The routes that take a file, as multipart/form-data: a spreadsheet upload (issue 19) and an
 * evidence attachment of an action or a commitment (issue 21).
 */
const UPLOAD_ROUTES = [
  /^\/v1\/programmes\/[^/]+\/imports$/,
  /^\/v1\/(actions|commitments)\/[^/]+\/attachments$/,
];

/**
 * The API speaks JSON; a body of any other type is a 415 rather than a confusing 400. The
 * upload routes take multipart/form-data and say so themselves, once the caller is authorised.
 */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method === 'POST' && UPLOAD_ROUTES.some((route) => route.test(req.path))) {
    next();
    return;
  }
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

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** Text PostgreSQL can store: well-formed Unicode without U+0000. */
const storable = (text: string) => isWellFormed(text) && !text.includes('\u0000');

/**
 * Refuses text PostgreSQL cannot store as sent, in keys and strings: lone surrogates
 * (`"\ud800"`, no UTF-8 form; I-JSON, RFC 7493, forbids them) and U+0000. Stored otherwise,
 * they would fail the change with a 500 or make the audit hash differ from the row.
 * Ids are lower-cased as PostgreSQL answers them, so that one id compares equal everywhere.
 * body-parser turns the throw into a parse failure (400).
 */
function storableOnly(key: string, value: unknown): unknown {
  if (!storable(key) || (typeof value === 'string' && !storable(value))) {
    throw new SyntaxError('a string holds text that cannot be stored');
  }
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : value;
}

/** The same for the query string: a value PostgreSQL cannot store is a 400; ids lower-cased. */
export const storableQuery: RequestHandler = (req, res, next) => {
  const query = { ...(req.query as Record<string, unknown>) };
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    if (![key, ...values].every((item) => typeof item !== 'string' || storable(item))) {
      sendProblem(
        res,
        buildProblem(
          req,
          400,
          'BAD_REQUEST',
          'The query string holds text that is not valid Unicode.',
        ),
      );
      return;
    }
    const lower = (item: unknown) =>
      typeof item === 'string' && UUID.test(item) ? item.toLowerCase() : item;
    query[key] = Array.isArray(value) ? (value as unknown[]).map(lower) : lower(value);
  }
  // Express 5 computes req.query anew on every read: keep this one.
  Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
  next();
};

/**
 * How deep a request body's arrays and objects may nest. The deepest body the API takes is
 * about four levels (a commitment's references); class-transformer and class-validator walk a
 * body recursively, and a few thousand levels, which fit in any body limit, overflow the
 * stack: a 500 rather than a 400.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests arrays or objects deeper than `limit`; walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/** body-parser's JSON parser with its errors answered as problems (413, 400), not HTML. */
export function jsonBody(limitBytes: number): RequestHandler {
  const parse = json({
    limit: limitBytes,
    strict: true,
    type: ['application/json', 'application/*+json'],
    reviver: storableOnly,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      const tooDeep = () =>
        sendProblem(
          res,
          buildProblem(
            req,
            400,
            'JSON_TOO_DEEP',
            `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
          ),
        );
      if (error === undefined || error === null) {
        if (nestsDeeperThan(req.body, MAX_JSON_DEPTH)) tooDeep();
        else next();
        return;
      }
      const type = (error as { type?: unknown }).type;
      if (type === 'entity.parse.failed' && (error as { name?: unknown }).name === 'RangeError') {
        // JSON.parse with a reviver recurses: a few thousand levels overflow it already.
        tooDeep();
      } else if (type === 'entity.too.large') {
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
            'The request body is not valid JSON, or holds text that cannot be stored (a lone surrogate or U+0000).',
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
