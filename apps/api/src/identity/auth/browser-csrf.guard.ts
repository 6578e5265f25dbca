import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { BrowserSessionErrors } from './browser-session.errors';

/** The header a page of ours sends; a form post or a simple cross-site request cannot. */
export const CSRF_HEADER = 'X-CSRF-Protection';

/**
 * The origins whose pages may use browser sessions: the API's own (PUBLIC_URL, where the web
 * app is served) and those listed in CORS_ORIGINS. A `*` there opens the bearer-token routes
 * to every page, but never this cookie: it is not an origin, so it allows none here.
 */
export function browserOrigins(config: Pick<AppConfig['http'], 'publicUrl' | 'corsOrigins'>) {
  const listed = config.corsOrigins.filter((origin) => origin !== '*');
  return new Set([config.publicUrl, ...listed].map((url) => new URL(url).origin));
}

/** Why a request fails the check, or undefined when it passes. */
export function csrfFailure(
  headers: { csrf: string | undefined; origin: string | undefined },
  allowed: ReadonlySet<string>,
): 'header' | 'origin' | undefined {
  if (headers.csrf !== '1') return 'header';
  // Browsers send Origin on every POST; without one the request did not come from a page.
  if (headers.origin === undefined || !allowed.has(headers.origin)) return 'origin';
  return undefined;
}

/**
 * CSRF defence of the browser-session routes, the only ones a cookie authenticates (OWASP
 * CSRF cheat sheet: custom request header, and Origin verification). SameSite=Strict already
 * keeps the cookie from other sites' requests; this also covers log-in (login CSRF: signing a
 * victim into the attacker's account) and browsers or sibling subdomains where SameSite falls
 * short.
 */
@Injectable()
export class BrowserCsrfGuard implements CanActivate {
  private readonly logger = new Logger(BrowserCsrfGuard.name);
  private readonly allowed: ReadonlySet<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allowed = browserOrigins(config.http);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const origin = req.get('origin');
    const failure = csrfFailure({ csrf: req.get(CSRF_HEADER), origin }, this.allowed);
    if (failure === undefined) return true;
    // An operator whose PUBLIC_URL or CORS_ORIGINS misses the web app's origin sees why here.
    this.logger.warn(
      { event: 'csrf_check_failed', reason: failure, origin: origin?.slice(0, 200) ?? null },
      'refused a browser-session request without the CSRF header or from an origin not allowed',
    );
    throw BrowserSessionErrors.csrfCheckFailed();
  }
}
