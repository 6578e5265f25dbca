import {
  Body,
  Controller,
  HttpCode,
  Ip,
  Post,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessTokenResponse,
  LoginDto,
  mapAccessToken,
  Permission,
  SessionsService,
} from '@app/identity';
import { Access } from '../../access/access.decorator';
import { PASSWORD_SIGN_IN_DISABLED } from './auth.controller';
import { BrowserCsrfGuard, CSRF_HEADER } from './browser-csrf.guard';
import { ClearRefreshCookieInterceptor } from './clear-refresh-cookie.interceptor';
import {
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  REFRESH_COOKIE_SCHEME,
  RefreshCookie,
} from './refresh-cookie';

const CSRF_DOCS = {
  name: CSRF_HEADER,
  required: true,
  description:
    'Must be `1`. The request must also carry an `Origin` (browsers add it) that is the ' +
    "API's own (PUBLIC_URL) or listed in CORS_ORIGINS.",
  schema: { type: 'string', enum: ['1'] },
};
const CSRF_REFUSED =
  'CSRF_CHECK_FAILED: the `X-CSRF-Protection: 1` header is missing, or the `Origin` is absent ' +
  'or not allowed.';
const SET_COOKIE = {
  'Set-Cookie': {
    description:
      `The refresh token: \`${REFRESH_COOKIE}=<token>; Path=${REFRESH_COOKIE_PATH}; ` +
      'Max-Age=<JWT_REFRESH_TTL_SECONDS>; HttpOnly; SameSite=Strict; Secure` (not `Secure` ' +
      'when PUBLIC_URL is plain http on localhost). Scripts cannot read it; the browser sends ' +
      'it to these routes only.',
    schema: { type: 'string' },
  },
};
const CLEARED_COOKIE = {
  'Set-Cookie': {
    description: `\`${REFRESH_COOKIE}=; Path=${REFRESH_COOKIE_PATH}; Max-Age=0; …\`: the browser drops the cookie.`,
    schema: { type: 'string' },
  },
};

/**
 * Sessions of the web app (DESIGN §7): the access token stays in the page's memory, the
 * refresh token in an HttpOnly cookie that only these routes receive, so no token is ever in
 * web storage where an injected script could take it. The same sessions as /auth/login.
 */
@ApiTags('authentication')
@Controller('auth/browser')
@UseGuards(BrowserCsrfGuard)
export class BrowserSessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'Sign in a browser session with e-mail and password',
    description:
      'For the web app. As POST /auth/login (the same checks, lockout and answers), but the ' +
      `refresh token is set as the HttpOnly cookie \`${REFRESH_COOKIE}\` and never in the ` +
      'body. Keep the access token in memory only.',
  })
  @ApiHeader(CSRF_DOCS)
  @ApiOkResponse({ type: AccessTokenResponse, description: 'Signed in.', headers: SET_COOKIE })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS: the e-mail address or the password is not correct.',
  })
  @ApiForbiddenResponse({ description: `${CSRF_REFUSED} Or ${PASSWORD_SIGN_IN_DISABLED}` })
  @ApiTooManyRequestsResponse({
    description: 'LOGIN_LOCKED: too many failed log-ins for this account or address.',
  })
  @ApiServiceUnavailableResponse({
    description:
      'LOGIN_UNAVAILABLE (the log-in throttle cannot be checked) or SERVICE_UNAVAILABLE: try again after Retry-After.',
  })
  async login(
    @Body() body: LoginDto,
    @Ip() address: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenResponse> {
    const tokens = await this.sessions.login(body, address);
    this.cookie.set(res, tokens.refreshToken);
    return mapAccessToken(tokens);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access(Permission.Public)
  @UseInterceptors(ClearRefreshCookieInterceptor)
  @ApiCookieAuth(REFRESH_COOKIE_SCHEME)
  @ApiOperation({
    summary: 'A new access token for the browser session',
    description:
      'Silent refresh: call it on start and before the access token expires. Rotates the ' +
      'refresh token in the cookie as POST /auth/refresh does: a cookie value that was ' +
      'already used ends the whole session.',
  })
  @ApiHeader(CSRF_DOCS)
  @ApiOkResponse({
    type: AccessTokenResponse,
    description: 'A new access token; the cookie holds the next refresh token.',
    headers: SET_COOKIE,
  })
  @ApiUnauthorizedResponse({
    description:
      'INVALID_REFRESH_TOKEN: no cookie, or its token is unknown, spent, revoked or expired, or ' +
      'the account is inactive; the cookie is cleared. Sign in again.',
    headers: CLEARED_COOKIE,
  })
  @ApiForbiddenResponse({ description: CSRF_REFUSED })
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenResponse> {
    const tokens = await this.sessions.refresh(this.cookie.required(req));
    this.cookie.set(res, tokens.refreshToken);
    return mapAccessToken(tokens);
  }

  @Post('logout')
  @HttpCode(204)
  @Access(Permission.Public)
  @ApiCookieAuth(REFRESH_COOKIE_SCHEME)
  @ApiOperation({
    summary: 'Sign out the browser session',
    description:
      "Ends the cookie's session (its access tokens stop working too) and clears the cookie. " +
      'Answers 204 with or without a valid cookie, so it reveals nothing.',
  })
  @ApiHeader(CSRF_DOCS)
  @ApiNoContentResponse({ description: 'Signed out.', headers: CLEARED_COOKIE })
  @ApiForbiddenResponse({ description: CSRF_REFUSED })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const presented = this.cookie.read(req);
    if (presented !== undefined) await this.sessions.logout(presented);
    // After the log-out: if it failed (503), the cookie stays for the retry.
    this.cookie.clear(res);
  }
}
