import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds';
import {
  DELIVERY_STATES,
  type DeliveryState,
  type EmailDeliveryEntity,
} from './email-delivery.entity';

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({ enum: [...NOTIFICATION_KINDS], enumName: 'NotificationKind' })
  kind!: NotificationKind;
  @ApiProperty({ format: 'uuid', description: 'The recipient.' }) userId!: string;
  @ApiProperty({ enum: ['email'] }) channel!: 'email';
  @ApiProperty({ enum: [...DELIVERY_STATES], enumName: 'DeliveryState' }) state!: DeliveryState;
  @ApiProperty({ description: 'Sending attempts so far.' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The mail server's answer to the last failed attempt.",
  })
  lastError!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Sent in this daily digest.',
  })
  digestId!: string | null;
  @ApiProperty({ nullable: true, type: String }) messageId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
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
