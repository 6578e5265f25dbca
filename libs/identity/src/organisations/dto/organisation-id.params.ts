import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of one organisation: a malformed id is a 400 problem, not a failed query. */
export class OrganisationIdParams {
  @ApiProperty({ format: 'uuid', description: 'The organisation id.' })
  @IsUUID()
  id!: string;
}
