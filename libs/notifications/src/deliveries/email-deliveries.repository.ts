import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import type {
  Language,
  NotificationKind,
  NotificationPayload,
  NotificationReason,
} from '../notification-kinds';
import { type DeliveryState, EmailDeliveryEntity } from './email-delivery.entity';

/** A delivery and its notification (aliases `d` and `n`), as `DeliveryToSend` reads them. */
const DELIVERY = `d.id, d.user_id AS "userId", n.source_key AS "sourceKey", d.state, d.attempts,
  d.digest_id AS "digestId", n.id AS "notificationId", n.kind, n.reason, n.payload,
  n.action_id AS "actionId"`;

/** A delivery with what its e-mail needs: the notification and the person. */
export interface DeliveryToSend {
  id: string;
  userId: string;
  /** The notification's cause: with the person and the channel, the delivery key. */
  sourceKey: string;
  state: DeliveryState;
  attempts: number;
  digestId: string | null;
  notificationId: string;
  kind: NotificationKind;
  reason: NotificationReason;
  payload: NotificationPayload;
  actionId: string | null;
  email: string;
  isActive: boolean;
  language: Language;
}

export interface DigestToSend {
  id: string;
  state: DeliveryState;
  attempts: number;
  digestDate: string;
  userId: string;
  email: string;
  isActive: boolean;
  language: Language;
}

export interface NewDelivery {
  notificationId: string;
  userId: string;
  programmeId: string | null;
  digestId: string | null;
}

