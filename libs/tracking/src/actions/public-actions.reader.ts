import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { ORGANISATION_ROWS, PROGRAMME_ROWS, TRACK_ROWS } from '@app/identity';
import type { CommitmentKind } from '../commitments/commitment.entity';
import { ActionEntity } from './action.entity';
import type { ActionHealth, ActionStatus } from './action-states';

/**
 * A public action as open data sees it: what the programme published, and nothing about
 * people (no user ids, names, e-mail addresses or authors of narratives).
 */
export interface PublicActionRow {
  id: string;
  title: string;
  description: string;
  trackName: string | null;
  commitmentKind: CommitmentKind | null;
  commitmentTitle: string | null;
  /** The commitment's first reference (lowest position), if any. */
  sourceDocument: string | null;
  sourceKamerstuk: string | null;
  ownerOrganisationCode: string;
  ownerOrganisationName: string;
  /** Codes of the partner organisations (every role), alphabetical. */
  partnerOrganisationCodes: string[];
  /** YYYY-MM-DD, Europe/Amsterdam. */
  deadline: string;
  status: ActionStatus;
  health: ActionHealth;
  percentComplete: number;
  closedAt: Date | null;
  latestNarrative: string | null;
  /** When the owner's progress update that wrote `latestNarrative` was made. */
  latestNarrativeAt: Date | null;
  updatedAt: Date;
}

/** A programme as its open data describes it. */
export interface PublicProgrammeRow {
  id: string;
  name: string;
  description: string;
  /** The licence id (identity's OPEN_DATA_LICENCES). */
  openDataLicence: string;
  createdAt: Date;
}

export interface OpenDataFreshness {
  publicCount: number;
  /** The latest change of a public action; null while none is public. */
  publicModified: Date | null;
  lastModified: Date;
}

/** The order of the export: deadline, then id; `ix_actions_public` reads it in order. */
const SORT = [{ key: 'deadline', direction: 'asc' as const }];
const SORT_COLUMNS = { deadline: { expression: 'a.deadline' } };

const DETAILS = `SELECT a.id, a.title, a.description, t.name AS "trackName",
         c.kind AS "commitmentKind", c.title AS "commitmentTitle",
         r.document AS "sourceDocument", r.kamerstuk AS "sourceKamerstuk",
         o.code AS "ownerOrganisationCode", o.name AS "ownerOrganisationName",
         COALESCE((SELECT array_agg(po.code::text ORDER BY po.code)
                     FROM action_partners p JOIN ${ORGANISATION_ROWS} po ON po.id = p.organisation_id
                    WHERE p.action_id = a.id), '{}') AS "partnerOrganisationCodes",
         to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.status, a.health,
         a.percent_complete AS "percentComplete", a.closed_at AS "closedAt",
         a.latest_narrative AS "latestNarrative",
         CASE WHEN a.latest_narrative IS NOT NULL THEN
           (SELECT max(u.created_at) FROM progress_updates u
             WHERE u.action_id = a.id AND u.kind = 'progress')
         END AS "latestNarrativeAt",
         a.updated_at AS "updatedAt"
    FROM actions a
    JOIN ${ORGANISATION_ROWS} o ON o.id = a.owner_organisation_id
    LEFT JOIN ${TRACK_ROWS} t ON t.id = a.track_id
    LEFT JOIN commitments c ON c.id = a.commitment_id
    LEFT JOIN LATERAL (SELECT x.document, x.kamerstuk FROM commitment_references x
                        WHERE x.commitment_id = c.id ORDER BY x.position LIMIT 1) r ON true
   WHERE a.id = ANY($1::uuid[]) AND a.public`;

/**
 * The programme's public actions, for the open data export (the reporting context's window
 * on tracking, DESIGN §3). Tracking answers it because it decides what "public" means.
 */
