import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@app/core';
import { ORGANISATION_ROWS } from '@app/identity';
import type { PartnerRow } from './actions.repository';

/** An organisation's latest position on an action (its latest comment with one). */
export interface PositionRow {
  actionId: string;
  organisationId: string;
  position: 'supports' | 'concerns' | 'objects';
  commentedAt: Date;
}

/** An owning organisation, as a response names it. */
export interface OrganisationRow {
  id: string;
  code: string;
  name: string;
}

/**
 * What the responses of actions just written show beside their rows (the write paths; the
 * reads decorate in the statement that reads the rows, `decorationsSql`).
 */
@Injectable()
export class ActionDecorationsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What responses show beside the rows, for a page of actions in one statement: the owning
   * organisations, the partners and the latest position per organisation.
   */
  async decorations(
    actionIds: readonly string[],
    ownerIds: readonly string[],
  ): Promise<{ owners: OrganisationRow[]; partners: PartnerRow[]; positions: PositionRow[] }> {
    if (actionIds.length === 0) return { owners: [], partners: [], positions: [] };
    const [row] = await queryPrepared<{
      owners: OrganisationRow[] | null;
      partners: PartnerRow[] | null;
      positions: (Omit<PositionRow, 'commentedAt'> & { commentedAt: string })[] | null;
    }>(
      this.dataSource,
      `SELECT
         (SELECT json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name))
            FROM ${ORGANISATION_ROWS} o WHERE o.id = ANY($2::uuid[])) AS owners,
         (SELECT json_agg(json_build_object('actionId', p.action_id, 'organisationId', o.id,
                   'code', o.code, 'name', o.name, 'role', p.role) ORDER BY o.code)
            FROM action_partners p JOIN ${ORGANISATION_ROWS} o ON o.id = p.organisation_id
           WHERE p.action_id = ANY($1::uuid[])) AS partners,
         (SELECT json_agg(json_build_object('actionId', l.action_id,
                   'organisationId', l.author_organisation_id, 'position', l.position,
                   'commentedAt', l.created_at))
            FROM (SELECT DISTINCT ON (c.action_id, c.author_organisation_id)
                         c.action_id, c.author_organisation_id, c.position, c.created_at
                    FROM comments c
                   WHERE c.action_id = ANY($1::uuid[]) AND c.position IS NOT NULL
                   ORDER BY c.action_id, c.author_organisation_id, c.created_at DESC, c.id DESC) l
         ) AS positions`,
      [actionIds, [...new Set(ownerIds)]],
    );
    return {
      owners: row.owners ?? [],
      partners: row.partners ?? [],
      positions: (row.positions ?? []).map((position) => ({
        ...position,
        commentedAt: new Date(position.commentedAt),
      })),
    };
  }
}
