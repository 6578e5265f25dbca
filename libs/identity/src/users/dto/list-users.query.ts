import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { QueryBoolean } from '../../organisations/dto/optional';

export const USER_SORT_KEYS = ['displayName', 'email', 'createdAt'] as const;

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only users of this organisation.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) users.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({
    description: 'Finds users whose e-mail address or display name contains this text (any case).',
    maxLength: 200,
    example: 'jansen',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Sort keys, comma-separated; a leading minus sorts descending. Keys: displayName (default), email, createdAt.',
    example: '-createdAt',
    default: 'displayName',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
