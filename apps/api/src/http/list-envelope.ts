import type { Request } from 'express';
import { type AppConfig, type KeysetPage, type ListResponse, toListResponse } from '@app/core';

/**
 * The list envelope of a page (README "API conventions"): its items as `data` (through `map`,
 * which adds an item's own links where it has them), and `_links` self, next and prev at the
 * public URL of the request, with the page's cursors. The libs answer pages; links are HTTP,
 * made here.
 */
export function listEnvelope<T, R = T>(
  config: AppConfig,
  req: Pick<Request, 'originalUrl'>,
  page: KeysetPage<T>,
  map: (item: T) => R = (item) => item as unknown as R,
): ListResponse<R> {
  return toListResponse(page, map, new URL(`${config.http.publicUrl}${req.originalUrl}`));
}
