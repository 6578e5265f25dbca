import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '@app/core';

export class VerifyAuditChainQuery {
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    description:
      'Check from this sequence on (incremental checks; the link to the event before it is checked too). Default: the first event.',
    example: 1,
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  from?: number;
}
