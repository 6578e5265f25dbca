import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '@app/core';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../api-token.entity';

export class CreateApiTokenDto {
  @ApiProperty({
    description: 'What the token is for, to recognise it later.',
    maxLength: 100,
    example: 'Monitoring dashboard VNG',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    description: 'The one programme the token may act in; you must be a member of it.',
    format: 'uuid',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @IsUUID()
  programmeId!: string;

  @ApiProperty({
    enum: API_TOKEN_SCOPES,
    description: '`read` only reads; `write` may also change what your role allows.',
    example: 'read',
  })
  @IsIn(API_TOKEN_SCOPES)
  scope!: ApiTokenScope;

  @ApiPropertyOptional({
    description: 'When the token stops working (an instant in the future). Absent: never.',
    format: 'date-time',
    example: '2027-06-30T22:00:00Z',
  })
  @IsOmittable()
  @IsISO8601({ strict: true, strictSeparator: true })
  // An instant, not a local time: the offset is required.
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/i, { message: 'expiresAt must include a time zone offset' })
  expiresAt?: string;
}
