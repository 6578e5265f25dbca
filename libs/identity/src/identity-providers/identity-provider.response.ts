import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import {
  mapOrganisationSummary,
  OrganisationSummary,
} from '../organisations/organisation.response';
import type { IdentityProviderEntity } from './identity-provider.entity';

/** An identity provider as the API shows it: everything but the client secret. */
export class IdentityProviderResponse {
  @ApiProperty({ format: 'uuid', example: 'b153b300-8b73-4664-8a03-be1af7d3e3ae' })
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

  @ApiProperty({ example: false })
  createUsers!: boolean;

  @ApiProperty({ example: false })
  passwordSignInDisabled!: boolean;

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({
    minimum: 1,
    description: 'Also the ETag; send it back in If-Match to change.',
    example: 3,
  })
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
