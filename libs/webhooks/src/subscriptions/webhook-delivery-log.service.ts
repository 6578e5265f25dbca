import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  apiUrl,
  APP_CONFIG,
  type AppConfig,
  type KeysetPage,
  mapPage,
  paginateKeyset,
  Transactions,
} from '@app/core';
import type { CloudEvent } from '../events/cloud-events';
import { PING_EVENT_TYPE } from '../events/webhook-event-types';
import { WebhookDeliveryEntity } from '../delivery/webhook-delivery.entity';
import { WebhooksErrors } from '../webhooks.errors';
import type { ListWebhookDeliveriesQuery } from './dto/webhook.dto';
import { iso, visibleSubscription } from './subscription-rows';
import type { PingResponse, WebhookDeliveryResponse } from './webhook.response';

const mapDelivery = (row: WebhookDeliveryEntity): WebhookDeliveryResponse => ({
  id: row.id,
  eventId: row.eventId,
  eventType: row.eventType,
  subject: row.subject,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt.toISOString() : null,
  lastAttemptAt: iso(row.lastAttemptAt),
  lastStatusCode: row.lastStatusCode,
  lastDurationMs: row.lastDurationMs,
  lastError: row.lastError,
  responseExcerpt: row.responseExcerpt,
  deliveredAt: iso(row.deliveredAt),
  createdAt: row.createdAt.toISOString(),
  event: row.event,
});

/**
 * A webhook's deliveries as its coordinators see them (issue 21): the log, one delivery, a
 * delivery sent again, and a test message. Every call checks that the webhook is the
 * programme's; the guard has checked that the caller may manage the programme's webhooks.
 */
@Injectable()
export class WebhookDeliveryLog {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** A test message, sent by the worker as soon as it can, whatever types the webhook has. */
  async ping(programmeId: string, id: string): Promise<PingResponse> {
    return this.transactions.run(async (manager) => {
      await visibleSubscription(manager, programmeId, id);
      const eventId = randomUUID();
      const deliveryId = randomUUID();
      const event: CloudEvent = {
        specversion: '1.0',
        id: eventId,
        source: this.config.webhooks.source,
        type: PING_EVENT_TYPE,
        subject: id,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        dataref: apiUrl(this.config.http.publicUrl, 'programmes', programmeId, 'webhooks', id),
        sequence: '0'.padStart(19, '0') + '-00',
        data: { programmeId, webhookId: id, message: 'Testbericht van Sterk Bestuur Tracker.' },
      };
      // A subject of its own: a ping never waits behind the webhook's other deliveries.
      await manager.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, subject, sequence, event)
         VALUES ($1, $2, $3, $4, $5, 0, $6)`,
        [deliveryId, id, eventId, PING_EVENT_TYPE, `ping:${deliveryId}`, event],
      );
      return { deliveryId, eventId };
    });
  }

  /** The webhook's deliveries, newest first. */
  async list(
    programmeId: string,
    id: string,
    query: ListWebhookDeliveriesQuery,
  ): Promise<KeysetPage<WebhookDeliveryResponse>> {
    await visibleSubscription(this.dataSource.manager, programmeId, id);
    const builder = this.dataSource.manager
      .createQueryBuilder(WebhookDeliveryEntity, 'd')
      .where('d.subscription_id = :id', { id });
    if (query.state) builder.andWhere('d.state = :state', { state: query.state });
    const page = await paginateKeyset(builder, {
      sort: [{ key: 'createdAt', direction: 'desc' }],
      columns: { createdAt: { expression: 'd.created_at' } },
      tiebreaker: 'd.id',
      limit: query.limit,
      cursor: query.cursor,
    });
    return mapPage(page, mapDelivery);
  }

  async get(programmeId: string, id: string, deliveryId: string): Promise<WebhookDeliveryResponse> {
    await visibleSubscription(this.dataSource.manager, programmeId, id);
    const row = await this.dataSource.manager.findOneBy(WebhookDeliveryEntity, {
      id: deliveryId,
      subscriptionId: id,
    });
    if (!row) throw WebhooksErrors.deliveryNotFound();
    return mapDelivery(row);
  }

  /**
   * Sends a delivered or given-up delivery again, as it was (same id, so a receiver that
   * has it already can tell), with a fresh series of attempts.
   */
  async redeliver(
    programmeId: string,
    id: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryResponse> {
    return this.transactions.run(async (manager) => {
      await visibleSubscription(manager, programmeId, id);
      const [rows]: [{ state: string }[], number] = await manager.query(
        `UPDATE webhook_deliveries d
            SET state = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL,
                delivered_at = NULL
           FROM webhook_deliveries before
          WHERE d.id = $1 AND d.subscription_id = $2 AND before.id = d.id
            AND d.state <> 'pending'
          RETURNING before.state`,
        [deliveryId, id],
      );
      if (rows.length === 0) {
        const exists = await manager.findOneBy(WebhookDeliveryEntity, {
          id: deliveryId,
          subscriptionId: id,
        });
        throw exists ? WebhooksErrors.deliveryPending() : WebhooksErrors.deliveryNotFound();
      }
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'webhook_subscription',
        entityId: id,
        programmeId,
        details: { redelivery: deliveryId, previousState: rows[0].state },
      });
      const row = await manager.findOneByOrFail(WebhookDeliveryEntity, { id: deliveryId });
      return mapDelivery(row);
    });
  }
}
