import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOmittable, PageQueryDto } from '@app/core';
import { QueryBoolean } from '../../organisations/dto/optional';

export const USER_SORT_KEYS = ['displayName', 'email', 'createdAt'] as const;

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only users of this organisation.' })
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) users.' })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({
    description: 'Finds users whose e-mail address or display name contains this text (any case).',
    maxLength: 200,
    example: 'jansen',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Sort keys, comma-separated; a leading minus sorts descending. Keys: displayName (default), email, createdAt.',
    example: '-createdAt',
    default: 'displayName',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
