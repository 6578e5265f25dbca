import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields, createdFields, deletedFields } from '@app/audit';
import {
  apiUrl,
  APP_CONFIG,
  type AppConfig,
  ConcurrencyErrors,
  type KeysetPage,
  mapPage,
  paginateKeyset,
  parseIfMatch,
  Transactions,
} from '@app/core';
import { PeopleDirectory, type Principal } from '@app/identity';
import { PING_EVENT_TYPE } from '../events/webhook-event-types';
import type { CloudEvent } from '../events/cloud-events';
import { WebhookDeliveryEntity } from '../delivery/webhook-delivery.entity';
import { newWebhookSecret } from '../signing/webhook-signature';
import { TargetRefused, type WebhookTargets } from '../targets/webhook-targets';
import { WebhooksErrors } from '../webhooks.errors';
import { WEBHOOK_TARGETS } from '../webhooks.tokens';
import type {
  CreatedWebhookResponse,
  CreateWebhookDto,
  ListWebhookDeliveriesQuery,
  PingResponse,
  RotateWebhookSecretDto,
  UpdateWebhookDto,
  WebhookDeliveryResponse,
  WebhookResponse,
} from './dto/webhook.dto';
import { WebhookSecrets } from './webhook-secrets';

/** Webhooks per programme: each is a standing stream of the programme's events. */
export const MAX_WEBHOOKS_PER_PROGRAMME = 25;
/** Hours the previous secret keeps signing after a rotation, unless asked otherwise. */
const DEFAULT_PREVIOUS_SECRET_HOURS = 24;

interface SubscriptionRow {
  id: string;
  programme_id: string;
  url: string;
  description: string;
  event_types: string[];
  track_ids: string[];
  organisation_ids: string[];
  enabled: boolean;
  disabled_reason: string | null;
  disabled_by: 'person' | 'deliveries_failed' | null;
  previous_secret_expires_at: Date | null;
  owner_user_id: string;
  api_token_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  last_delivery_at: Date | null;
  last_success_at: Date | null;
  pending: number;
}

const COLUMNS = `s.id, s.programme_id, s.url, s.description, s.event_types, s.track_ids::text[] AS track_ids,
  s.organisation_ids::text[] AS organisation_ids, s.enabled, s.disabled_reason, s.disabled_by,
  s.previous_secret_expires_at, s.owner_user_id, s.api_token_id, s.version, s.created_at,
  s.updated_at, s.last_delivery_at, s.last_success_at,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.state = 'pending') AS pending`;

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

const map = (row: SubscriptionRow): WebhookResponse => ({
  id: row.id,
  programmeId: row.programme_id,
  url: row.url,
  description: row.description,
  eventTypes: row.event_types as WebhookResponse['eventTypes'],
  trackIds: row.track_ids,
  organisationIds: row.organisation_ids,
  enabled: row.enabled,
  disabledReason: row.disabled_reason,
  disabledBy: row.disabled_by,
  previousSecretExpiresAt:
    row.previous_secret_expires_at && row.previous_secret_expires_at > new Date()
      ? row.previous_secret_expires_at.toISOString()
      : null,
  ownerUserId: row.owner_user_id,
  madeWithApiToken: row.api_token_id !== null,
  pendingDeliveries: row.pending,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  lastDeliveryAt: iso(row.last_delivery_at),
  lastSuccessAt: iso(row.last_success_at),
  version: row.version,
});

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

/** The fields of a subscription on record (its secrets never are). */
const AUDITED = [
  'url',
  'description',
  'eventTypes',
  'trackIds',
  'organisationIds',
  'enabled',
] as const;
/**
 * A URL as the audit log keeps it: without its query, which may carry the receiver's own
 * token (the log cannot forget it later).
 */
export const urlOnRecord = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
};

const audited = (row: SubscriptionRow) => ({
  url: urlOnRecord(row.url),
  description: row.description,
  eventTypes: row.event_types,
  trackIds: row.track_ids,
  organisationIds: row.organisation_ids,
  enabled: row.enabled,
});

