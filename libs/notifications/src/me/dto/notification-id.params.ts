import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

export class NotificationParams {
  @ApiProperty({
    format: 'uuid',
    description: 'One of your notifications.',
    example: '8050b07c-3a0f-4a4b-995e-b4209143cc8d',
  })
  @LowerCase()
  @IsUUID()
  id!: string;
}
