import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/**
 * The access token lives in this module's memory only (DESIGN §7): never in web storage,
 * gone when the tab closes. The refresh token is an HttpOnly cookie the page cannot read;
 * `session.ts` exchanges it for a new access token.
 */
let accessToken: string | null = null;
let renewAccess: (() => Promise<boolean>) | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** How an expired access token is renewed (the session's silent refresh). */
export function onAccessExpired(renew: () => Promise<boolean>): void {
  renewAccess = renew;
}

/** The browser-session routes authenticate by their cookie, never by the access token. */
const SESSION_ROUTES = /\/v1\/auth\/browser\//;

async function authorisedFetch(request: Request): Promise<Response> {
  if (SESSION_ROUTES.test(request.url)) return fetch(request);
  const retry = request.clone();
  if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
  const response = await fetch(request);
  if (response.status !== 401 || renewAccess === null) return response;
  // The access token expired (or the session ended elsewhere): renew once, then retry.
  if (!(await renewAccess()) || accessToken === null) return response;
  retry.headers.set('Authorization', `Bearer ${accessToken}`);
  return fetch(retry);
}

/** The one client of the public API (STYLE.md): typed from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '/v1', fetch: authorisedFetch });

/** The cursor of a `_links.next`/`prev` href, for the next call of the same list. */
export function cursorOf(link: { href: string } | undefined): string | undefined {
  if (!link) return undefined;
  return new URL(link.href, window.location.origin).searchParams.get('cursor') ?? undefined;
}
