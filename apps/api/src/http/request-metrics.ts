import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { Metrics, routeTemplate } from '@app/core';

/** The route label of requests that matched no route: never the raw path (unbounded). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route label of a request: the template it matched (core's `routeTemplate`, which the
 * request log uses too), `unmatched` when none did. Never the URL: ids would make a series
 * each. A catch-all that answered 404 (Nest's own not-found route under the API prefix,
 * `/v1*path`) matched nothing the API offers: `unmatched` too.
 */
export function routeLabel(
  req: Pick<Request, 'baseUrl'> & { route?: { path?: unknown } },
  status: number,
): string {
  const template = routeTemplate(req as unknown as IncomingMessage);
  if (template === undefined) return UNMATCHED_ROUTE;
  if (status === 404 && template.includes('*')) return UNMATCHED_ROUTE;
  return template || '/';
}

/** Counts every answered request and times it, by method, route template and status. */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeLabel(req, res.statusCode);
      const method = req.method;
      metrics.httpRequests.inc({ method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method, route }, Metrics.secondsSince(start));
    });
    next();
  };
}
