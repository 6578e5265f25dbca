import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of one identity provider: a malformed id is a 400 problem, not a failed query. */
export class IdentityProviderIdParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The identity provider id.',
    example: 'b153b300-8b73-4664-8a03-be1af7d3e3ae',
  })
  @IsUUID()
  id!: string;
}
