import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ORGANISATION_ROWS } from '@app/identity';
import { type ActionHealth, type ActionStatus, CLOSED_STATUSES } from './action-states';

/** An action's deadline as a calendar shows it (the reporting context's deadlines feed). */
export interface ActionDeadline {
  id: string;
  title: string;
  /** YYYY-MM-DD, Europe/Amsterdam. */
  deadline: string;
  status: ActionStatus;
  health: ActionHealth;
  percentComplete: number;
  version: number;
  updatedAt: Date;
  ownerOrganisation: { id: string; code: string; name: string };
}

export interface ActionDeadlineFilter {
  trackId?: string;
  ownerOrganisationId?: string;
  /** Also the closed actions (met, partially met, lapsed); default only the open ones. */
  includeClosed?: boolean;
}

/**
 * The deadlines of a programme's actions, sub-actions included, soonest first. Every matching
 * action: a subscribed calendar replaces its events with what the feed holds, so a page of
 * them would make the rest disappear.
 */
@Injectable()
export class ActionDeadlinesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forProgramme(
    programmeId: string,
    filter: ActionDeadlineFilter = {},
  ): Promise<ActionDeadline[]> {
    const rows = await this.dataSource.query<
      (Omit<ActionDeadline, 'updatedAt'> & {
        updatedAt: Date | string;
      })[]
    >(
      `SELECT a.id, a.title, to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.status, a.health,
              a.percent_complete AS "percentComplete", a.version, a.updated_at AS "updatedAt",
              json_build_object('id', o.id, 'code', o.code, 'name', o.name) AS "ownerOrganisation"
         FROM actions a JOIN ${ORGANISATION_ROWS} o ON o.id = a.owner_organisation_id
        WHERE a.programme_id = $1
          AND ($2::uuid IS NULL OR a.track_id = $2)
          AND ($3::uuid IS NULL OR a.owner_organisation_id = $3)
          AND ($4::boolean OR a.status <> ALL($5::text[]))
        ORDER BY a.deadline, a.id`,
      [
        programmeId,
        filter.trackId ?? null,
        filter.ownerOrganisationId ?? null,
        filter.includeClosed ?? false,
        CLOSED_STATUSES,
      ],
    );
    return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }));
  }
}
