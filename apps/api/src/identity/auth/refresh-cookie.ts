import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { AuthErrors } from '@app/identity';
import { API_BASE_PATH } from '../../api-version';

/** The cookie that holds a browser session's refresh token. */
export const REFRESH_COOKIE = 'sbt_refresh';

/** Only the browser-session routes ever receive it: no other request carries the token. */
export const REFRESH_COOKIE_PATH = `${API_BASE_PATH}/auth/browser`;

/** The OpenAPI security scheme of the cookie (the refresh and log-out routes use it). */
export const REFRESH_COOKIE_SCHEME = 'refreshCookie';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether the API is reached over plain http on this machine (development): a browser does
 * not store a `Secure` cookie from an http page, so the cookie goes without it there, and
 * only there.
 */
export function isLocalDevelopment(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * The value of the first cookie called `name` in a Cookie header (RFC 6265 §5.4: a browser
 * sends the one with the longest path first). Undefined when absent or empty.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    const value = pair.slice(equals + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/**
 * The refresh cookie of browser sessions (DESIGN §7): HttpOnly, so no script (an injected
 * one included) can read the token; SameSite=Strict, so no other site's page can send it;
 * scoped to the browser-session routes; Secure outside local development.
 */
@Injectable()
export class RefreshCookie {
  private readonly options: CookieOptions;
  private readonly maxAgeMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = {
      httpOnly: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      secure: !isLocalDevelopment(config.http.publicUrl),
    };
    this.maxAgeMs = config.auth.refreshTtlSeconds * 1000;
  }

  /** The refresh token the browser sent; a 401 INVALID_REFRESH_TOKEN without one. */
  required(req: Request): string {
    const token = cookieValue(req.headers.cookie, REFRESH_COOKIE);
    if (token === undefined) throw AuthErrors.invalidRefreshToken();
    return token;
  }

  /** The refresh token the browser sent, if any. */
  read(req: Request): string | undefined {
    return cookieValue(req.headers.cookie, REFRESH_COOKIE);
  }

  set(res: Response, refreshToken: string): void {
    res.cookie(REFRESH_COOKIE, refreshToken, { ...this.options, maxAge: this.maxAgeMs });
  }

  /** Tells the browser to drop the cookie (same name and path, expired at once). */
  clear(res: Response): void {
    res.cookie(REFRESH_COOKIE, '', { ...this.options, maxAge: 0 });
  }
}
