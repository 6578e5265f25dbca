import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of one user: a malformed id is a 400 problem, not a failed query. */
export class UserIdParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The user id.',
    example: '773ff967-ba75-4bb7-80ed-20bf1213a62f',
  })
  @IsUUID()
  id!: string;
}
