import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditChanges } from '../recording/changes';

/** One event of the log, as a reader of the feed sees it. */
export interface FeedEvent {
  sequence: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  programmeId: string;
  changes: AuditChanges | null;
  details: Record<string, unknown> | null;
}

export interface FeedPage {
  events: FeedEvent[];
  /** The last sequence number looked at: the next page starts after it. */
  through: string;
}

/**
 * The audit log as a feed of what happened in the programmes, in the order it happened.
 * The log is written in the transaction of each change and numbered in commit order without
 * gaps (AuditService: the chain head's lock is held until the commit), so a reader that
 * remembers the last number it saw never misses an event and never sees one twice: what
 * other contexts need to publish every change (webhooks) without a second record of it.
 */
@Injectable()
export class AuditFeed {
  /**
   * The successful events of the given entity types inside programmes, after `after`,
   * looking at most `limit` numbers further.
   */
  async read(
    manager: EntityManager,
    after: string,
    limit: number,
    entityTypes: readonly string[],
  ): Promise<FeedPage> {
    const rows: (Omit<FeedEvent, 'sequence'> & { sequence: string; through: string | null })[] =
      await manager.query(
        `WITH scanned AS (
           SELECT * FROM audit_events
            WHERE sequence > $1::bigint AND sequence <= $1::bigint + $2::int
         )
         SELECT s.sequence::text AS sequence, s.occurred_at AS "occurredAt",
                s.actor_type AS "actorType", s.actor_id AS "actorId", s.operation,
                s.entity_type AS "entityType", s.entity_id AS "entityId",
                s.programme_id AS "programmeId", s.changes, s.details,
                (SELECT max(sequence)::text FROM scanned) AS through
           FROM (SELECT 1) one
           LEFT JOIN scanned s ON s.result = 'success' AND s.programme_id IS NOT NULL
                              AND s.entity_type = ANY($3::text[])
          ORDER BY s.sequence`,
        [after, limit, entityTypes],
      );
    const through = rows[0]?.through ?? after;
    const events: FeedEvent[] = [];
    for (const row of rows) {
      if (row.sequence === null) continue;
      events.push({
        sequence: row.sequence,
        occurredAt: row.occurredAt,
        actorType: row.actorType,
        actorId: row.actorId,
        operation: row.operation,
        entityType: row.entityType,
        entityId: row.entityId,
        programmeId: row.programmeId,
        changes: row.changes,
        details: row.details,
      });
    }
    return { events, through };
  }
}