/** E-mail deliveries and daily digests: rows first, the queue only carries their ids. */
@Injectable()
export class EmailDeliveriesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
  ) {}

  async insert(
    manager: EntityManager,
    deliveries: readonly NewDelivery[],
  ): Promise<{ id: string; digestId: string | null }[]> {
    if (deliveries.length === 0) return [];
    return manager.query(
      `INSERT INTO email_deliveries (notification_id, user_id, programme_id, digest_id)
       SELECT "notificationId", "userId", "programmeId", "digestId"
         FROM jsonb_to_recordset($1::jsonb)
           AS x("notificationId" uuid, "userId" uuid, "programmeId" uuid, "digestId" uuid)
       ON CONFLICT (notification_id, channel) DO NOTHING
       RETURNING id, digest_id AS "digestId"`,
      [JSON.stringify(deliveries)],
    );
  }

  /**
   * The pending digest of a person for a day, made if missing; null when that day's digest
   * went out already (the item then goes with a later one).
   */
  async openDigest(
    manager: EntityManager,
    userId: string,
    date: string,
    sendAt: Date,
  ): Promise<{ id: string; sendAt: Date } | null> {
    const rows = await manager.query<{ id: string; sendAt: Date }[]>(
      `INSERT INTO email_digests AS d (user_id, digest_date, send_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, digest_date) DO UPDATE SET send_at = LEAST(d.send_at, EXCLUDED.send_at)
         WHERE d.state = 'pending'
       RETURNING id, send_at AS "sendAt"`,
      [userId, date, sendAt],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks deliveries for sending. SKIP LOCKED: a second job for the same rows (a retry racing
   * the first, a reconciler's) finds them held and leaves them to the one holding them.
   */
  async lockDeliveries(manager: EntityManager, ids: readonly string[]): Promise<DeliveryToSend[]> {
    const rows = await manager.query<Omit<DeliveryToSend, 'email' | 'isActive'>[]>(
      `SELECT ${DELIVERY}, COALESCE(p.language, 'nl') AS language
         FROM email_deliveries d
         JOIN notifications n ON n.id = d.notification_id
         LEFT JOIN notification_preferences p ON p.user_id = d.user_id
        WHERE d.id = ANY($1::uuid[])
        ORDER BY d.id
        FOR UPDATE OF d SKIP LOCKED`,
      [ids],
    );
    return this.addressed(manager, rows);
  }

  /** Pending deliveries of these causes never tried yet (not those waiting for a retry). */
  async untried(sourceKeys: readonly string[]): Promise<string[]> {
    if (sourceKeys.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT d.id FROM notifications n JOIN email_deliveries d ON d.notification_id = n.id
        WHERE n.source_key = ANY($1::text[]) AND d.state = 'pending' AND d.attempts = 0
          AND d.digest_id IS NULL`,
      [sourceKeys],
    );
    return rows.map((row) => row.id);
  }

  /** Marks deliveries sent, each with its Message-ID, in one statement. */
  async settleSent(
    manager: EntityManager,
    rows: readonly { id: string; messageId: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE email_deliveries d
          SET state = 'sent', attempts = d.attempts + 1, sent_at = now(), updated_at = now(),
              message_id = x."messageId"
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "messageId" text)
        WHERE d.id = x.id`,
      [JSON.stringify(rows)],
    );
  }

  async lockDigest(manager: EntityManager, id: string): Promise<DigestToSend | null> {
    const rows = await manager.query<Omit<DigestToSend, 'email' | 'isActive'>[]>(
      `SELECT d.id, d.state, d.attempts, to_char(d.digest_date, 'YYYY-MM-DD') AS "digestDate",
              d.user_id AS "userId", COALESCE(p.language, 'nl') AS language
         FROM email_digests d
         LEFT JOIN notification_preferences p ON p.user_id = d.user_id
        WHERE d.id = $1
        FOR UPDATE OF d SKIP LOCKED`,
      [id],
    );
    const [digest] = await this.addressed(manager, rows);
    return digest ?? null;
  }

  /** The rows with their person's address and whether the account is active (identity's). */
  private async addressed<T extends { userId: string }>(
    manager: EntityManager,
    rows: readonly T[],
  ): Promise<(T & { email: string; isActive: boolean })[]> {
    const people = new Map(
      (await this.people.people([...new Set(rows.map((row) => row.userId))], manager)).map(
        (person) => [person.id, person],
      ),
    );
    return rows.flatMap((row) => {
      const person = people.get(row.userId);
      return person ? [{ ...row, email: person.email, isActive: person.isActive }] : [];
    });
  }

  /** The pending items of a digest, oldest first. */
  digestItems(manager: EntityManager, digestId: string): Promise<DeliveryToSend[]> {
    return manager.query<DeliveryToSend[]>(
      `SELECT ${DELIVERY}
         FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.digest_id = $1 AND d.state = 'pending'
        ORDER BY d.created_at, d.id`,
      [digestId],
    );
  }

  /** Records the outcome of one attempt; `sent` with the Message-ID, else the error. */
  async settle(
    manager: EntityManager,
    table: 'email_deliveries' | 'email_digests',
    ids: readonly string[],
    outcome: { state: DeliveryState; error?: string; messageId?: string; countAttempt: boolean },
  ): Promise<void> {
    if (ids.length === 0) return;
    const touch = table === 'email_deliveries' ? ', updated_at = now()' : '';
    await manager.query(
      `UPDATE ${table}
          SET state = $2::text,
              attempts = attempts + $3::int,
              last_error = COALESCE($4, last_error),
              message_id = COALESCE($5, message_id),
              sent_at = CASE WHEN $2::text = 'sent' THEN now() END${touch}
        WHERE id = ANY($1::uuid[])`,
      [
        ids,
        outcome.state,
        outcome.countAttempt ? 1 : 0,
        outcome.error?.slice(0, 500) ?? null,
        outcome.messageId ?? null,
      ],
    );
  }

  /**
   * What should be on the queue and may not be: pending deliveries made more than `grace`
   * ago, and pending digests due before `horizon`.
   */
  async outstanding(
    olderThan: Date,
    horizon: Date,
    limit: number,
  ): Promise<{ deliveries: string[]; digests: { id: string; sendAt: Date }[] }> {
    const deliveries = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM email_deliveries
        WHERE state = 'pending' AND digest_id IS NULL AND created_at < $1
        ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    );
    const digests = await this.dataSource.query<{ id: string; sendAt: Date }[]>(
      `SELECT id, send_at AS "sendAt" FROM email_digests
        WHERE state = 'pending' AND send_at < $1 ORDER BY send_at LIMIT $2`,
      [horizon, limit],
    );
    return { deliveries: deliveries.map((row) => row.id), digests };
  }

  /** A programme's deliveries, newest first (for its coordinators). */
  page(
    programmeId: string,
    filter: { state?: DeliveryState; userId?: string },
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<EmailDeliveryEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(EmailDeliveryEntity, 'd')
      .where('d.programme_id = :programmeId', { programmeId });
    if (filter.state) query.andWhere('d.state = :state', { state: filter.state });
    if (filter.userId) query.andWhere('d.user_id = :userId', { userId: filter.userId });
    return paginateKeyset(query, {
      sort: [{ key: 'createdAt', direction: 'desc' }],
      columns: { createdAt: { expression: 'd.created_at' } },
      tiebreaker: 'd.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }

  /** Sends a failed delivery again: pending with a fresh count of attempts. */
  async reopen(
    manager: EntityManager,
    programmeId: string,
    id: string,
  ): Promise<EmailDeliveryEntity | null> {
    const [rows] = await manager.query<[EmailDeliveryEntity[], number]>(
      `UPDATE email_deliveries
          SET state = 'pending', attempts = 0, digest_id = NULL, updated_at = now()
        WHERE id = $1 AND programme_id = $2 AND state = 'failed'
        RETURNING id`,
      [id, programmeId],
    );
    if (rows.length === 0) return null;
    return manager.findOneBy(EmailDeliveryEntity, { id });
  }

  find(programmeId: string, id: string): Promise<EmailDeliveryEntity | null> {
    return this.dataSource.manager.findOneBy(EmailDeliveryEntity, { id, programmeId });
  }
}
