import { ApiProperty } from '@nestjs/swagger';

/** A line of work of the programme's agenda (actielijn). */
export class TrackResponse {
  @ApiProperty({ format: 'uuid', example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({
    example: 'Passende verdeling van taken en bevoegdheden tussen overheden',
    maxLength: 200,
  })
  name!: string;

  @ApiProperty({ example: '' })
  description!: string;

  @ApiProperty({
    minimum: 0,
    description:
      'Place in the programme, from 0; the tracks of a programme are numbered 0, 1, 2, …',
    example: 1,
  })
  position!: number;

  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  updatedAt!: string;
}
