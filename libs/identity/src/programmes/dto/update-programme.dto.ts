import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OPEN_DATA_LICENCE_IDS, type OpenDataLicence } from '../open-data-licences';
import type { ProgrammeStatus } from '../programme.entity';
import { ProgrammeFields } from './programme-fields';
import { IsOmittable } from './validators';

/** PATCH /programmes/{id}: only the fields sent change; null clears a date. */
export class UpdateProgrammeDto {
  @ProgrammeFields.name('omittable', { example: 'Actieagenda Sterk Bestuur' })
  name?: string;

  @ProgrammeFields.slug('omittable', { example: 'actieagenda-sterk-bestuur' })
  slug?: string;

  @ProgrammeFields.description({ example: 'Samenspel tussen overheden.' })
  description?: string;

  @ProgrammeFields.date({ example: '2023-06-01', description: 'null clears it.' })
  startDate?: string | null;

  @ProgrammeFields.date({
    example: '2027-12-31',
    description: 'On or after startDate; null clears it.',
  })
  endDate?: string | null;

  @ProgrammeFields.status({})
  status?: ProgrammeStatus;

  @ApiPropertyOptional({
    enum: OPEN_DATA_LICENCE_IDS,
    enumName: 'OpenDataLicence',
    description:
      'The licence the open data is published under (data.overheid.nl’s licence list): ' +
      '`cc0-1.0`, `cc-by-4.0` or `pdm-1.0`.',
    example: 'cc-by-4.0',
  })
  @IsOmittable()
  @IsIn(OPEN_DATA_LICENCE_IDS)
  openDataLicence?: OpenDataLicence;
}
