import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable, MAX_TRACK_POSITION, NOT_BLANK } from './validators';

/** PATCH /programmes/{id}/tracks/{trackId}: only the fields sent change. */
export class UpdateTrackDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Investeren in de onderlinge samenwerking' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 10_000, example: '' })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_TRACK_POSITION,
    description:
      'Moves the track to this place (0 = first); the tracks in between shift by one. ' +
      'Past the end: the track becomes the last.',
    example: 2,
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_TRACK_POSITION)
  position?: number;
}
