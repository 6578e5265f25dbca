import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditChanges } from '../recording/changes';

/** One recorded change of an entity: what its fields were before and after. */
export interface RecordedChange {
  entityId: string;
  sequence: string;
  occurredAt: Date;
  operation: string;
  changes: AuditChanges | null;
}

/**
 * The audit log as the history of a programme's entities, for reconstructing their state at an
 * earlier moment (a report "as of" last June): the recorded changes after a moment, newest
 * first. Times follow sequence numbers (the chain is appended in order), so the walk starts
 * at the first sequence after the moment and stays on the (programme, sequence) index.
 */
/** An event found by `AuditHistory.marked`. */
export interface MarkedEvent {
  entityId: string;
  details: Record<string, unknown>;
  /** Per field changed: its value before (`old`) and after (`new`). */
  changes: Record<string, { old?: unknown; new?: unknown }> | null;
}

@Injectable()
export class AuditHistory {
  async changesAfter(
    manager: EntityManager,
    programmeId: string,
    entityType: string,
    after: Date,
  ): Promise<RecordedChange[]> {
    const [first] = await manager.query<{ sequence: string | null }[]>(
      'SELECT min("sequence") AS "sequence" FROM "audit_events" WHERE "occurred_at" > $1',
      [after],
    );
    if (first?.sequence == null) return [];
    const rows = await manager.query<
      {
        entityId: string;
        sequence: string;
        occurredAt: Date;
        operation: string;
        changes: AuditChanges | null;
      }[]
    >(
      `SELECT "entity_id" AS "entityId", "sequence", "occurred_at" AS "occurredAt", "operation", "changes"
         FROM "audit_events"
        WHERE "programme_id" = $1 AND "sequence" >= $2 AND "entity_type" = $3
          AND "result" = 'success' AND "occurred_at" > $4
        ORDER BY "sequence" DESC`,
      [programmeId, first.sequence, entityType, after],
    );
    return rows;
  }

  /**
   * The successful events on these entities whose details contain `mark` (e.g. an import's
   * id), with their details and changes: a job that acts in steps finds out which steps
   * committed, and what they changed, since an event commits with its change or not at all.
   */
  async marked(
    manager: EntityManager,
    entityType: string,
    entityIds: readonly string[],
    mark: Readonly<Record<string, string | number>>,
  ): Promise<MarkedEvent[]> {
    if (entityIds.length === 0) return [];
    return manager.query<MarkedEvent[]>(
      `SELECT "entity_id" AS "entityId", "details", "changes" FROM "audit_events"
        WHERE "entity_type" = $1 AND "entity_id" = ANY($2::text[]) AND "details" @> $3::jsonb
          AND "result" = 'success'`,
      [entityType, entityIds, JSON.stringify(mark)],
    );
  }
}
