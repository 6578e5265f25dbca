import { ApiProperty } from '@nestjs/swagger';

/**
 * An access token and how long it lasts: what a browser session's log-in and refresh answer
 * (their refresh token travels in an HttpOnly cookie instead), and the first part of
 * SessionTokensResponse.
 */
export class AccessTokenResponse {
  @ApiProperty({
    description: 'Send as `Authorization: Bearer <accessToken>`.',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…',
  })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn!: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The identity provider this session was signed in through; null for a password. To ' +
      'sign out there too after signing out here, send the browser to ' +
      'GET /auth/oidc/logout?provider=<this id>.',
    example: null,
  })
  identityProviderId!: string | null;
}

/** What a log-in or a refresh answers: an access token and the next refresh token. */
export class SessionTokensResponse extends AccessTokenResponse {
  @ApiProperty({
    description:
      'Exchange at POST /auth/refresh for new tokens; works once (rotation). Keep it secret.',
    example: 'sbr_3q2-7wEYnB8h0k1mZ4sUuXnS3tq0o8GgD6cYk5dPpVw',
  })
  refreshToken!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When the refresh token expires.',
    example: '2026-12-01T09:00:00Z',
  })
  refreshExpiresAt!: string;
}

export function mapSessionTokens(tokens: {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  identityProviderId: string | null;
}): SessionTokensResponse {
  return {
    ...mapAccessToken(tokens),
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: tokens.refreshExpiresAt.toISOString(),
  };
}

/** The access token alone, property by property: the refresh token never slips through. */
export function mapAccessToken(tokens: {
  accessToken: string;
  expiresIn: number;
  identityProviderId: string | null;
}): AccessTokenResponse {
  return {
    accessToken: tokens.accessToken,
    tokenType: 'Bearer',
    expiresIn: tokens.expiresIn,
    identityProviderId: tokens.identityProviderId,
  };
}
