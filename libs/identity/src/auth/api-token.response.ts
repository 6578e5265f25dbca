import { ApiProperty } from '@nestjs/swagger';
import { API_TOKEN_SCOPES, type ApiTokenEntity, type ApiTokenScope } from './api-token.entity';

/** An API token as its owner sees it in a list: never the token or its hash. */
export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid', example: '406e608c-6c46-4ea0-ac86-7a3b2bdb2f61' })
  id!: string;

  @ApiProperty({ example: 'Monitoring dashboard VNG' })
  name!: string;

  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({ enum: API_TOKEN_SCOPES, example: 'read' })
  scope!: ApiTokenScope;

  @ApiProperty({
    description: 'The first characters of the token, to recognise it.',
    example: 'sbt_Xk3v9Q',
  })
  tokenPrefix!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null: never.',
    example: '2027-06-30T22:00:00.000Z',
  })
  expiresAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-03T07:45:12.000Z',
  })
  lastUsedAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T13:20:05.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
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
