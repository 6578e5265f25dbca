import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import {
  EmailDeliveriesRepository,
  type NewDelivery,
} from './deliveries/email-deliveries.repository';
import { Mailer } from './mail/mailer';
import { NOTIFICATION_KINDS, type Notice } from './notification-kinds';
import { NotificationsRepository, type Preferences } from './notifications.repository';

/** How a programme delivers e-mail: its reminder policy's digest option and digest time. */
export interface DeliveryRules {
  /** Digest for people who have not chosen themselves. */
  digest: boolean;
  /** The digest (day and moment) that an item made at `after` goes out with. */
  digestFor(after: Date): { date: string; sendAt: Date };
}

export const NO_DIGEST: DeliveryRules = {
  digest: false,
  digestFor: () => {
    throw new Error('no digest');
  },
};

export const DEFAULT_PREFERENCES: Preferences = {
  emailKinds: [...NOTIFICATION_KINDS],
  digest: null,
  language: 'nl',
  updatedAt: null,
};

/** What `notify` made that the queue must carry once the transaction commits. */
export interface Dispatch {
  deliveryIds: string[];
  /** The deliveries were tried once already (sendBatch): their job waits a retry delay. */
  retrying?: boolean;
  digests: { id: string; sendAt: Date }[];
}

/**
 * Turns notices into notifications, and into e-mail deliveries (one each, or an item of the
 * person's daily digest) where the person's preferences want e-mail. In the caller's
 * transaction: what caused them and what they are commit together, or neither.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async notify(
    manager: EntityManager,
    notices: readonly Notice[],
    rulesFor: (programmeId: string | null) => DeliveryRules,
  ): Promise<Dispatch> {
    const created = await this.notifications.insert(manager, notices);
    const dispatch: Dispatch = { deliveryIds: [], digests: [] };
    if (created.length === 0 || !this.mailer.enabled) return dispatch;
    const preferences = await this.notifications.preferences(
      [...new Set(created.map((row) => row.userId))],
      DEFAULT_PREFERENCES,
      manager,
    );
    const digestOf = new Map<string, string | null>();
    const rows: NewDelivery[] = [];
    // In person order: digests are rows that concurrent senders open too, and a common
    // order keeps two of them from waiting on each other.
    const byPerson = [...created].sort((a, b) =>
      a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0,
    );
    for (const notification of byPerson) {
      const choice = preferences.get(notification.userId) ?? DEFAULT_PREFERENCES;
      if (!choice.emailKinds.includes(notification.kind)) continue;
      const rules = rulesFor(notification.programmeId);
      let digestId: string | null = null;
      if (choice.digest ?? rules.digest) {
        digestId = await this.digestFor(manager, notification.userId, rules, digestOf, dispatch);
      }
      rows.push({
        notificationId: notification.id,
        userId: notification.userId,
        programmeId: notification.programmeId,
        digestId,
      });
    }
    const inserted = await this.deliveries.insert(manager, rows);
    dispatch.deliveryIds = inserted.filter((row) => row.digestId === null).map((row) => row.id);
    return dispatch;
  }

  /** The person's next open digest (made if missing), once per person per call. */
  private async digestFor(
    manager: EntityManager,
    userId: string,
    rules: DeliveryRules,
    known: Map<string, string | null>,
    dispatch: Dispatch,
  ): Promise<string | null> {
    if (known.has(userId)) return known.get(userId) ?? null;
    let after = this.clock.now();
    let digest: { id: string; sendAt: Date } | null = null;
    // A day whose digest went out already passes the item on to the next one.
    for (let tries = 0; tries < 10 && !digest; tries += 1) {
      const next = rules.digestFor(after);
      digest = await this.deliveries.openDigest(manager, userId, next.date, next.sendAt);
      after = new Date(next.sendAt.getTime() + 1000);
    }
    known.set(userId, digest?.id ?? null);
    if (digest) dispatch.digests.push(digest);
    return digest?.id ?? null;
  }
}
