import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { NotificationEntity } from './notification.entity';
import type { Language, Notice, NotificationKind } from './notification-kinds';

export type NotificationRow = NotificationEntity;

export interface Preferences {
  emailKinds: NotificationKind[];
  /** null: as the programme's reminder policy says. */
  digest: boolean | null;
  language: Language;
  updatedAt: Date | null;
}

const COLUMNS = `n.id, n.user_id AS "userId", n.programme_id AS "programmeId",
  n.action_id AS "actionId", n.kind, n.source_key AS "sourceKey", n.reason, n.payload,
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** In-app notifications and each person's preferences. Every read names its person. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the notices that are new; a cause already notified to a person (its source key)
   * is left alone. Answers the rows inserted now.
   */
  async insert(manager: EntityManager, notices: readonly Notice[]): Promise<NotificationRow[]> {
    if (notices.length === 0) return [];
    return manager.query<NotificationRow[]>(
      `INSERT INTO notifications AS n (user_id, programme_id, action_id, kind, source_key, reason, payload)
       SELECT "userId", "programmeId", "actionId", kind, "sourceKey", reason, payload
         FROM jsonb_to_recordset($1::jsonb) AS x("userId" uuid, "programmeId" uuid,
              "actionId" uuid, kind text, "sourceKey" text, reason text, payload jsonb)
       ON CONFLICT (user_id, source_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [JSON.stringify(notices)],
    );
  }

  /** One page of a person's notifications, newest first. */
  page(
    userId: string,
    filter: { unread?: boolean; programmeId?: string },
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<NotificationEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.user_id = :userId', { userId });
    if (filter.unread !== undefined) {
      query.andWhere(filter.unread ? 'n.read_at IS NULL' : 'n.read_at IS NOT NULL');
    }
    if (filter.programmeId) {
      query.andWhere('n.programme_id = :programmeId', { programmeId: filter.programmeId });
    }
    return paginateKeyset(query, {
      sort: [{ key: 'createdAt', direction: 'desc' }],
      columns: { createdAt: { expression: 'n.created_at' } },
      tiebreaker: 'n.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return row.count;
  }

  /** Marks one of the person's notifications read (once: a second time keeps the first time). */
  async markRead(userId: string, id: string, at: Date): Promise<NotificationRow | null> {
    const rows = await this.dataSource.query<NotificationRow[]>(
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, $3)
        WHERE n.id = $1 AND n.user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, at],
    );
    return (rows as unknown as [NotificationRow[], number])[0]?.[0] ?? null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      'UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL',
      [userId, at],
    );
    return count;
  }

  /** The preferences of these people; those who never chose get the defaults. */
  async preferences(
    userIds: readonly string[],
    defaults: Preferences,
    manager?: EntityManager,
  ): Promise<Map<string, Preferences>> {
    const rows =
      userIds.length === 0
        ? []
        : await (manager ?? this.dataSource.manager).query<(Preferences & { userId: string })[]>(
            `SELECT user_id AS "userId", email_kinds AS "emailKinds", digest, language,
                    updated_at AS "updatedAt"
               FROM notification_preferences WHERE user_id = ANY($1::uuid[])`,
            [userIds],
          );
    const found = new Map(rows.map(({ userId, ...preferences }) => [userId, preferences]));
    return new Map(userIds.map((userId) => [userId, found.get(userId) ?? defaults]));
  }

  async savePreferences(
    manager: EntityManager,
    userId: string,
    preferences: Omit<Preferences, 'updatedAt'>,
  ): Promise<Preferences> {
    const [row] = await manager.query<Preferences[]>(
      `INSERT INTO notification_preferences (user_id, email_kinds, digest, language, updated_at)
       VALUES ($1, $2::text[], $3, $4, now())
       ON CONFLICT (user_id) DO UPDATE
         SET email_kinds = EXCLUDED.email_kinds, digest = EXCLUDED.digest,
             language = EXCLUDED.language, updated_at = now()
       RETURNING email_kinds AS "emailKinds", digest, language, updated_at AS "updatedAt"`,
      [userId, preferences.emailKinds, preferences.digest, preferences.language],
    );
    return row;
  }
}
