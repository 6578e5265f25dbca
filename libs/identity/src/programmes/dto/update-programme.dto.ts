import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { OPEN_DATA_LICENCE_IDS, type OpenDataLicence } from '../open-data-licences';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';
import {
  IsDateOnly,
  IsNullable,
  IsOmittable,
  NOT_BLANK,
  SLUG_MESSAGE,
  SLUG_PATTERN,
} from './validators';

/** PATCH /programmes/{id}: only the fields sent change; null clears a date. */
export class UpdateProgrammeDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Actieagenda Sterk Bestuur' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({
    maxLength: 80,
    pattern: SLUG_PATTERN.source,
    example: 'actieagenda-sterk-bestuur',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @ApiPropertyOptional({ maxLength: 10_000, example: 'Samenspel tussen overheden.' })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2023-06-01',
    description: 'null clears it.',
  })
  @IsNullable()
  @IsDateOnly()
  startDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-12-31',
    description: 'On or after startDate; null clears it.',
  })
  @IsNullable()
  @IsDateOnly()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: [...PROGRAMME_STATUSES], enumName: 'ProgrammeStatus' })
  @IsOmittable()
  @IsIn(PROGRAMME_STATUSES)
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
