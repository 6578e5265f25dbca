import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { JobName, type KeysetPage, mapPage, OutboxService, Transactions } from '@app/core';
import type { NotificationKind } from '../notification-kinds';
import { NotificationsErrors } from '../notifications.errors';
import { type DeliveryResponse, mapDelivery } from './delivery.response';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import type { ListDeliveriesQuery } from './list-deliveries.query';

/** What a programme's e-mails did, for its coordinators: failed ones can be sent again. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async list(
    programmeId: string,
    query: ListDeliveriesQuery,
  ): Promise<KeysetPage<DeliveryResponse>> {
    const page = await this.deliveries.page(
      programmeId,
      { state: query.state, userId: query.user },
      { limit: query.limit, cursor: query.cursor },
    );
    const kinds = await this.kinds(page.items.map((row) => row.notificationId));
    return mapPage(page, (row) => mapDelivery(row, kinds.get(row.notificationId)!));
  }

  async get(programmeId: string, id: string): Promise<DeliveryResponse> {
    const row = await this.deliveries.find(programmeId, id);
    if (!row) throw NotificationsErrors.deliveryNotFound();
    const kinds = await this.kinds([row.notificationId]);
    return mapDelivery(row, kinds.get(row.notificationId)!);
  }

  /** Sends a failed e-mail again, with a fresh count of attempts (through the outbox). */
  async retry(programmeId: string, id: string): Promise<DeliveryResponse> {
    const row = await this.transactions.run(async (manager) => {
      const reopened = await this.deliveries.reopen(manager, programmeId, id);
      if (!reopened) {
        const existing = await this.deliveries.find(programmeId, id);
        throw existing
          ? NotificationsErrors.deliveryNotFailed()
          : NotificationsErrors.deliveryNotFound();
      }
      await this.outbox.record(manager, { name: JobName.MailDeliver, data: { deliveryId: id } });
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'email_delivery',
        entityId: id,
        programmeId,
        changes: { state: { old: 'failed', new: 'pending' } },
      });
      return reopened;
    });
    const kinds = await this.kinds([row.notificationId]);
    return mapDelivery(row, kinds.get(row.notificationId)!);
  }

  private async kinds(notificationIds: readonly string[]): Promise<Map<string, NotificationKind>> {
    if (notificationIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; kind: NotificationKind }[]>(
      'SELECT id, kind FROM notifications WHERE id = ANY($1::uuid[])',
      [notificationIds],
    );
    return new Map(rows.map((row) => [row.id, row.kind]));
  }
}
