import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsOmittable, PageQueryDto } from '@app/core';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.entity';

export const ORGANISATION_SORT_KEYS = ['name', 'code'] as const;

export class ListOrganisationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @IsOmittable()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({
    description: 'Finds organisations whose name or code contains this text (any case).',
    maxLength: 200,
    example: 'gemeenten',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Sort keys, comma-separated; a leading minus sorts descending. Keys: name (default), code.',
    example: '-code',
    default: 'name',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
