import { createHash } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtension,
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
  OidcSignInService,
  OfferedProvidersResponse,
  Permission,
  StartedOidcLinkResponse,
  StartOidcLinkDto,
  StartOidcSignInQuery,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { LOGIN_STATE_TTL_SECONDS } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';
import { API_BASE_PATH } from '../../api-version';
import { OidcRedirectFilter } from './oidc-redirect.filter';
import { SIGN_IN_PAGE, safeReturnPath } from './oidc-return-path';
import { cookieValue, isLocalDevelopment, RefreshCookie } from './refresh-cookie';

/**
 * The cookie that binds a started sign-in to the browser that started it: one per sign-in,
 * named after its `state`, so that a sign-in started in a second tab does not undo the first.
 */
export const OIDC_STATE_COOKIE = 'sbt_oidc_state';
export const stateCookieName = (state: string) =>
  `${OIDC_STATE_COOKIE}_${createHash('sha256').update(state).digest('hex').slice(0, 12)}`;
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
      `\`${OIDC_STATE_COOKIE}_<12 hex digits>\` that binds the sign-in to this browser for ` +
      `${LOGIN_STATE_TTL_SECONDS / 60} minutes. Give \`provider\` (it wins) or \`email\`. When no ` +
      `provider can be used, the browser goes to the sign-in page with \`?sso-fout=<code>\`: ${REFUSAL_LIST}.`,
  })
  @ApiResponse(REDIRECT('To the provider, or to the sign-in page with the reason of a refusal.'))
  @ApiBadRequestResponse({
    description: 'A `provider` that is no uuid, or an `email` that is no address.',
  })
  @UseFilters(OidcRedirectFilter)
  async start(@Query() query: StartOidcSignInQuery, @Res() res: Response): Promise<void> {
    const started = await this.signIns.start({
      providerId: query.provider,
      email: query.provider === undefined ? query.email : undefined,
      returnTo: safeReturnPath(query.returnTo, this.config.http.publicUrl),
    });
    this.setStateCookie(res, started.state);
    res.redirect(303, started.authorizationUrl);
  }

  @Post('link')
  @HttpCode(200)
  @Access(Permission.Self)
  @ApiOperation({
    summary: "Link your account to your organisation's provider",
    description:
      'For a signed-in person (platform administrators link only this way: never by e-mail ' +
      'address). Answers where to send the browser, and sets the cookie of GET /auth/oidc/start; ' +
      'after signing in at the provider (asked afresh), the callback links that account to ' +
      'yours and signs you in through it.',
  })
  @ApiOkResponse({ type: StartedOidcLinkResponse })
  @ApiResponse({
    status: 409,
    description: 'NO_IDENTITY_PROVIDER: your organisation has no provider that is switched on.',
  })
  @ApiResponse({
    status: 503,
    description: 'IDENTITY_PROVIDER_UNREACHABLE: the provider could not be reached; try again.',
  })
  async link(
    @CurrentPrincipal() principal: Principal,
    @Body() body: StartOidcLinkDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StartedOidcLinkResponse> {
    const returnTo = safeReturnPath(body.returnTo ?? '/account', this.config.http.publicUrl);
    const started = await this.signIns.startLink(principal, returnTo);
    this.setStateCookie(res, started.state);
    return { authorizationUrl: started.authorizationUrl };
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
  // The codes a refusal may carry in `?sso-fout=`, for clients to have words for each.
  @ApiExtension('x-refusal-codes', Object.keys(OIDC_REFUSALS))
  @UseFilters(OidcRedirectFilter)
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const query = new URL(req.originalUrl, 'http://callback').searchParams;
    const state = query.get('state');
    const cookieName = state ? stateCookieName(state) : undefined;
    const cookieState = cookieName && cookieValue(req.headers.cookie, cookieName);
    // Spent either way: the cookie goes with the answer, a refusal's redirect included.
    if (cookieName) res.clearCookie(cookieName, this.stateCookie);
    const finished = await this.signIns.finish(query, cookieState);
    this.refreshCookie.set(res, finished.tokens.refreshToken);
    res.redirect(303, `${this.config.http.publicUrl}${finished.returnTo}`);
  }

  @Get('logout')
  @Access(Permission.Public, { rateLimit: 'expensive' })
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

  private setStateCookie(res: Response, state: string): void {
    res.cookie(stateCookieName(state), state, {
      ...this.stateCookie,
      maxAge: LOGIN_STATE_TTL_SECONDS * 1000,
    });
  }
}
