import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { UserIdentity } from '../oidc-sign-in.repository';

/** An account at an organisation's provider that a user signs in with. */
export class UserIdentityResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    description: 'The provider, as its ID tokens name it.',
    example: 'https://login.microsoftonline.com/0f1e…/v2.0',
  })
  issuer!: string;

  @ApiProperty({ description: 'The account at the provider (`sub`).', example: 'Z7kq…' })
  subject!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was linked.' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The latest sign-in through it.' })
  lastSignInAt!: string;
}

export class UserIdentitiesResponse {
  @ApiProperty({ type: [UserIdentityResponse] })
  items!: UserIdentityResponse[];
}

export const mapUserIdentity = (identity: UserIdentity): UserIdentityResponse => ({
  id: identity.id,
  issuer: identity.issuer,
  subject: identity.subject,
  createdAt: identity.createdAt.toISOString(),
  lastSignInAt: identity.lastSignInAt.toISOString(),
});

/** One link of one user. */
export class UserIdentityParams {
  @ApiProperty({ format: 'uuid', description: 'The user id.' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The link (user identity) id.' })
  @IsUUID()
  identityId!: string;
}
