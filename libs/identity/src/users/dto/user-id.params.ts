import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of one user: a malformed id is a 400 problem, not a failed query. */
export class UserIdParams {
  @ApiProperty({ format: 'uuid', description: 'The user id.' })
  @IsUUID()
  id!: string;
}