@Injectable()
export class PublicActionsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The programme as its open data names it, or null when there is none. Tracking already
   * refers to programmes (every action belongs to one); this saves reporting a read of
   * identity's table.
   */
  async programme(id: string): Promise<PublicProgrammeRow | null> {
    const rows = await this.dataSource.query<PublicProgrammeRow[]>(
      `SELECT id, name, description, open_data_licence AS "openDataLicence",
              created_at AS "createdAt"
         FROM ${PROGRAMME_ROWS} p WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { ...row, createdAt: new Date(row.createdAt) } : null;
  }

  /**
   * What the open data of the programme depends on, for its validators (ETag, Last-Modified):
   * how many actions are public, when a public one last changed, and when anything the open
   * data is read from last changed (the programme, its tracks and commitments, the
   * organisations, and its actions public or not, so that an action made private moves it).
   */
  async freshness(programmeId: string): Promise<OpenDataFreshness> {
    const [row] = await this.dataSource.query<
      {
        publicCount: number;
        publicModified: Date | string | null;
        lastModified: Date | string;
      }[]
    >(
      `SELECT (SELECT count(*)::int FROM actions WHERE programme_id = $1 AND public) AS "publicCount",
              (SELECT max(updated_at) FROM actions WHERE programme_id = $1 AND public) AS "publicModified",
              GREATEST(p.updated_at,
                       (SELECT max(updated_at) FROM actions WHERE programme_id = $1),
                       (SELECT max(updated_at) FROM ${TRACK_ROWS} t WHERE programme_id = $1),
                       (SELECT max(updated_at) FROM commitments WHERE programme_id = $1),
                       (SELECT max(updated_at) FROM ${ORGANISATION_ROWS} o)) AS "lastModified"
         FROM ${PROGRAMME_ROWS} p WHERE p.id = $1`,
      [programmeId],
    );
    return {
      publicCount: row.publicCount,
      publicModified: row.publicModified === null ? null : new Date(row.publicModified),
      lastModified: new Date(row.lastModified),
    };
  }

  /**
   * The organisation accountable (trekker) for most of the programme's public actions, the
   * lowest code on a tie; null while nothing is public.
   */
  async leadOrganisation(programmeId: string): Promise<{ code: string; name: string } | null> {
    const rows = await this.dataSource.query<{ code: string; name: string }[]>(
      `SELECT o.code, o.name
         FROM actions a JOIN ${ORGANISATION_ROWS} o ON o.id = a.owner_organisation_id
        WHERE a.programme_id = $1 AND a.public
        GROUP BY o.code, o.name
        ORDER BY count(*) DESC, o.code
        LIMIT 1`,
      [programmeId],
    );
    return rows[0] ?? null;
  }

  /** One page of the programme's public actions, by deadline then id (keyset). */
  async page(
    programmeId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<PublicActionRow>> {
    const query = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'a')
      .select('a.id')
      .where('a.programme_id = :programmeId', { programmeId })
      .andWhere('a.public');
    const ids = await paginateKeyset(query, {
      sort: SORT,
      columns: SORT_COLUMNS,
      tiebreaker: 'a.id',
      limit: page.limit,
      cursor: page.cursor,
    });
    return { ...ids, items: await this.details(ids.items.map((action) => action.id)) };
  }

  /** The rows of `ids`, in that order; an action made private in between drops out. */
  private async details(ids: readonly string[]): Promise<PublicActionRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<
      (Omit<PublicActionRow, 'closedAt' | 'latestNarrativeAt' | 'updatedAt'> & {
        closedAt: Date | string | null;
        latestNarrativeAt: Date | string | null;
        updatedAt: Date | string;
      })[]
    >(DETAILS, [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const instant = (value: Date | string) => new Date(value);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          ...row,
          closedAt: row.closedAt === null ? null : instant(row.closedAt),
          latestNarrativeAt: row.latestNarrativeAt === null ? null : instant(row.latestNarrativeAt),
          updatedAt: instant(row.updatedAt),
        },
      ];
    });
  }
}
