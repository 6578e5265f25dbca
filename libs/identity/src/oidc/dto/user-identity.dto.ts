import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { UserIdentity } from '../oidc-sign-in.repository';

/** An account at an organisation's provider that a user signs in with. */
export class UserIdentityResponse {
  @ApiProperty({ format: 'uuid', example: 'e6609c94-a16a-478f-817a-a0326ef4ea66' })
  id!: string;

  @ApiProperty({
    description: 'The provider, as its ID tokens name it.',
    example: 'https://login.microsoftonline.com/0f1e…/v2.0',
  })
  issuer!: string;

  @ApiProperty({ description: 'The account at the provider (`sub`).', example: 'Z7kq…' })
  subject!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was linked.',
    example: '2026-10-05T08:12:40.000Z',
  })
  createdAt!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The latest sign-in through it.',
    example: '2026-12-03T07:58:02.000Z',
  })
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
  @ApiProperty({
    format: 'uuid',
    description: 'The user id.',
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  @IsUUID()
  id!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The link (user identity) id.',
    example: 'e6609c94-a16a-478f-817a-a0326ef4ea66',
  })
  @IsUUID()
  identityId!: string;
}
