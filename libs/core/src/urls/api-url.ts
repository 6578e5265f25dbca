/** The API's base path: every operation is under it (API Design Rules: the major version). */
export const API_BASE_PATH = '/v1';

/**
 * The absolute address of an API resource: `publicUrl` (PUBLIC_URL, no trailing slash), the
 * base path and the path segments, each encoded. The one format of the API's addresses, for
 * the `_links` and `Location` headers the API makes and the addresses the worker writes into
 * what it sends (a report file's own link, a webhook message's `dataref`).
 */
export function apiUrl(publicUrl: string, ...segments: string[]): string {
  const base = `${publicUrl.replace(/\/+$/, '')}${API_BASE_PATH}`;
  return segments.length === 0 ? base : `${base}/${segments.map(encodeURIComponent).join('/')}`;
}
