import { Injectable } from '@nestjs/common';
import { AuditService, changedFields } from '@app/audit';
import { Clock, type KeysetPage, mapPage, Transactions } from '@app/core';
import type { Principal } from '@app/identity';
import type { Language } from '../notification-kinds';
import { NotificationsErrors } from '../notifications.errors';
import { NotificationsRepository, type Preferences } from '../notifications.repository';
import { DEFAULT_PREFERENCES } from '../notifications.service';
import type { ListNotificationsQuery } from './dto/list-notifications.query';
import type {
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
} from './dto/notification-preferences.dto';
import {
  mapNotification,
  type NotificationBody,
  type ReadAllResponse,
} from './notification.response';

const toResponse = (preferences: Preferences): NotificationPreferencesResponse => ({
  emailKinds: preferences.emailKinds,
  digest: preferences.digest,
  language: preferences.language,
  updatedAt: preferences.updatedAt?.toISOString() ?? null,
});

/** A person's own notifications and preferences (/me): nobody else's are ever reachable. */
@Injectable()
export class MeNotificationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    principal: Principal,
    query: ListNotificationsQuery,
  ): Promise<KeysetPage<NotificationBody> & { unreadCount: number }> {
    const language = query.lang ?? (await this.preferences(principal)).language;
    const [page, unreadCount] = await Promise.all([
      this.notifications.page(
        principal.userId,
        { unread: query.unread, programmeId: query.programme },
        { limit: query.limit, cursor: query.cursor },
      ),
      this.notifications.unreadCount(principal.userId),
    ]);
    const list = mapPage(page, (row) => mapNotification(row, language));
    return { ...list, unreadCount };
  }

  async read(principal: Principal, id: string, lang?: Language): Promise<NotificationBody> {
    const row = await this.notifications.markRead(principal.userId, id, this.clock.now());
    if (!row) throw NotificationsErrors.notFound();
    const language = lang ?? (await this.preferences(principal)).language;
    return mapNotification(row, language);
  }

  async readAll(principal: Principal): Promise<ReadAllResponse> {
    const marked = await this.notifications.markAllRead(principal.userId, this.clock.now());
    return { marked, unreadCount: await this.notifications.unreadCount(principal.userId) };
  }

  async getPreferences(principal: Principal): Promise<NotificationPreferencesResponse> {
    return toResponse(await this.preferences(principal));
  }

  async putPreferences(
    principal: Principal,
    dto: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    const saved = await this.transactions.run(async (manager) => {
      const [before] = [
        ...(
          await this.notifications.preferences([principal.userId], DEFAULT_PREFERENCES, manager)
        ).values(),
      ];
      const after = await this.notifications.savePreferences(manager, principal.userId, {
        emailKinds: [...dto.emailKinds].sort(),
        digest: dto.digest,
        language: dto.language,
      });
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'notification_preferences',
        entityId: principal.userId,
        changes: changedFields({ ...before, emailKinds: [...before.emailKinds].sort() }, after, [
          'emailKinds',
          'digest',
          'language',
        ]),
      });
      return after;
    });
    return toResponse(saved);
  }

  private async preferences(principal: Principal): Promise<Preferences> {
    const found = await this.notifications.preferences([principal.userId], DEFAULT_PREFERENCES);
    return found.get(principal.userId) ?? DEFAULT_PREFERENCES;
  }
}
