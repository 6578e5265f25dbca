import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  LoginDto,
  Permission,
  RefreshTokenDto,
  SessionsService,
  SessionTokensResponse,
} from '@app/identity';
import { Access } from '../../access/access.decorator';

/** The answer of both password log-ins where the organisation requires its provider. */
export const PASSWORD_SIGN_IN_DISABLED =
  "PASSWORD_SIGN_IN_DISABLED: the password is right, but the person's organisation signs in " +
  'through its own identity provider only (GET /auth/oidc/start). Said only after the ' +
  'password matched: a wrong one is INVALID_CREDENTIALS.';

const INVALID_REFRESH_TOKEN =
  'INVALID_REFRESH_TOKEN: the refresh token is unknown, spent, revoked or expired, or the ' +
  'account is inactive. Sign in again.';

@ApiTags('authentication')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @HttpCode(200)
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Answers a short-lived access token and a refresh token. A wrong e-mail, a wrong ' +
      'password and an inactive account get the same answer. Failed attempts are counted per ' +
      'account and per client address; past the limit, log-in is locked for a while, even ' +
      'with the right password.',
  })
  @ApiOkResponse({ type: SessionTokensResponse, description: 'Signed in.' })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS: the e-mail address or the password is not correct.',
  })
  @ApiForbiddenResponse({ description: PASSWORD_SIGN_IN_DISABLED })
  @ApiTooManyRequestsResponse({
    description: 'LOGIN_LOCKED: too many failed log-ins for this account or address.',
    headers: {
      'Retry-After': {
        description: 'Seconds until log-in may be tried again.',
        schema: { type: 'integer', minimum: 1, example: 900 },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description:
      'LOGIN_UNAVAILABLE (the log-in throttle cannot be checked) or SERVICE_UNAVAILABLE (the database did not answer; the attempt does not count towards the lockout): try again after Retry-After.',
  })
  login(@Body() body: LoginDto, @Ip() address: string | undefined): Promise<SessionTokensResponse> {
    return this.sessions.login(body, address);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Rotates the refresh token: the one sent stops working, the answer holds its successor. ' +
      'Sending a refresh token that was already used ends the whole session (its access ' +
      'tokens too): it may have been stolen.',
  })
  @ApiOkResponse({ type: SessionTokensResponse, description: 'New access and refresh token.' })
  @ApiUnauthorizedResponse({ description: INVALID_REFRESH_TOKEN })
  refresh(@Body() body: RefreshTokenDto): Promise<SessionTokensResponse> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session of the refresh token: it and every access token of the session stop ' +
      'working. Answers 204 whatever the token, so it reveals nothing.',
  })
  @ApiNoContentResponse({ description: 'Signed out (or nothing to sign out).' })
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.sessions.logout(body.refreshToken);
  }
}
