import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../access/permissions';

export class MemberOrganisation {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  id!: string;

  @ApiProperty({ example: 'VNG' })
  code!: string;

  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' })
  name!: string;
}

/** A user's membership of a programme, with what a colleague needs to know about them. */
export class MemberResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'The membership; use it to change the role or remove the member.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  userId!: string;

  @ApiProperty({ example: 'Sanne de Vries' })
  displayName!: string;

  @ApiProperty({ format: 'email', example: 'sanne.devries@vng.example.nl' })
  email!: string;

  @ApiProperty({
    description: 'False when the account is deactivated; the membership then grants nothing.',
    example: true,
  })
  isActive!: boolean;

  @ApiProperty({ type: MemberOrganisation })
  organisation!: MemberOrganisation;

  @ApiProperty({ enum: [...PROGRAMME_ROLES], enumName: 'ProgrammeRole', example: 'liaison' })
  role!: ProgrammeRole;

  @ApiProperty({
    format: 'date-time',
    description: 'When the user became a member.',
    example: '2026-01-15T09:30:00.000Z',
  })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  updatedAt!: string;
}
