import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

/** `/commitments/{id}`: a malformed id is a 400 problem, not a failed query. */
export class CommitmentIdParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The commitment.',
    example: '21be4a3a-03cc-5c62-afa6-c307e622f717',
  })
  @LowerCase()
  @IsUUID()
  id!: string;
}
