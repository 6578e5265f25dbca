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

/**
 * The audit events of one entity as rows of a history, for a context that merges them with
 * its own timeline in one keyset-paged statement (tracking's action history, a UNION ALL):
 * the columns `at`, `key` (`a` and the sequence, zero-padded: ordered as the chain),
 * `source` ('audit'), `kind` (the operation), `actorType`, `actorId`, `actorOrganisationId`,
 * `changes`, `details`, and null `text`, `reason` and `position`. `entityType`: a literal
 * such as `action`; `entityIdParam`: the placeholder of the entity's id (text).
 */
export function entityHistorySql(entityType: string, entityIdParam: string): string {
  if (!/^[a-z_]+$/.test(entityType)) throw new Error(`Not an entity type: ${entityType}`);
  return `SELECT e.occurred_at AS at, 'a' || lpad(e.sequence::text, 20, '0') AS key,
                'audit' AS source, e.operation AS kind, e.actor_type AS "actorType",
                e.actor_id AS "actorId", e.actor_organisation_id AS "actorOrganisationId",
                e.changes, e.details, NULL::text AS text, NULL::text AS reason,
                NULL::text AS position
         FROM audit_events e WHERE e.entity_type = '${entityType}' AND e.entity_id = ${entityIdParam}`;
}
