import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ActionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
