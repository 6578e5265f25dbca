import { ApiProperty } from '@nestjs/swagger';
import { API_TOKEN_SCOPES, type ApiTokenEntity, type ApiTokenScope } from './api-token.entity';

/** An API token as its owner sees it in a list: never the token or its hash. */
export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Monitoring dashboard VNG' })
  name!: string;

  @ApiProperty({ format: 'uuid' })
  programmeId!: string;

  @ApiProperty({ enum: API_TOKEN_SCOPES, example: 'read' })
  scope!: ApiTokenScope;

  @ApiProperty({
    description: 'The first characters of the token, to recognise it.',
    example: 'sbt_Xk3v9Q',
  })
  tokenPrefix!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: never.' })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

/** The answer to creating a token: the only time the token itself is shown. */
export class CreatedApiTokenResponse extends ApiTokenResponse {
  @ApiProperty({
    description: 'The token. Shown once: store it now; only its hash is kept.',
    example: 'sbt_Xk3v9Qe1T0a8m2LrZ5uYb7cWd4gHj6kNp0sVx3zA1fE',
  })
  token!: string;
}

const instant = (value: Date | null) => (value ? value.toISOString() : null);

export function mapApiToken(entity: ApiTokenEntity): ApiTokenResponse {
  return {
    id: entity.id,
    name: entity.name,
    programmeId: entity.programmeId,
    scope: entity.scope,
    tokenPrefix: entity.tokenPrefix,
    expiresAt: instant(entity.expiresAt),
    lastUsedAt: instant(entity.lastUsedAt),
    createdAt: entity.createdAt.toISOString(),
    revokedAt: instant(entity.revokedAt),
  };
}

export function mapCreatedApiToken(entity: ApiTokenEntity, token: string): CreatedApiTokenResponse {
  return { ...mapApiToken(entity), token };
}
