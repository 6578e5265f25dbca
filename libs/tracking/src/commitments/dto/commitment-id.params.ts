import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `/commitments/{id}`: a malformed id is a 400 problem, not a failed query. */
export class CommitmentIdParams {
  @ApiProperty({ format: 'uuid', description: 'The commitment.' })
  @IsUUID()
  id!: string;
}
