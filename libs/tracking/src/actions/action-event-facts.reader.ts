import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a subscriber's filter asks of an action: its track and the organisations involved. */
export interface ActionEventFacts {
  trackId: string | null;
  /** The owning organisation, then the partners (co-owners, contributors, informed). */
  organisationIds: string[];
}

/**
 * The facts the webhooks context filters an action's events on (issue 21): read for many
 * actions at once, as they are now. An action that is gone is not in the answer.
 */
@Injectable()
export class ActionEventFactsReader {
  async forActions(
    manager: EntityManager,
    actionIds: readonly string[],
  ): Promise<Map<string, ActionEventFacts>> {
    if (actionIds.length === 0) return new Map();
    const rows: { id: string; track_id: string | null; organisation_ids: string[] }[] =
      await manager.query(
        `SELECT a.id, a.track_id,
                array_prepend(a.owner_organisation_id,
                  coalesce(array_agg(p.organisation_id) FILTER (WHERE p.organisation_id IS NOT NULL),
                           '{}'))::text[] AS organisation_ids
           FROM actions a LEFT JOIN action_partners p ON p.action_id = a.id
          WHERE a.id = ANY($1::uuid[])
          GROUP BY a.id`,
        [[...new Set(actionIds)]],
      );
    return new Map(
      rows.map((row) => [row.id, { trackId: row.track_id, organisationIds: row.organisation_ids }]),
    );
  }
}
