import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.entity';
import { ORGANISATION_CODE_PATTERN } from './create-organisation.dto';
import { IsOmittable, Trim } from './optional';

/** Changes to an organisation; absent properties stay as they are. */
export class UpdateOrganisationDto {
  @ApiPropertyOptional({ pattern: ORGANISATION_CODE_PATTERN.source, example: 'UVW' })
  @IsOmittable()
  @IsString()
  @Matches(ORGANISATION_CODE_PATTERN, {
    message: 'code must be upper-case: a letter, then 1 to 15 letters, digits or hyphens',
  })
  code?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Unie van Waterschappen' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @IsOmittable()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}
