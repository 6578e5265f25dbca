import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

const PROGRAMME_ID = {
  format: 'uuid',
  description: 'The programme.',
  example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
} as const;

/** `/programmes/{id}` */
export class ProgrammeParams {
  @ApiProperty(PROGRAMME_ID)
  @IsUUID()
  id!: string;
}

/** `/programmes/{id}/tracks/{trackId}` */
export class TrackParams extends ProgrammeParams {
  @ApiProperty({
    format: 'uuid',
    description: 'A track of the programme.',
    example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c',
  })
  @IsUUID()
  trackId!: string;
}

/** `/programmes/{id}/members/{membershipId}` */
export class MemberParams extends ProgrammeParams {
  @ApiProperty({
    format: 'uuid',
    description: 'A membership of the programme (the `id` of a member).',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsUUID()
  membershipId!: string;
}
