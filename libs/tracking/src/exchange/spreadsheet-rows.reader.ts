import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActionHealth, ActionStatus, PartnerRole } from '../actions/action-states';
import type { CommitmentKind } from '../commitments/commitment.entity';

/** A commitment as the import workbook shows it, ids unresolved. */
export interface SpreadsheetCommitment {
  id: string;
  version: number;
  kind: CommitmentKind;
  title: string;
  description: string;
  dateAgreed: string | null;
  attributes: Record<string, unknown>;
  /** Organisation ids. */
  parties: string[];
  /** Its references (documents), in their order; their Kamerstuk numbers are the sheet's. */
  references: {
    document: string;
    kamerstuk: string | null;
    date: string | null;
    url: string | null;
  }[];
}

/** An action as the import workbook shows it, ids unresolved. */
export interface SpreadsheetAction {
  id: string;
  version: number;
  title: string;
  description: string;
  trackId: string | null;
  commitmentId: string | null;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  partners: { organisationId: string; role: PartnerRole }[];
  startDate: string | null;
  deadline: string;
  status: ActionStatus;
  health: ActionHealth;
  percentComplete: number;
  latestNarrative: string | null;
  tags: string[];
  public: boolean;
}

const ACTION_COLUMNS = `a.id, a.version, a.title, a.description, a.track_id AS "trackId",
  a.commitment_id AS "commitmentId", a.owner_organisation_id AS "ownerOrganisationId",
  a.owner_user_id AS "ownerUserId", to_char(a.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(a.deadline, 'YYYY-MM-DD') AS "deadline", a.status, a.health,
  a.percent_complete AS "percentComplete", a.latest_narrative AS "latestNarrative", a.tags,
  a.public,
  COALESCE((SELECT json_agg(json_build_object('organisationId', p.organisation_id, 'role', p.role)
                            ORDER BY p.organisation_id)
              FROM action_partners p WHERE p.action_id = a.id), '[]') AS partners`;

/**
 * The programme's commitments and actions as the import workbook needs them (issue 19):
 * tracking answers, so that the imports context never reads its tables.
 */
@Injectable()
export class SpreadsheetRowsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every commitment of the programme (a programme has hundreds, not millions). */
  commitments(programmeId: string, manager?: EntityManager): Promise<SpreadsheetCommitment[]> {
    return (manager ?? this.dataSource.manager).query<SpreadsheetCommitment[]>(
      `SELECT c.id, c.version, c.kind, c.title, c.description,
              to_char(c.date_agreed, 'YYYY-MM-DD') AS "dateAgreed", c.attributes,
              COALESCE((SELECT array_agg(p.organisation_id ORDER BY p.organisation_id)
                          FROM commitment_parties p WHERE p.commitment_id = c.id), '{}') AS parties,
              COALESCE((SELECT json_agg(json_build_object('document', r.document,
                                 'kamerstuk', r.kamerstuk, 'date', to_char(r.date, 'YYYY-MM-DD'),
                                 'url', r.url) ORDER BY r.position)
                          FROM commitment_references r WHERE r.commitment_id = c.id), '[]') AS "references"
         FROM commitments c WHERE c.programme_id = $1
        ORDER BY c.created_at, c.id`,
      [programmeId],
    );
  }

  /** A page of the programme's actions, by id after `afterId` (keyset), for the filled workbook. */
  actionsPage(
    programmeId: string,
    afterId: string | null,
    limit: number,
  ): Promise<SpreadsheetAction[]> {
    return this.dataSource.query<SpreadsheetAction[]>(
      `SELECT ${ACTION_COLUMNS} FROM actions a
        WHERE a.programme_id = $1 AND ($2::uuid IS NULL OR a.id > $2)
        ORDER BY a.id LIMIT $3`,
      [programmeId, afterId, limit],
    );
  }

  /** The programme's actions among `ids` (others' and unknown ids are left out). */
  actionsByIds(programmeId: string, ids: readonly string[]): Promise<SpreadsheetAction[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query<SpreadsheetAction[]>(
      `SELECT ${ACTION_COLUMNS} FROM actions a
        WHERE a.programme_id = $1 AND a.id = ANY($2::uuid[])`,
      [programmeId, ids],
    );
  }

  /** Which of `ids` are actions (of any programme): a row's create already happened. */
  async existingActions(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM actions WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Which of `ids` are commitments (of any programme). */
  async existingCommitments(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM commitments WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }
}
