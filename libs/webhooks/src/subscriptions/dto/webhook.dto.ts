import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable, LowerCase, PageQueryDto, Trim } from '@app/core';
import { WEBHOOK_EVENT_TYPE_NAMES, type WebhookEventType } from '../../events/webhook-event-types';
import {
  WEBHOOK_DELIVERY_STATES,
  type WebhookDeliveryState,
} from '../../delivery/webhook-delivery.entity';
import { EVENT_TYPES_EXAMPLE, URL_EXAMPLE } from '../webhook-examples';

const UrlField = () =>
  applyDecorators(
    ApiProperty({
      description:
        'Where the events are POSTed: `https://` (http only where the installation allows it for development). It may not resolve to a loopback, private or link-local address.',
      maxLength: 2000,
      example: URL_EXAMPLE,
    }),
    Trim(),
    IsString(),
    MaxLength(2000),
  );

const EventTypesField = () =>
  applyDecorators(
    ApiProperty({
      description: 'The event types to send (README "Webhooks" says what each means).',
      enum: WEBHOOK_EVENT_TYPE_NAMES,
      enumName: 'WebhookEventType',
      isArray: true,
      minItems: 1,
      maxItems: WEBHOOK_EVENT_TYPE_NAMES.length,
      example: EVENT_TYPES_EXAMPLE,
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(WEBHOOK_EVENT_TYPE_NAMES.length),
    ArrayUnique(),
    IsIn(WEBHOOK_EVENT_TYPE_NAMES, { each: true }),
  );

const DescriptionField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'What it is for, to recognise it later.',
      maxLength: 200,
      example: 'Voortgang naar het VNG-dashboard',
    }),
    IsOmittable(),
    Trim(),
    IsString(),
    MaxLength(200),
  );

const IdsFilterField = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description,
      type: [String],
      format: 'uuid',
      maxItems: 50,
      example: [example],
    }),
    IsOmittable(),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    IsUUID(undefined, { each: true }),
    LowerCase(),
  );
const TRACKS =
  'Only the events of actions (and their comments) in these tracks; empty or absent: every track. Events about commitments, update rounds and exports are not narrowed by it.';
const ORGANISATIONS =
  'Only the events of actions (and their comments) that these organisations own or take part in as partners; empty or absent: every organisation.';

export class CreateWebhookDto {
  @UrlField()
  url!: string;

  @EventTypesField()
  eventTypes!: WebhookEventType[];

  @DescriptionField()
  description?: string;

  @IdsFilterField(TRACKS, '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c')
  trackIds?: string[];

  @IdsFilterField(ORGANISATIONS, '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d')
  organisationIds?: string[];
}

/**
 * A change: the fields of a webhook, each omittable (only what is sent changes; null is not
 * "left out", so it stays invalid), and switching it off or on.
 */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    description:
      'Switch it off (`false`) or on again (`true`): switched on, the deliveries that were waiting or failed are sent; events that happened while it was off are not.',
    example: true,
  })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    description:
      'How long the old secret still signs too (every message then carries two signatures), in hours: time to give the receiver the new one. 0 ends the old one at once.',
    minimum: 0,
    maximum: 168,
    default: 24,
    example: 24,
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(168)
  previousSecretValidHours?: number;
}

/** `/programmes/{id}/webhooks/{webhookId}` */
export class WebhookParams {
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
    description: 'A webhook of the programme.',
    example: '3f1c2a9e-7b64-4d0e-9a51-2c8f6e4b1d07',
  })
  @LowerCase()
  @IsUUID()
  webhookId!: string;
}

/** `/programmes/{id}/webhooks/{webhookId}/deliveries/{deliveryId}` */
export class WebhookDeliveryParams extends WebhookParams {
  @ApiProperty({
    format: 'uuid',
    description: 'A delivery of the webhook.',
    example: 'f73a736e-ac4b-4dc3-8ab5-1b1d8b5fe554',
  })
  @LowerCase()
  @IsUUID()
  deliveryId!: string;
}

export class ListWebhookDeliveriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...WEBHOOK_DELIVERY_STATES], enumName: 'WebhookDeliveryState' })
  @IsOmittable()
  @IsIn(WEBHOOK_DELIVERY_STATES)
  state?: WebhookDeliveryState;
}
