import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { APP_CONFIG, JobName, OutboxService } from '@app/core';
import type { AppConfig } from '@app/core';
import type { CloudEvent } from '../events/cloud-events';
import { signedHeaders } from '../signing/webhook-signature';
import { WebhookSecrets } from '../subscriptions/webhook-secrets';
import { LOOKUP_DEADLINE_MS, TargetRefused, type WebhookTargets } from '../targets/webhook-targets';
import { WEBHOOK_TARGETS } from '../webhooks.tokens';
import { MAX_OUTCOMES_PER_WRITE, recordOutcomes, type SettledAttempt } from './delivery-outcomes';
import { GroupCommit } from './group-commit';
import { type PostOutcome, postEvent } from './post-event';

/** A delivery taken for one attempt, with what sending it needs. */
interface Claimed {
  id: string;
  subscription_id: string;
  event_id: string;
  event: CloudEvent;
  attempts: number;
  url: string;
  secret: Buffer;
  previous_secret: Buffer | null;
  previous_secret_expires_at: Date | null;
}

/** The CloudEvent's attributes in the specification's order, `data` last (jsonb sorts keys). */
const ATTRIBUTE_ORDER = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'dataref',
  'sequence',
  'data',
];
export const bodyOf = (event: CloudEvent): string =>
  JSON.stringify(
    Object.fromEntries(
      ATTRIBUTE_ORDER.filter((key) => key in event).map((key) => [
        key,
        (event as unknown as Record<string, unknown>)[key],
      ]),
    ),
  );

/** A retry's pause, ±10 %: receivers coming back are not hit by every sender at once. */
const jittered = (seconds: number): number => seconds * (0.9 + Math.random() * 0.2);

