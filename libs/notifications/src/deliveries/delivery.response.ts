import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds';
import {
  DELIVERY_STATES,
  type DeliveryState,
  type EmailDeliveryEntity,
} from './email-delivery.entity';

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid', example: 'c107b5a5-4853-4a32-921e-d3d68f6347ea' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '8050b07c-3a0f-4a4b-995e-b4209143cc8d' })
  notificationId!: string;
  @ApiProperty({ enum: [...NOTIFICATION_KINDS], enumName: 'NotificationKind' })
  kind!: NotificationKind;
  @ApiProperty({
    format: 'uuid',
    description: 'The recipient.',
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  userId!: string;
  @ApiProperty({ enum: ['email'] }) channel!: 'email';
  @ApiProperty({ enum: [...DELIVERY_STATES], enumName: 'DeliveryState', example: 'sent' })
  state!: DeliveryState;
  @ApiProperty({ description: 'Sending attempts so far.', example: 1 }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The mail server's answer to the last failed attempt.",
    example: null,
  })
  lastError!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Sent in this daily digest.',
    example: null,
  })
  digestId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '<8050b07c-3a0f-4a4b-995e-b4209143cc8d@tracker.example.nl>',
  })
  messageId!: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-03-29T07:00:03.000Z' }) createdAt!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    example: '2027-03-29T07:00:05.000Z',
  })
  sentAt!: string | null;
}

export function mapDelivery(row: EmailDeliveryEntity, kind: NotificationKind): DeliveryResponse {
  return {
    id: row.id,
    notificationId: row.notificationId,
    kind,
    userId: row.userId,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    digestId: row.digestId,
    messageId: row.messageId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
