import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPE_NAMES, type WebhookEventType } from '../events/webhook-event-types';
import {
  WEBHOOK_DELIVERY_STATES,
  type WebhookDeliveryState,
} from '../delivery/webhook-delivery.entity';
import { EVENT_TYPES_EXAMPLE, URL_EXAMPLE } from './webhook-examples';

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
