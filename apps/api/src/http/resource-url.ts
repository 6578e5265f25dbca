import type { AppConfig } from '@app/core';
import { API_BASE_PATH } from '../api-version';

/** The absolute URL of a resource, for `Location` headers: publicUrl + /v1 + the path segments. */
export function resourceUrl(config: AppConfig, ...segments: string[]): string {
  return `${config.http.publicUrl}${API_BASE_PATH}/${segments.map(encodeURIComponent).join('/')}`;
}
