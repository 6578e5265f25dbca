import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ApiTokenIdParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The id of one of your API tokens.',
    example: '406e608c-6c46-4ea0-ac86-7a3b2bdb2f61',
  })
  @IsUUID()
  id!: string;
}
