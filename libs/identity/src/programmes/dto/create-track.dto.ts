import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable, MAX_TRACK_POSITION, NOT_BLANK } from './validators';

/** POST /programmes/{id}/tracks */
export class CreateTrackDto {
  @ApiProperty({
    maxLength: 200,
    example: 'Passende verdeling van taken en bevoegdheden tussen overheden',
  })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 10_000, default: '', example: '' })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_TRACK_POSITION,
    description:
      'Where to insert the track (0 = first); the tracks from there move down one place. ' +
      'Left out, or past the end: the track is appended.',
    example: 0,
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_TRACK_POSITION)
  position?: number;
}
