import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of one organisation: a malformed id is a 400 problem, not a failed query. */
export class OrganisationIdParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The organisation id.',
    example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  @IsUUID()
  id!: string;
}
