import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import {
  IsMeOrUserId,
  IsOmittable,
  LowerCase,
  ME_OR_USER_ID,
  PageQueryDto,
  QueryBoolean,
} from '@app/core';
import { ROUND_STATES, type RoundState } from '../update-round.entity';

/** `/programmes/{id}/update-rounds/{roundId}` */
export class UpdateRoundParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The programme.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @LowerCase()
  @IsUUID()
  id!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'An update round of the programme.',
    example: 'db143eb0-4499-4ee7-9f4f-bf6919bc5897',
  })
  @LowerCase()
  @IsUUID()
  roundId!: string;
}

export class ListUpdateRoundsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    enum: [...ROUND_STATES],
    enumName: 'UpdateRoundState',
    description: '`open`: the rounds still asking for updates.',
  })
  @IsOmittable()
  @IsIn(ROUND_STATES)
  state?: RoundState;
}

export class ListRoundActionsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only the actions that were (true) or were not (false) updated.',
  })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  updated?: boolean;

  @ApiPropertyOptional({
    type: String,
    pattern: ME_OR_USER_ID.source,
    description: 'Only the actions this person owns: `me` for yourself, or a user id.',
    example: 'me',
  })
  @IsOmittable()
  @IsMeOrUserId()
  ownerUser?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the actions this organisation owns (is the trekker of).',
  })
  @IsOmittable()
  @LowerCase()
  @IsUUID()
  ownerOrganisation?: string;
}
