import { ApiProperty } from '@nestjs/swagger';

/** What a log-in or a refresh answers: an access token and the next refresh token. */
export class SessionTokensResponse {
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
}): SessionTokensResponse {
  return {
    accessToken: tokens.accessToken,
    tokenType: 'Bearer',
    expiresIn: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: tokens.refreshExpiresAt.toISOString(),
  };
}
