import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { LowerCase } from '@app/core';

export class NotificationParams {
  @ApiProperty({ format: 'uuid', description: 'One of your notifications.' })
  @LowerCase()
  @IsUUID()
  id!: string;
}
