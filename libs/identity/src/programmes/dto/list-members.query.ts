import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsOmittable, PageQueryDto } from '@app/core';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../access/permissions';

export const MEMBER_SORT_KEYS = ['displayName', 'email', 'createdAt'] as const;

/** GET /programmes/{id}/members */
export class ListMembersQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: `Comma-separated keys of ${MEMBER_SORT_KEYS.join(', ')}; a leading minus sorts descending.`,
    default: 'displayName',
    example: 'email',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;

  @ApiPropertyOptional({ enum: [...PROGRAMME_ROLES], enumName: 'ProgrammeRole' })
  @IsOmittable()
  @IsIn(PROGRAMME_ROLES)
  role?: ProgrammeRole;
}
