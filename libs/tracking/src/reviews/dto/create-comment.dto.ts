import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { IsOmittable, NOT_BLANK } from '@app/core';
import { POSITIONS, type Position } from '../comment.entity';

export const MAX_MENTIONS = 20;

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
    example: 'supports',
  })
  @IsOmittable()
  @IsIn(POSITIONS)
  position?: Position;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_MENTIONS,
    description: 'Members of the programme to notify of this comment (user ids).',
    example: ['f4f87bc9-09b2-42e9-924e-8a4ded01cb33'],
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_MENTIONS)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id))
      : value,
  )
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentionedUserIds?: string[];
}