/**
 * Delivers webhook messages (issue 21): takes due deliveries, at most one per subscription
 * and subject at a time and in their order (a subject's next waits until the one before is
 * delivered or given up), POSTs each signed, and records what came back. A delivery is taken
 * with a lease (`locked_until`): a worker killed mid-delivery leaves it to be taken again once
 * the lease runs out, so nothing is lost and a receiver may see a message twice (it
 * deduplicates on `webhook-id`). Each take counts an attempt, and an outcome is recorded only
 * for the attempt that still holds the delivery: one that outlived its lease (a stalled
 * process) cannot overwrite the outcome of the attempt taken after it. After the last retry fails, the subscription is switched off
 * and its owner told.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly agents: { http: HttpAgent; https: HttpsAgent };
  private readonly outcomes = new GroupCommit<SettledAttempt>(
    (settled) => recordOutcomes(this.dataSource, settled),
    MAX_OUTCOMES_PER_WRITE,
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WEBHOOK_TARGETS) private readonly targets: WebhookTargets,
    private readonly secrets: WebhookSecrets,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    const sockets = { keepAlive: true, maxSockets: config.webhooks.concurrency, maxFreeSockets: 8 };
    this.agents = { http: new HttpAgent(sockets), https: new HttpsAgent(sockets) };
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /**
   * The lease of a taken delivery: longer than an attempt can last (the host's lookup, at
   * most LOOKUP_DEADLINE_MS, then the request, at most WEBHOOK_TIMEOUT_MS).
   */
  private get leaseSeconds(): number {
    return Math.ceil((this.lookupDeadlineMs + this.config.webhooks.timeoutMs) / 1000) + 10;
  }

  /** The lookup gets no longer than the request itself. */
  private get lookupDeadlineMs(): number {
    return Math.min(LOOKUP_DEADLINE_MS, this.config.webhooks.timeoutMs);
  }

  /**
   * Takes up to `limit` due deliveries for an attempt each. Per enabled subscription it walks
   * its due deliveries in order (ix_webhook_deliveries_due) and keeps those that are the first
   * pending one of their subject (one probe of ix_webhook_deliveries_pending each), stopping
   * at `limit`: the cost grows with the deliveries taken and those skipped (in flight, or
   * behind one that is), not with the whole backlog, which a DISTINCT ON over every pending
   * delivery read and sorted on every claim (bench:webhooks: 0.3-0.5 s a claim at 30,000
   * pending, and PostgreSQL's core was the limit).
   */
  async claim(limit: number): Promise<Claimed[]> {
    if (limit <= 0) return [];
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `WITH candidates AS (
         SELECT c.id, c.next_attempt_at, c.sequence, c.ordinal
           FROM webhook_subscriptions s
           CROSS JOIN LATERAL (
             SELECT d.id, d.next_attempt_at, d.sequence, d.ordinal
               FROM webhook_deliveries d
              WHERE d.subscription_id = s.id AND d.state = 'pending'
                AND d.next_attempt_at <= now()
                AND (d.locked_until IS NULL OR d.locked_until <= now())
                AND (d.sequence, d.ordinal) = (
                      SELECT e.sequence, e.ordinal FROM webhook_deliveries e
                       WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
                         AND e.state = 'pending'
                       ORDER BY e.sequence, e.ordinal LIMIT 1)
              ORDER BY d.next_attempt_at, d.sequence, d.ordinal
              LIMIT $1
           ) c
          WHERE s.enabled
       ), chosen AS (
         SELECT d.id FROM candidates c
           JOIN webhook_deliveries d ON d.id = c.id
          WHERE d.state = 'pending' AND (d.locked_until IS NULL OR d.locked_until <= now())
          ORDER BY c.next_attempt_at, c.sequence, c.ordinal
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d
          SET locked_until = now() + make_interval(secs => $2), attempts = d.attempts + 1,
              last_attempt_at = now()
         FROM chosen c, webhook_subscriptions s
        WHERE d.id = c.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, d.event_id, d.event, d.attempts, s.url, s.secret,
                 s.previous_secret, s.previous_secret_expires_at`,
      [limit, this.leaseSeconds],
    );
    return rows;
  }

  /** Sends one taken delivery and records the outcome. Never throws. */
  async deliver(claimed: Claimed): Promise<void> {
    let outcome: PostOutcome;
    try {
      outcome = await this.attempt(claimed);
    } catch (error) {
      this.logger.error({ err: error, deliveryId: claimed.id }, 'webhook delivery failed');
      outcome = { statusCode: null, durationMs: 0, error: 'internal error', excerpt: null };
    }
    try {
      await this.settle(claimed, outcome);
    } catch (error) {
      // The lease runs out and the delivery is taken again: sent twice at worst.
      this.logger.warn(
        { err: error, deliveryId: claimed.id },
        'webhook delivery outcome not recorded; it will be sent again',
      );
    }
  }

  private async attempt(claimed: Claimed): Promise<PostOutcome> {
    const started = performance.now();
    let url: URL;
    let addresses;
    try {
      url = this.targets.parse(claimed.url);
      addresses = await this.targets.addressesOf(url, this.lookupDeadlineMs);
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      return {
        statusCode: null,
        durationMs: Math.round(performance.now() - started),
        error: `${error.code}: ${error.message}`,
        excerpt: null,
      };
    }
    const body = bodyOf(claimed.event);
    const keys = this.secrets.signingSecrets(claimed);
    const headers = signedHeaders(keys, claimed.event_id, Math.floor(Date.now() / 1000), body);
    return postEvent(url, headers, body, {
      addresses,
      timeoutMs: this.config.webhooks.timeoutMs,
      agents: this.agents,
    });
  }

  private async settle(claimed: Claimed, outcome: PostOutcome): Promise<void> {
    const delays = this.config.webhooks.retryDelaysSeconds;
    if (outcome.error === null || claimed.attempts <= delays.length) {
      await this.outcomes.add({
        id: claimed.id,
        attempt: claimed.attempts,
        outcome,
        retrySeconds: outcome.error === null ? null : jittered(delays[claimed.attempts - 1]),
      });
      return;
    }
    const record = [
      claimed.id,
      outcome.statusCode,
      outcome.durationMs,
      outcome.error?.slice(0, 500) ?? null,
      outcome.excerpt,
      claimed.attempts,
    ];
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ subscription_id: string }[], number] = await manager.query(
        `UPDATE webhook_deliveries
            SET state = 'failed', locked_until = NULL, last_status_code = $2,
                last_duration_ms = $3, last_error = $4, response_excerpt = $5
          WHERE id = $1 AND state = 'pending' AND attempts = $6
          RETURNING subscription_id`,
        record,
      );
      if (rows.length === 0) return;
      await this.switchOff(manager, claimed, outcome);
    });
  }

  /** The subscription of a delivery that failed its last retry: off, audited, owner told. */
  private async switchOff(
    manager: EntityManager,
    claimed: Claimed,
    outcome: PostOutcome,
  ): Promise<void> {
    const reason = `Delivery ${claimed.id} failed ${claimed.attempts} times over about a day; the last: ${outcome.error ?? 'no answer'}`;
    const [rows]: [{ programme_id: string; version: number }[], number] = await manager.query(
      `UPDATE webhook_subscriptions
          SET enabled = false, disabled_reason = $2, disabled_by = 'deliveries_failed',
              version = version + 1, updated_at = now(),
              last_delivery_at = now()
        WHERE id = $1 AND enabled
        RETURNING programme_id, version`,
      [claimed.subscription_id, reason.slice(0, 500)],
    );
    const switched = rows[0];
    if (!switched) return;
    this.logger.warn(
      { subscriptionId: claimed.subscription_id, deliveryId: claimed.id },
      'webhook subscription switched off after its deliveries kept failing',
    );
    await this.outbox.record(manager, {
      name: JobName.WebhookDisabled,
      data: { subscriptionId: claimed.subscription_id, version: switched.version },
    });
    await this.audit.record(manager, {
      operation: 'update',
      entityType: 'webhook_subscription',
      entityId: claimed.subscription_id,
      programmeId: switched.programme_id,
      changes: { enabled: { old: true, new: false } },
      details: { reason: 'deliveries_failed', deliveryId: claimed.id },
    });
  }

  /** Deletes deliveries made more than `days` ago that are done with (never pending ones). */
  async purge(days: number): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM webhook_deliveries
        WHERE state <> 'pending' AND created_at < now() - make_interval(days => $1)`,
      [days],
    );
    return affected;
  }
}
