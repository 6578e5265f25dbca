import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOmittable, PageQueryDto } from '@app/core';

export const IDENTITY_PROVIDER_SORT_KEYS = ['displayName', 'createdAt'] as const;

export class ListIdentityProvidersQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the provider of this organisation.' })
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    description:
      'Sort keys, comma-separated; a leading minus sorts descending. Keys: displayName ' +
      '(default), createdAt.',
    example: '-createdAt',
    default: 'displayName',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
