import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `/audit-events/{sequence}`: a malformed number is a 400 problem, not a failed query. */
export class AuditEventParams {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    description: 'The sequence number of the event.',
    example: 1024,
  })
  @Matches(/^[1-9]\d{0,15}$/, { message: 'sequence must be a positive integer' })
  sequence!: string;
}
