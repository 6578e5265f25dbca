import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

export class ReportExportParams {
  @ApiProperty({ format: 'uuid' })
  @LowerCase()
  @IsUUID()
  id!: string;
}
