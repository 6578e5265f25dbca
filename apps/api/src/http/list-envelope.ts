import type { Request } from 'express';
import { type AppConfig, type KeysetPage, type ListResponse, toListResponse } from '@app/core';

/**
 * The list envelope of a page (README "API conventions"): its items as `data`, and `_links`
 * self, next and prev at the public URL of the request, with the page's cursors. The libs
 * answer pages; links are HTTP, made here.
 */
export function listEnvelope<T>(
  config: AppConfig,
  req: Pick<Request, 'originalUrl'>,
  page: KeysetPage<T>,
): ListResponse<T> {
  return toListResponse(
    page,
    (item) => item,
    new URL(`${config.http.publicUrl}${req.originalUrl}`),
  );
}
