import type { EntityManager } from 'typeorm';
import { WebhooksErrors } from '../webhooks.errors';
import type { WebhookResponse } from './webhook.response';

/** A subscription as read from `webhook_subscriptions` (with its pending deliveries counted). */
export interface SubscriptionRow {
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

export const COLUMNS = `s.id, s.programme_id, s.url, s.description, s.event_types, s.track_ids::text[] AS track_ids,
  s.organisation_ids::text[] AS organisation_ids, s.enabled, s.disabled_reason, s.disabled_by,
  s.previous_secret_expires_at, s.owner_user_id, s.api_token_id, s.version, s.created_at,
  s.updated_at, s.last_delivery_at, s.last_success_at,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.state = 'pending') AS pending`;

export const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export const mapSubscription = (row: SubscriptionRow): WebhookResponse => ({
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

/** The fields of a subscription on record (its secrets never are). */
export const AUDITED = [
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

export const audited = (row: SubscriptionRow) => ({
  url: urlOnRecord(row.url),
  description: row.description,
  eventTypes: row.event_types,
  trackIds: row.track_ids,
  organisationIds: row.organisation_ids,
  enabled: row.enabled,
});

/** The subscription `id`, as read now in `manager`'s transaction. */
export async function subscriptionRow(
  manager: EntityManager,
  id: string,
): Promise<SubscriptionRow> {
  const [row]: SubscriptionRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM webhook_subscriptions s WHERE s.id = $1`,
    [id],
  );
  return row;
}

/** The subscription, if it is the programme's (else not found); locked for a change when `lock`. */
export async function visibleSubscription(
  manager: EntityManager,
  programmeId: string,
  id: string,
  lock = false,
): Promise<SubscriptionRow> {
  if (lock) {
    await manager.query('SELECT 1 FROM webhook_subscriptions WHERE id = $1 FOR UPDATE', [id]);
  }
  const row = await subscriptionRow(manager, id);
  if (!row || row.programme_id !== programmeId) throw WebhooksErrors.notFound();
  return row;
}
