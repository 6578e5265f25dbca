import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Metrics } from '@app/core';

/** The route label of requests that matched no route: never the raw path (unbounded). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route template a request matched (`/v1/actions/:id`), from Express's matched layer and
 * the router's base; `unmatched` when none did. Never the URL: ids would make a series each.
 * A catch-all that answered 404 (Nest's own not-found route under the API prefix, `/v1*path`)
 * matched nothing the API offers: `unmatched` too.
 */
export function routeTemplate(
  req: Pick<Request, 'baseUrl'> & { route?: { path?: unknown } },
  status: number,
): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  if (status === 404 && path.includes('*')) return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${path}` || '/';
}

/** Counts every answered request and times it, by method, route template and status. */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeTemplate(req, res.statusCode);
      const method = req.method;
      metrics.httpRequests.inc({ method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method, route }, Metrics.secondsSince(start));
    });
    next();
  };
}
