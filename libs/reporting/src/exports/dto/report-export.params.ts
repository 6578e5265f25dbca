import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

export class ReportExportParams {
  @ApiProperty({ format: 'uuid', example: '93c72cab-181e-42f2-bb5a-6093761e88c5' })
  @LowerCase()
  @IsUUID()
  id!: string;
}
