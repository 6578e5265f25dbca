import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable, Trim } from '../../organisations/dto/optional';

/** What users may change about themselves: their name, nothing that grants anything. */
export class UpdateMeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Jan Jansen' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}
