import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

export class ActionParams {
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' })
  @LowerCase()
  @IsUUID()
  id!: string;
}
