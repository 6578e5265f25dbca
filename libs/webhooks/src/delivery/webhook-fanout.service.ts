import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditFeed, type FeedEvent } from '@app/audit';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import { ActionEventFactsReader, type ActionEventFacts } from '@app/tracking';
import { cloudEvent, draftsOf, type EventDraft } from '../events/cloud-events';
import { EVENT_ENTITY_TYPES } from '../events/webhook-event-types';

/** Log numbers looked at per batch. */
export const FANOUT_BATCH = 1000;
/** Deliveries inserted per statement. */
const INSERT_CHUNK = 2000;

interface Subscriber {
  id: string;
  programme_id: string;
  event_types: string[];
  track_ids: string[];
  organisation_ids: string[];
  from_sequence: string;
  owner_user_id: string;
  api_token_id: string | null;
}

/** Whether a subscription wants an event (its type, its filters, its time, its person). */
export function wants(
  subscriber: Subscriber,
  draft: EventDraft,
  logSequence: string,
  facts: ActionEventFacts | undefined,
): boolean {
  if (BigInt(logSequence) <= BigInt(subscriber.from_sequence)) return false;
  if (!subscriber.event_types.includes(draft.type)) return false;
  if (draft.onlyForUserId !== null && draft.onlyForUserId !== subscriber.owner_user_id)
    return false;
  if (draft.actionId === null) return true;
  if (
    subscriber.track_ids.length > 0 &&
    !(facts?.trackId && subscriber.track_ids.includes(facts.trackId))
  ) {
    return false;
  }
  if (
    subscriber.organisation_ids.length > 0 &&
    !facts?.organisationIds.some((id) => subscriber.organisation_ids.includes(id))
  ) {
    return false;
  }
  return true;
}

/**
 * Turns what happened into deliveries (issue 21). Reads the audit log after its cursor —
 * written in each change's transaction, numbered in commit order without gaps (AuditFeed),
 * so it is the outbox of events: nothing that committed is missed, nothing is read twice —
 * makes each event's CloudEvents once (their ids are then fixed for every attempt and every
 * subscriber), and inserts a delivery per subscription that wants it, in the transaction
 * that moves the cursor. A crash rolls both back; the batch is read again.
 */
@Injectable()
export class WebhookFanout {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: AuditFeed,
    private readonly actions: ActionEventFactsReader,
    private readonly people: PeopleDirectory,
  ) {}

  /** One batch; answers whether the log may hold more after it. */
  async fanOutBatch(): Promise<{ events: number; deliveries: number; more: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      // One fan-out at a time, whatever the number of workers.
      const [cursor]: { sequence: string }[] = await manager.query(
        'SELECT sequence::text AS sequence FROM webhook_fanout_cursor WHERE id = 1 FOR UPDATE',
      );
      const page = await this.feed.read(manager, cursor.sequence, FANOUT_BATCH, EVENT_ENTITY_TYPES);
      if (page.through === cursor.sequence) return { events: 0, deliveries: 0, more: false };
      const deliveries = page.events.length > 0 ? await this.fanOut(manager, page.events) : 0;
      await manager.query(
        'UPDATE webhook_fanout_cursor SET sequence = $1::bigint, updated_at = now() WHERE id = 1',
        [page.through],
      );
      return {
        events: page.events.length,
        deliveries,
        more: BigInt(page.through) - BigInt(cursor.sequence) >= BigInt(FANOUT_BATCH),
      };
    });
  }

  private async fanOut(manager: EntityManager, events: FeedEvent[]): Promise<number> {
    const programmes = [...new Set(events.map((event) => event.programmeId))];
    const candidates: Subscriber[] = await manager.query(
      `SELECT id, programme_id, event_types, track_ids, organisation_ids,
              from_sequence::text AS from_sequence, owner_user_id, api_token_id
         FROM webhook_subscriptions WHERE enabled AND programme_id = ANY($1::uuid[])`,
      [programmes],
    );
    if (candidates.length === 0) return 0;
    const standing = await this.people.standingGrants(
      candidates.map((s) => ({
        userId: s.owner_user_id,
        programmeId: s.programme_id,
        apiTokenId: s.api_token_id,
      })),
      // Who may manage the programme's webhooks (Permission.WebhooksManage).
      ['coordinator'],
      manager,
    );
    const subscribers = candidates.filter((_, index) => standing.has(index));
    if (subscribers.length === 0) return 0;
    const byProgramme = new Map<string, Subscriber[]>();
    for (const subscriber of subscribers) {
      byProgramme.set(subscriber.programme_id, [
        ...(byProgramme.get(subscriber.programme_id) ?? []),
        subscriber,
      ]);
    }
    const publicUrl = this.config.http.publicUrl;
    const drafted = events
      .filter((event) => byProgramme.has(event.programmeId))
      .map((event) => ({
        event,
        drafts: draftsOf(event, publicUrl).map((draft, ordinal): EventDraft => ({
          ...draft,
          ordinal,
        })),
      }));
    const filtered = subscribers.some(
      (s) => s.track_ids.length > 0 || s.organisation_ids.length > 0,
    );
    const facts = filtered
      ? await this.actions.forActions(
          manager,
          drafted.flatMap(({ drafts }) =>
            drafts.map((d) => d.actionId).filter((id): id is string => id !== null),
          ),
        )
      : new Map<string, ActionEventFacts>();
    const rows: Record<string, unknown>[] = [];
    for (const { event, drafts } of drafted) {
      for (const draft of drafts) {
        const wanting = byProgramme
          .get(event.programmeId)!
          .filter((s) =>
            wants(s, draft, event.sequence, draft.actionId ? facts.get(draft.actionId) : undefined),
          );
        if (wanting.length === 0) continue;
        const id = randomUUID();
        const message = cloudEvent(draft, id, event, this.config.webhooks.source);
        for (const subscriber of wanting) {
          rows.push({
            subscription_id: subscriber.id,
            event_id: id,
            event_type: draft.type,
            subject: draft.subject,
            sequence: event.sequence,
            ordinal: draft.ordinal,
            event: message,
          });
        }
      }
    }
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager.query(
        `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, subject, sequence, ordinal, event)
         SELECT subscription_id, event_id, event_type, subject, sequence, ordinal, event
           FROM jsonb_to_recordset($1::jsonb) AS r(subscription_id uuid, event_id uuid,
                event_type text, subject text, sequence bigint, ordinal smallint, event jsonb)`,
        [JSON.stringify(rows.slice(start, start + INSERT_CHUNK))],
      );
    }
    return rows.length;
  }
}
