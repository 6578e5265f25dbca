import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import {
  mapOrganisationSummary,
  OrganisationSummary,
} from '../organisations/organisation.response';
import type { IdentityProviderEntity } from './identity-provider.entity';

/** An identity provider as the API shows it: everything but the client secret. */
export class IdentityProviderResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: OrganisationSummary })
  organisation!: OrganisationSummary;

  @ApiProperty({ example: 'Ministerie van BZK' })
  displayName!: string;

  @ApiProperty({ format: 'uri', example: 'https://login.example.nl/realms/bzk' })
  issuer!: string;

  @ApiProperty({ example: 'sterk-bestuur-tracker' })
  clientId!: string;

  @ApiProperty({
    description: 'A client secret is stored (encrypted); the secret itself is never answered.',
    example: true,
  })
  hasClientSecret!: boolean;

  @ApiProperty({ type: [String], example: ['openid', 'email', 'profile'] })
  scopes!: string[];

  @ApiProperty({ example: 'email' })
  emailClaim!: string;

  @ApiProperty({ type: [String], example: ['minbzk.nl'] })
  allowedDomains!: string[];

  @ApiProperty()
  createUsers!: boolean;

  @ApiProperty()
  passwordSignInDisabled!: boolean;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ minimum: 1, description: 'Also the ETag; send it back in If-Match to change.' })
  version!: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-06T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-06T09:30:00.000Z' })
  updatedAt!: string;
}

export function mapIdentityProvider(
  provider: IdentityProviderEntity,
  organisation: OrganisationEntity,
): IdentityProviderResponse {
  return {
    id: provider.id,
    organisation: mapOrganisationSummary(organisation),
    displayName: provider.displayName,
    issuer: provider.issuer,
    clientId: provider.clientId,
    hasClientSecret: provider.clientSecretEncrypted.length > 0,
    scopes: [...provider.scopes],
    emailClaim: provider.emailClaim,
    allowedDomains: [...provider.allowedDomains],
    createUsers: provider.createUsers,
    passwordSignInDisabled: provider.passwordSignInDisabled,
    enabled: provider.enabled,
    version: provider.version,
    createdAt: provider.createdAt.toISOString(),
    updatedAt: provider.updatedAt.toISOString(),
  };
}
