import { ProgrammeFields } from './programme-fields';

/** PATCH /programmes/{id}/tracks/{trackId}: only the fields sent change. */
export class UpdateTrackDto {
  @ProgrammeFields.name('omittable', { example: 'Investeren in de onderlinge samenwerking' })
  name?: string;

  @ProgrammeFields.description({ example: '' })
  description?: string;

  @ProgrammeFields.trackPosition({
    description:
      'Moves the track to this place (0 = first); the tracks in between shift by one. ' +
      'Past the end: the track becomes the last.',
    example: 2,
  })
  position?: number;
}