/**
 * A programme's webhook subscriptions (issue 21): its coordinators manage them, in person or
 * through an integration's API token with write scope (the guard decides: WebhooksManage).
 */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WEBHOOK_TARGETS) private readonly targets: WebhookTargets,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly secrets: WebhookSecrets,
    private readonly people: PeopleDirectory,
  ) {}

  async list(programmeId: string): Promise<WebhookResponse[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions s
        WHERE s.programme_id = $1 ORDER BY s.created_at, s.id`,
      [programmeId],
    );
    return rows.map(map);
  }

  async get(programmeId: string, id: string): Promise<WebhookResponse> {
    return map(await this.visible(this.dataSource.manager, programmeId, id));
  }

  async create(
    principal: Principal,
    programmeId: string,
    input: CreateWebhookDto,
  ): Promise<CreatedWebhookResponse> {
    await this.checkTarget(input.url);
    await this.checkFilters(programmeId, input.trackIds ?? [], input.organisationIds ?? []);
    const id = randomUUID();
    const secret = newWebhookSecret();
    const row = await this.transactions.run(async (manager) => {
      // Counted under a lock of the programme's webhooks: two at once cannot pass the limit.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `webhooks:${programmeId}`,
      ]);
      const [{ count }]: { count: number }[] = await manager.query(
        'SELECT count(*)::int AS count FROM webhook_subscriptions WHERE programme_id = $1',
        [programmeId],
      );
      if (count >= MAX_WEBHOOKS_PER_PROGRAMME)
        throw WebhooksErrors.tooMany(MAX_WEBHOOKS_PER_PROGRAMME);
      const values = {
        url: urlOnRecord(input.url),
        description: input.description ?? '',
        eventTypes: input.eventTypes,
        trackIds: input.trackIds ?? [],
        organisationIds: input.organisationIds ?? [],
        enabled: true,
      };
      // Recorded first: its number is where the subscription's events begin, exactly.
      const sequence = await this.audit.record(manager, {
        operation: 'create',
        entityType: 'webhook_subscription',
        entityId: id,
        programmeId,
        changes: createdFields(values, [...AUDITED]),
      });
      await manager.query(
        `INSERT INTO webhook_subscriptions
           (id, programme_id, url, description, event_types, track_ids, organisation_ids, secret,
            from_sequence, owner_user_id, api_token_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          programmeId,
          input.url,
          values.description,
          values.eventTypes,
          values.trackIds,
          values.organisationIds,
          this.secrets.encrypt(secret, id),
          sequence,
          principal.userId,
          principal.apiToken?.id ?? null,
        ],
      );
      return this.row(manager, id);
    });
    return { ...map(row), secret };
  }

  async update(
    programmeId: string,
    id: string,
    ifMatch: string | undefined,
    input: UpdateWebhookDto,
  ): Promise<WebhookResponse> {
    const expected = parseIfMatch(ifMatch);
    if (input.url !== undefined) await this.checkTarget(input.url);
    if (input.trackIds !== undefined || input.organisationIds !== undefined) {
      await this.checkFilters(programmeId, input.trackIds ?? [], input.organisationIds ?? []);
    }
    const row = await this.transactions.run(async (manager) => {
      const before = await this.visible(manager, programmeId, id, true);
      if (before.version !== expected) throw ConcurrencyErrors.versionConflict();
      const enabling = input.enabled === true && !before.enabled;
      await manager.query(
        `UPDATE webhook_subscriptions
            SET url = coalesce($2, url), description = coalesce($3, description),
                event_types = coalesce($4, event_types), track_ids = coalesce($5, track_ids),
                organisation_ids = coalesce($6, organisation_ids), enabled = coalesce($7, enabled),
                disabled_reason = CASE WHEN coalesce($7, enabled) THEN NULL
                                       WHEN $7 = false AND enabled THEN 'Switched off by a person.'
                                       ELSE disabled_reason END,
                disabled_by = CASE WHEN coalesce($7, enabled) THEN NULL
                                   WHEN $7 = false AND enabled THEN 'person'
                                   ELSE disabled_by END,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          input.url ?? null,
          input.description ?? null,
          input.eventTypes ?? null,
          input.trackIds ?? null,
          input.organisationIds ?? null,
          input.enabled ?? null,
        ],
      );
      if (enabling) {
        // Switched on again: what waited is tried at once with a fresh day of retries, and so
        // is what failed (the delivery that switched it off among them). A delivery still in
        // flight keeps its lease and its count (the attempt's outcome is recorded by it).
        await manager.query(
          `UPDATE webhook_deliveries
              SET state = 'pending', next_attempt_at = now(),
                  attempts = CASE WHEN locked_until > now() THEN attempts ELSE 0 END
            WHERE subscription_id = $1 AND state IN ('pending', 'failed')`,
          [id],
        );
      }
      const after = await this.row(manager, id);
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'webhook_subscription',
        entityId: id,
        programmeId,
        changes: changedFields(audited(before), audited(after), [...AUDITED]),
      });
      return after;
    });
    return map(row);
  }

  async remove(programmeId: string, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const before = await this.visible(manager, programmeId, id, true);
      await manager.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
      await this.audit.record(manager, {
        operation: 'delete',
        entityType: 'webhook_subscription',
        entityId: id,
        programmeId,
        changes: deletedFields(audited(before), [...AUDITED]),
      });
    });
  }

  /** A new signing secret; the previous one keeps signing for the hours asked (default 24). */
  async rotateSecret(
    programmeId: string,
    id: string,
    input: RotateWebhookSecretDto,
  ): Promise<CreatedWebhookResponse> {
    const hours = input.previousSecretValidHours ?? DEFAULT_PREVIOUS_SECRET_HOURS;
    const secret = newWebhookSecret();
    const row = await this.transactions.run(async (manager) => {
      await this.visible(manager, programmeId, id, true);
      await manager.query(
        `UPDATE webhook_subscriptions
            SET previous_secret = CASE WHEN $3::int > 0 THEN secret END,
                previous_secret_expires_at = CASE WHEN $3::int > 0 THEN now() + make_interval(hours => $3::int) END,
                secret = $2, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, this.secrets.encrypt(secret, id), hours],
      );
      await this.audit.record(manager, {
        operation: 'token_created',
        entityType: 'webhook_subscription',
        entityId: id,
        programmeId,
        // Not `secret…` keys: the audit log redacts those whole.
        details: { signingKeyRotated: true, previousKeyValidHours: hours },
      });
      return this.row(manager, id);
    });
    return { ...map(row), secret };
  }

  /** A test message, sent by the worker as soon as it can, whatever types the webhook has. */
  async ping(programmeId: string, id: string): Promise<PingResponse> {
    return this.transactions.run(async (manager) => {
      await this.visible(manager, programmeId, id);
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

  async deliveries(
    programmeId: string,
    id: string,
    query: ListWebhookDeliveriesQuery,
  ): Promise<KeysetPage<WebhookDeliveryResponse>> {
    await this.visible(this.dataSource.manager, programmeId, id);
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

  async delivery(
    programmeId: string,
    id: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryResponse> {
    await this.visible(this.dataSource.manager, programmeId, id);
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
      await this.visible(manager, programmeId, id);
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

  /**
   * What the owner of a subscription the system switched off is told, while it is still off
   * at that version (switched on again or deleted meanwhile: nothing).
   */
  async switchedOff(
    id: string,
    version: number,
  ): Promise<
    { subscriptionId: string; programmeId: string; ownerUserId: string; url: string } | undefined
  > {
    const [row]: { programme_id: string; owner_user_id: string; url: string }[] =
      await this.dataSource.query(
        `SELECT programme_id, owner_user_id, url FROM webhook_subscriptions
          WHERE id = $1 AND version = $2 AND NOT enabled`,
        [id, version],
      );
    return (
      row && {
        subscriptionId: id,
        programmeId: row.programme_id,
        ownerUserId: row.owner_user_id,
        url: urlOnRecord(row.url),
      }
    );
  }

  private async row(manager: EntityManager, id: string): Promise<SubscriptionRow> {
    const [row]: SubscriptionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions s WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  /** The subscription, if the caller may see it; locked for a change when `lock`. */
  private async visible(
    manager: EntityManager,
    programmeId: string,
    id: string,
    lock = false,
  ): Promise<SubscriptionRow> {
    if (lock) {
      await manager.query('SELECT 1 FROM webhook_subscriptions WHERE id = $1 FOR UPDATE', [id]);
    }
    const row = await this.row(manager, id);
    if (!row || row.programme_id !== programmeId) throw WebhooksErrors.notFound();
    return row;
  }

  private async checkTarget(url: string): Promise<void> {
    try {
      await this.targets.check(url);
    } catch (error) {
      if (error instanceof TargetRefused) throw WebhooksErrors.target(error.code, error.message);
      throw error;
    }
  }

  private async checkFilters(
    programmeId: string,
    trackIds: readonly string[],
    organisationIds: readonly string[],
  ): Promise<void> {
    if (trackIds.length > 0) {
      const tracks = new Set((await this.people.tracks(programmeId)).map((track) => track.id));
      if (trackIds.some((trackId) => !tracks.has(trackId)))
        throw WebhooksErrors.unknownFilter('trackIds');
    }
    if (organisationIds.length > 0) {
      const known = new Set(
        (await this.people.organisations()).map((organisation) => organisation.id),
      );
      if (organisationIds.some((organisationId) => !known.has(organisationId))) {
        throw WebhooksErrors.unknownFilter('organisationIds');
      }
    }
  }
}
