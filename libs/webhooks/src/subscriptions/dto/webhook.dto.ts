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

const URL_EXAMPLE = 'https://koppelingen.vng.nl/sterk-bestuur/gebeurtenissen';
const EVENT_TYPES_EXAMPLE: WebhookEventType[] = [
  'nl.sterk-bestuur.action.progress-posted',
  'nl.sterk-bestuur.action.closed',
];

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

export class WebhookResponse {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-7b64-4d0e-9a51-2c8f6e4b1d07' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({ example: URL_EXAMPLE })
  url!: string;

  @ApiProperty({ example: 'Voortgang naar het VNG-dashboard' })
  description!: string;

  @ApiProperty({
    enum: WEBHOOK_EVENT_TYPE_NAMES,
    enumName: 'WebhookEventType',
    isArray: true,
    example: EVENT_TYPES_EXAMPLE,
  })
  eventTypes!: WebhookEventType[];

  @ApiProperty({ type: [String], format: 'uuid', example: [] })
  trackIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', example: [] })
  organisationIds!: string[];

  @ApiProperty({
    description:
      'Off: nothing is sent. Switched off by the system after a day of failed deliveries (see `disabledReason`).',
    example: true,
  })
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  disabledReason!: string | null;

  @ApiProperty({
    type: String,
    // null among the values: OpenAPI 3.0's way to let a nullable enum be null.
    enum: ['person', 'deliveries_failed', null],
    nullable: true,
    description:
      'Who switched it off: a person (`person`), or the system after a day of failed deliveries (`deliveries_failed`); null while on.',
    example: null,
  })
  disabledBy!: 'person' | 'deliveries_failed' | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the previous secret still signs, after a rotation.',
    example: null,
  })
  previousSecretExpiresAt!: string | null;

  @ApiProperty({
    format: 'uuid',
    description: 'Who made it (or whose API token did).',
    example: '201fdcf1-330e-47bc-8838-b0f625447b80',
  })
  ownerUserId!: string;

  @ApiProperty({
    description: 'Made with an API token (an integration), not in the web app.',
    example: false,
  })
  madeWithApiToken!: boolean;

  @ApiProperty({ description: 'Deliveries waiting to be sent or retried.', example: 0 })
  pendingDeliveries!: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T09:12:44.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T09:12:44.000Z' })
  updatedAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-03T14:02:10.000Z',
  })
  lastDeliveryAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-03T14:02:10.000Z',
  })
  lastSuccessAt!: string | null;

  @ApiProperty({ description: 'Changes with every change (the ETag).', example: 1 })
  version!: number;
}

export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    description:
      'The signing secret (Standard Webhooks: `whsec_` and the key in base64), in this answer only: keep it where the receiver can read it.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5cR1pEoOkTo=',
  })
  secret!: string;
}

export class WebhooksResponse {
  @ApiProperty({ type: [WebhookResponse] })
  items!: WebhookResponse[];
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', example: 'f73a736e-ac4b-4dc3-8ab5-1b1d8b5fe554' })
  id!: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'The CloudEvent `id` and `webhook-id`: the same on every attempt, to deduplicate on.',
    example: '58fc346f-3a59-4a0f-b90b-743bb761bdab',
  })
  eventId!: string;

  @ApiProperty({ example: 'nl.sterk-bestuur.action.progress-posted' })
  eventType!: string;

  @ApiProperty({
    description: 'What the event is about: deliveries of one subject go in order.',
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  subject!: string;

  @ApiProperty({
    enum: [...WEBHOOK_DELIVERY_STATES],
    enumName: 'WebhookDeliveryState',
    example: 'delivered',
  })
  state!: WebhookDeliveryState;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a pending delivery is tried next.',
    example: null,
  })
  nextAttemptAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-03T14:02:10.000Z',
  })
  lastAttemptAt!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The receiver's last HTTP status.",
    example: 204,
  })
  lastStatusCode!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How long the last attempt took.',
    example: 84,
  })
  lastDurationMs!: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  lastError!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The first 200 characters of the last answer: no more is kept.',
    example: null,
  })
  responseExcerpt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-03T14:02:10.000Z',
  })
  deliveredAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-03T14:02:09.000Z' })
  createdAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The CloudEvent as it is sent (structured JSON mode).',
    example: {
      specversion: '1.0',
      id: '58fc346f-3a59-4a0f-b90b-743bb761bdab',
      source: 'urn:nld:systeem:sterk-bestuur-tracker',
      type: 'nl.sterk-bestuur.action.progress-posted',
      subject: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
      time: '2026-12-03T14:02:09.000Z',
      datacontenttype: 'application/json',
      dataref:
        'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee/progress-updates',
      sequence: '0000000000000012345-00',
      data: {
        programmeId: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
        actionId: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
        progressUpdateId: '1afadef7-b1bd-4e5a-89f5-e04e33c2d362',
        changes: { percentComplete: { old: 40, new: 60 } },
      },
    },
  })
  event!: Record<string, unknown>;
}

export class PingResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'The delivery of the ping: follow it in the delivery log.',
    example: 'f73a736e-ac4b-4dc3-8ab5-1b1d8b5fe554',
  })
  deliveryId!: string;

  @ApiProperty({ format: 'uuid', example: '58fc346f-3a59-4a0f-b90b-743bb761bdab' })
  eventId!: string;
}
