import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ApiTokenIdParams {
  @ApiProperty({ format: 'uuid', description: 'The id of one of your API tokens.' })
  @IsUUID()
  id!: string;
}
