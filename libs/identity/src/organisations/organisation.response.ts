import { ApiProperty } from '@nestjs/swagger';
import {
  ORGANISATION_KINDS,
  type OrganisationEntity,
  type OrganisationKind,
} from './organisation.entity';

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  id!: string;

  @ApiProperty({ example: 'VNG' })
  code!: string;

  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  kind!: OrganisationKind;

  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:30:00.000Z' })
  updatedAt!: string;
}

/** What other resources say about an organisation they refer to. */
export class OrganisationSummary {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  id!: string;

  @ApiProperty({ example: 'VNG' })
  code!: string;

  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' })
  name!: string;
}

export function mapOrganisation(organisation: OrganisationEntity): OrganisationResponse {
  return {
    id: organisation.id,
    code: organisation.code,
    name: organisation.name,
    kind: organisation.kind,
    createdAt: organisation.createdAt.toISOString(),
    updatedAt: organisation.updatedAt.toISOString(),
  };
}

export function mapOrganisationSummary(organisation: OrganisationEntity): OrganisationSummary {
  return { id: organisation.id, code: organisation.code, name: organisation.name };
}
