import type { Request } from 'express';
import { type AppConfig, type KeysetPage, type ListResponse, toListResponse } from '@app/core';

type RequestUrl = Pick<Request, 'originalUrl'>;

/**
 * The public URL of the request: `PUBLIC_URL` and the path and query as requested. A path in
 * `PUBLIC_URL` (`https://host/tracker`) is kept: `new URL(path, PUBLIC_URL)` would drop it.
 */
export function publicRequestUrl(config: AppConfig, req: RequestUrl): URL {
  return new URL(`${config.http.publicUrl}${req.originalUrl}`);
}

/**
 * The list envelope of a page (README "API conventions"): its items as `data` (through `map`,
 * which adds an item's own links where it has them), and `_links` self, next and prev at the
 * public URL of the request, with the page's cursors. The libs answer pages; links are HTTP,
 * made here.
 */
export function listEnvelope<T>(
  config: AppConfig,
  req: RequestUrl,
  page: KeysetPage<T>,
): ListResponse<T>;
export function listEnvelope<T, R>(
  config: AppConfig,
  req: RequestUrl,
  page: KeysetPage<T>,
  map: (item: T) => R,
): ListResponse<R>;
export function listEnvelope<T, R>(
  config: AppConfig,
  req: RequestUrl,
  page: KeysetPage<T>,
  map?: (item: T) => R,
): ListResponse<T | R> {
  const self = publicRequestUrl(config, req);
  return map ? toListResponse(page, map, self) : toListResponse(page, (item) => item, self);
}
