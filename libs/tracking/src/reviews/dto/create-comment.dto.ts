import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsOmittable, NOT_BLANK } from '@app/core';
import { POSITIONS, type Position } from '../comment.entity';

/** POST /actions/{id}/comments */
export class CreateCommentDto {
  @ApiProperty({
    maxLength: 10_000,
    example: 'De VNG steunt de aanpak, mits de uitvoeringskosten worden meegenomen.',
  })
  @IsString()
  @MaxLength(10_000)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @ApiPropertyOptional({
    enum: [...POSITIONS],
    enumName: 'PartnerPosition',
    description: "Your organisation's position on the action; only for partner organisations.",
  })
  @IsOmittable()
  @IsIn(POSITIONS)
  position?: Position;
}
