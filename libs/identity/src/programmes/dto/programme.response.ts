import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../access/permissions';
import { OPEN_DATA_LICENCE_IDS, type OpenDataLicence } from '../open-data-licences';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  id!: string;

  @ApiProperty({ example: 'Actieagenda Sterk Bestuur', maxLength: 200 })
  name!: string;

  @ApiProperty({
    description: 'Unique, lower-case kebab-case handle.',
    example: 'actieagenda-sterk-bestuur',
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    maxLength: 80,
  })
  slug!: string;

  @ApiProperty({ example: 'De actieagenda focust op het samenspel tussen overheden.' })
  description!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2023-06-01' })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-12-31' })
  endDate!: string | null;

  @ApiProperty({ enum: [...PROGRAMME_STATUSES], enumName: 'ProgrammeStatus', example: 'active' })
  status!: ProgrammeStatus;

  @ApiProperty({
    enum: OPEN_DATA_LICENCE_IDS,
    enumName: 'OpenDataLicence',
    description:
      'The licence of the open data: `cc0-1.0` (CC0 1.0, the default), `cc-by-4.0` (CC BY 4.0) ' +
      'or `pdm-1.0` (Public Domain Mark 1.0, Publiek Domein).',
    example: 'cc0-1.0',
  })
  openDataLicence!: OpenDataLicence;

  @ApiProperty({
    type: String,
    enum: [...PROGRAMME_ROLES],
    nullable: true,
    description:
      "The caller's role in this programme; null for a platform administrator who is not a member.",
    example: 'coordinator',
  })
  role!: ProgrammeRole | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  updatedAt!: string;
}
