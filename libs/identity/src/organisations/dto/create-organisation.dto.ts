import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.entity';
import { Trim } from './optional';

/** Mirrors the database's ck_organisations_code. */
export const ORGANISATION_CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,15}$/;

export class CreateOrganisationDto {
  @ApiProperty({
    description: 'Short code, unique, upper-case: a letter, then 1–15 letters, digits or hyphens.',
    pattern: ORGANISATION_CODE_PATTERN.source,
    example: 'VNG',
  })
  @IsString()
  @Matches(ORGANISATION_CODE_PATTERN, {
    message: 'code must be upper-case: a letter, then 1 to 15 letters, digits or hyphens',
  })
  code!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Vereniging van Nederlandse Gemeenten' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind', example: 'association' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;
}
