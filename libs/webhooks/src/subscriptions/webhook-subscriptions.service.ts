import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService, changedFields, createdFields, deletedFields } from '@app/audit';
import { ConcurrencyErrors, parseIfMatch, Transactions } from '@app/core';
import { PeopleDirectory, type Principal } from '@app/identity';
import { newWebhookSecret } from '../signing/webhook-signature';
import { TargetRefused, type WebhookTargets } from '../targets/webhook-targets';
import { WebhooksErrors } from '../webhooks.errors';
import { WEBHOOK_TARGETS } from '../webhooks.tokens';
import type { CreateWebhookDto, RotateWebhookSecretDto, UpdateWebhookDto } from './dto/webhook.dto';
import {
  AUDITED,
  audited,
  COLUMNS,
  mapSubscription,
  type SubscriptionRow,
  subscriptionRow,
  urlOnRecord,
  visibleSubscription,
} from './subscription-rows';
import { WebhookSecrets } from './webhook-secrets';
import type { CreatedWebhookResponse, WebhookResponse } from './webhook.response';

/** Webhooks per programme: each is a standing stream of the programme's events. */
export const MAX_WEBHOOKS_PER_PROGRAMME = 25;
/** Hours the previous secret keeps signing after a rotation, unless asked otherwise. */
const DEFAULT_PREVIOUS_SECRET_HOURS = 24;

/**
 * A programme's webhook subscriptions (issue 21): its coordinators manage them, in person or
 * through an integration's API token with write scope (the guard decides: WebhooksManage).
 */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
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
    return rows.map(mapSubscription);
  }

  async get(programmeId: string, id: string): Promise<WebhookResponse> {
    return mapSubscription(await visibleSubscription(this.dataSource.manager, programmeId, id));
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
      return subscriptionRow(manager, id);
    });
    return { ...mapSubscription(row), secret };
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
      const before = await visibleSubscription(manager, programmeId, id, true);
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
      const after = await subscriptionRow(manager, id);
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'webhook_subscription',
        entityId: id,
        programmeId,
        changes: changedFields(audited(before), audited(after), [...AUDITED]),
      });
      return after;
    });
    return mapSubscription(row);
  }

  async remove(programmeId: string, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const before = await visibleSubscription(manager, programmeId, id, true);
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
      await visibleSubscription(manager, programmeId, id, true);
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
      return subscriptionRow(manager, id);
    });
    return { ...mapSubscription(row), secret };
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
