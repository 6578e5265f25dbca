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
  @ApiPropertyOptional({ type: Link, description: 'The action it is about.' }) action?: Link;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...NOTIFICATION_KINDS], enumName: 'NotificationKind' })
  kind!: NotificationKind;
  @ApiProperty({
    enum: [...NOTIFICATION_REASONS],
    enumName: 'NotificationReason',
    description: 'Why you get it.',
  })
  reason!: NotificationReason;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) programmeId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actionId!: string | null;
  @ApiProperty({ example: 'Deadline over 3 dagen: Beleidskader decentraal bestuur' })
  title!: string;
  @ApiProperty({ description: 'The details, one per line.' }) body!: string;
  @ApiProperty({ example: 'U ontvangt dit omdat u eigenaar van deze actie bent.' })
  reasonText!: string;
  @ApiProperty({ enum: ['nl', 'en'], description: 'The language of title, body and reasonText.' })
  language!: Language;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
  @ApiProperty({ type: NotificationLinks }) _links!: NotificationLinks;
}

export function mapNotification(
  row: NotificationEntity,
  language: Language,
  baseUrl: string,
): NotificationResponse {
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
    _links: row.actionId ? { action: { href: `${baseUrl}/v1/actions/${row.actionId}` } } : {},
  };
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse] }) data!: NotificationResponse[];
  @ApiProperty({ description: 'How many of your notifications are unread (all, not this page).' })
  unreadCount!: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'How many notifications this marked read.' }) marked!: number;
  @ApiProperty({ description: 'Unread afterwards (0, unless new ones came in meanwhile).' })
  unreadCount!: number;
}
