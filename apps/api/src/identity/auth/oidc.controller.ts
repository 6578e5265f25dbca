import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import {
  OIDC_REFUSALS,
  OidcLogoutQuery,
  OidcRefusal,
  OidcSignInService,
  OfferedProvidersResponse,
  Permission,
  StartOidcSignInQuery,
} from '@app/identity';
import { LOGIN_STATE_TTL_SECONDS } from '@app/identity';
import { Access } from '../../access/access.decorator';
import { API_BASE_PATH } from '../../api-version';
import { SIGN_IN_PAGE, safeReturnPath } from './oidc-return-path';
import { cookieValue, isLocalDevelopment, RefreshCookie } from './refresh-cookie';

/** The cookie that binds a started sign-in to the browser that started it. */
export const OIDC_STATE_COOKIE = 'sbt_oidc_state';
const OIDC_PATH = `${API_BASE_PATH}/auth/oidc`;

const REFUSAL_LIST = Object.entries(OIDC_REFUSALS)
  .map(([code, meaning]) => `\`${code}\` (${meaning})`)
  .join(', ');
const REDIRECT = (description: string) => ({
  status: 303,
  description,
  headers: {
    Location: { description: 'Where the browser goes next.', schema: { type: 'string' } },
  },
});

/**
 * Signing in through an organisation's own OpenID Connect provider (DESIGN §7, issue 20):
 * browser navigations, answered with redirects. The end is the same browser session as a
 * password sign-in's: the refresh token in the HttpOnly cookie, the web app refreshing
 * silently. A refusal lands on the web app's sign-in page with its reason (`?sso-fout=`),
 * where it is said in Dutch.
 */
@ApiTags('authentication')
@Controller('auth/oidc')
export class OidcController {
  private readonly stateCookie: CookieOptions;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIns: OidcSignInService,
    private readonly refreshCookie: RefreshCookie,
  ) {
    this.stateCookie = {
      httpOnly: true,
      // Lax, not Strict: the provider sends the browser back with a cross-site navigation,
      // and the cookie must come along on it.
      sameSite: 'lax',
      path: OIDC_PATH,
      secure: !isLocalDevelopment(config.http.publicUrl),
    };
  }

  @Get('providers')
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'The identity providers people may sign in through',
    description:
      'The enabled providers, for the sign-in page\'s "Inloggen met uw organisatie" list. ' +
      'Names only: no issuer, client or domain.',
  })
  @ApiOkResponse({ type: OfferedProvidersResponse })
  async providers(): Promise<OfferedProvidersResponse> {
    return { items: await this.signIns.offeredProviders() };
  }

  @Get('start')
  @Access(Permission.Public, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Start signing in through your organisation',
    description:
      'A browser navigation (not a fetch). Sends the browser to the provider (authorization ' +
      'code with PKCE, `state` and `nonce`), and sets the HttpOnly cookie ' +
      `\`${OIDC_STATE_COOKIE}\` that binds the sign-in to this browser for ` +
      `${LOGIN_STATE_TTL_SECONDS / 60} minutes. Give \`provider\` (it wins) or \`email\`. When no ` +
      `provider can be used, the browser goes to the sign-in page with \`?sso-fout=<code>\`: ${REFUSAL_LIST}.`,
  })
  @ApiResponse(REDIRECT('To the provider, or to the sign-in page with the reason of a refusal.'))
  @ApiBadRequestResponse({
    description: 'A `provider` that is no uuid, or an `email` that is no address.',
  })
  async start(@Query() query: StartOidcSignInQuery, @Res() res: Response): Promise<void> {
    const returnTo = safeReturnPath(query.returnTo, this.config.http.publicUrl);
    try {
      const started = await this.signIns.start({
        providerId: query.provider,
        email: query.provider === undefined ? query.email : undefined,
        returnTo,
      });
      res.cookie(OIDC_STATE_COOKIE, started.state, {
        ...this.stateCookie,
        maxAge: LOGIN_STATE_TTL_SECONDS * 1000,
      });
      res.redirect(303, started.authorizationUrl);
    } catch (error) {
      this.refuse(error, res, returnTo);
    }
  }

  @Get('callback')
  @Access(Permission.Public, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Where the provider sends the browser back (the redirect URI)',
    description:
      'Register `<PUBLIC_URL>/v1/auth/oidc/callback` at the provider. Exchanges the code, ' +
      'checks the ID token (signature, issuer, audience, expiry, nonce), finds or links the ' +
      'user, and signs the browser in: the refresh cookie is set and the browser goes to ' +
      '`returnTo`, where the web app refreshes silently. A refusal goes to the sign-in page ' +
      `with \`?sso-fout=<code>\`: ${REFUSAL_LIST}. Each refusal is in the audit log.`,
  })
  @ApiResponse(REDIRECT('Signed in (to the web app), or refused (to the sign-in page).'))
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const query = new URL(req.originalUrl, 'http://callback').searchParams;
    const cookieState = cookieValue(req.headers.cookie, OIDC_STATE_COOKIE);
    res.clearCookie(OIDC_STATE_COOKIE, this.stateCookie);
    try {
      const finished = await this.signIns.finish(query, cookieState);
      this.refreshCookie.set(res, finished.tokens.refreshToken);
      res.redirect(303, `${this.config.http.publicUrl}${finished.returnTo}`);
    } catch (error) {
      this.refuse(error, res, '/');
    }
  }

  @Get('logout')
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'Sign out at the provider too (RP-initiated logout)',
    description:
      'A browser navigation, after POST /auth/browser/logout: sends the browser to the ' +
      "provider's end-session endpoint, which sends it back to the sign-in page. Without a " +
      'provider, or one that offers no end-session endpoint, straight to the sign-in page.',
  })
  @ApiResponse(REDIRECT("To the provider's end-session endpoint, or to the sign-in page."))
  async logout(@Query() query: OidcLogoutQuery, @Res() res: Response): Promise<void> {
    const signedOut = `${this.config.http.publicUrl}${SIGN_IN_PAGE}?afgemeld`;
    const url =
      query.provider === undefined
        ? undefined
        : await this.signIns.endSessionUrl(query.provider, signedOut);
    res.redirect(303, url ?? signedOut);
  }

  /** A refusal goes to the sign-in page with its code; anything else is the API's answer. */
  private refuse(error: unknown, res: Response, returnTo: string): void {
    if (!(error instanceof OidcRefusal)) throw error;
    const page = new URL(`${this.config.http.publicUrl}${SIGN_IN_PAGE}`);
    page.searchParams.set('sso-fout', error.code);
    if (returnTo !== '/') page.searchParams.set('terug', returnTo);
    res.redirect(303, page.href);
  }
}
