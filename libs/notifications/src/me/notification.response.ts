import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import {
  type Language,
  NOTIFICATION_KINDS,
  NOTIFICATION_REASONS,
  type NotificationKind,
  type NotificationReason,
} from '../notification-kinds';
import type { NotificationEntity } from '../notification.entity';
import { notificationText } from '../rendering/notification-text';

export class NotificationLinks {
  @ApiPropertyOptional({
    type: Link,
    description: 'The action it is about.',
    example: { href: 'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' },
  })
  action?: Link;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid', example: '8050b07c-3a0f-4a4b-995e-b4209143cc8d' }) id!: string;
  @ApiProperty({ enum: [...NOTIFICATION_KINDS], enumName: 'NotificationKind' })
  kind!: NotificationKind;
  @ApiProperty({
    enum: [...NOTIFICATION_REASONS],
    enumName: 'NotificationReason',
    description: 'Why you get it.',
  })
  reason!: NotificationReason;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  programmeId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  actionId!: string | null;
  @ApiProperty({ example: 'Deadline over 3 dagen: Beleidskader decentraal bestuur' })
  title!: string;
  @ApiProperty({
    description: 'The details, one per line.',
    example:
      'Actie: Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen\nDeadline: 31 maart 2027\nTrekker: Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  })
  body!: string;
  @ApiProperty({ example: 'U ontvangt dit omdat u eigenaar van deze actie bent.' })
  reasonText!: string;
  @ApiProperty({ enum: ['nl', 'en'], description: 'The language of title, body and reasonText.' })
  language!: Language;
  @ApiProperty({ format: 'date-time', example: '2027-03-29T07:00:03.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) readAt!:
    string | null;
  @ApiProperty({ type: NotificationLinks }) _links!: NotificationLinks;
}

/** A notification as the libs answer it: the response without its `_links`, which the API adds. */
export type NotificationBody = Omit<NotificationResponse, '_links'>;

export function mapNotification(row: NotificationEntity, language: Language): NotificationBody {
  const text = notificationText(row.kind, row.reason, row.payload, language);
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    programmeId: row.programmeId,
    actionId: row.actionId,
    title: text.title,
    body: text.lines.join('\n'),
    reasonText: text.reason,
    language,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse] }) data!: NotificationResponse[];
  @ApiProperty({ description: 'How many of your notifications are unread (all, not this page).' })
  unreadCount!: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'How many notifications this marked read.', example: 5 })
  marked!: number;
  @ApiProperty({
    description: 'Unread afterwards (0, unless new ones came in meanwhile).',
    example: 0,
  })
  unreadCount!: number;
}
