import { ProgrammeFields } from './programme-fields';

/** POST /programmes/{id}/tracks */
export class CreateTrackDto {
  @ProgrammeFields.name('required', {
    example: 'Passende verdeling van taken en bevoegdheden tussen overheden',
  })
  name!: string;

  @ProgrammeFields.description({ default: '', example: '' })
  description?: string;

  @ProgrammeFields.trackPosition({
    description:
      'Where to insert the track (0 = first); the tracks from there move down one place. ' +
      'Left out, or past the end: the track is appended.',
    example: 0,
  })
  position?: number;
}
