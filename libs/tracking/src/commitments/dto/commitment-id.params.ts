import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

/** `/commitments/{id}`: a malformed id is a 400 problem, not a failed query. */
export class CommitmentIdParams {
  @ApiProperty({ format: 'uuid', description: 'The commitment.' })
  @LowerCase()
  @IsUUID()
  id!: string;
}
