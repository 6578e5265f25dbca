import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { OidcRefusal } from '@app/identity';
import { SIGN_IN_PAGE } from './oidc-return-path';

/**
 * The browser navigations of signing in through a provider end on the web app's sign-in page
 * when refused, with the reason (`?sso-fout=<code>`, said there in Dutch) and where the
 * person was going (`?terug=`), never on a JSON problem in a browser tab.
 */
@Catch(OidcRefusal)
export class OidcRedirectFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(refusal: OidcRefusal, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const page = new URL(`${this.config.http.publicUrl}${SIGN_IN_PAGE}`);
    page.searchParams.set('sso-fout', refusal.code);
    const returnTo = refusal.context.returnTo;
    if (returnTo !== undefined && returnTo !== '/') page.searchParams.set('terug', returnTo);
    res.redirect(303, page.href);
  }
}
