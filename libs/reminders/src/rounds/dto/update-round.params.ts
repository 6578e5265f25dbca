import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';
import { IsOmittable, LowerCase, PageQueryDto, QueryBoolean } from '@app/core';

/** `/programmes/{id}/update-rounds/{roundId}` */
export class UpdateRoundParams {
  @ApiProperty({ format: 'uuid', description: 'The programme.' })
  @LowerCase()
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'An update round of the programme.' })
  @LowerCase()
  @IsUUID()
  roundId!: string;
}

export class ListRoundActionsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only the actions that were (true) or were not (false) updated.',
  })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  updated?: boolean;
}
