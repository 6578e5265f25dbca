import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';
import {
  IsDateOnly,
  IsNullable,
  IsOmittable,
  NOT_BLANK,
  SLUG_MESSAGE,
  SLUG_PATTERN,
} from './validators';

/** POST /programmes */
export class CreateProgrammeDto {
  @ApiProperty({ maxLength: 200, example: 'Actieagenda Sterk Bestuur' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    maxLength: 80,
    pattern: SLUG_PATTERN.source,
    description: 'Unique, lower-case kebab-case handle.',
    example: 'actieagenda-sterk-bestuur',
  })
  @IsString()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @ApiPropertyOptional({ maxLength: 10_000, default: '', example: 'Samenspel tussen overheden.' })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2023-06-01',
    description: 'null or left out: no start date.',
  })
  @IsNullable()
  @IsDateOnly()
  startDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'On or after startDate; null or left out: no end date.',
    example: '2027-12-31',
  })
  @IsNullable()
  @IsDateOnly()
  endDate?: string | null;

  @ApiPropertyOptional({
    enum: [...PROGRAMME_STATUSES],
    enumName: 'ProgrammeStatus',
    default: 'active',
  })
  @IsOmittable()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An active user to make the first coordinator, in the same transaction.',
    example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  })
  @IsOmittable()
  @IsUUID()
  coordinatorUserId?: string;
}
