import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsOmittable, PageQueryDto } from '@app/core';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';

export const PROGRAMME_SORT_KEYS = ['name', 'slug', 'createdAt'] as const;

/** GET /programmes */
export class ListProgrammesQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: `Comma-separated keys of ${PROGRAMME_SORT_KEYS.join(', ')}; a leading minus sorts descending.`,
    default: 'name',
    example: '-createdAt',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;

  @ApiPropertyOptional({ enum: [...PROGRAMME_STATUSES], enumName: 'ProgrammeStatus' })
  @IsOmittable()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;
}
