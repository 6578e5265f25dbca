import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsOmittable, LowerCase, PageQueryDto } from '@app/core';
import { DELIVERY_STATES, type DeliveryState } from './email-delivery.entity';

export class ListDeliveriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...DELIVERY_STATES], enumName: 'DeliveryState' })
  @IsOmittable()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only those to this person.' })
  @IsOmittable()
  @IsUUID()
  user?: string;
}

/** `/programmes/{id}/deliveries/{deliveryId}` */
export class DeliveryParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The programme.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @LowerCase()
  @IsUUID()
  id!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'An e-mail delivery of the programme.',
    example: 'c107b5a5-4853-4a32-921e-d3d68f6347ea',
  })
  @LowerCase()
  @IsUUID()
  deliveryId!: string;
}
