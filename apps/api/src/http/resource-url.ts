import { type AppConfig, apiUrl } from '@app/core';

/** The absolute URL of a resource, for `_links` and `Location` headers (core's `apiUrl`). */
export function resourceUrl(config: AppConfig, ...segments: string[]): string {
  return apiUrl(config.http.publicUrl, ...segments);
}
