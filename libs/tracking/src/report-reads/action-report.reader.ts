import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { USER_NAMES } from '@app/identity';
import type { CommitmentKind } from '../commitments/commitment.entity';
import {
  type ActionCountGroup,
  type BucketCountGroup,
  type CountMoment,
  countActionGroups,
} from './action-count-groups';
import type { ActionReportFilter } from './action-report-filter';
import { type ActionReportRow, readActionReportRows } from './action-report-rows';
import { ReportNamesReader } from './report-names.reader';

export type {
  ActionCountGroup,
  BucketCountGroup,
  CountMoment,
  CountSet,
} from './action-count-groups';
export type { ActionReportFilter } from './action-report-filter';
export type { ActionReportRow } from './action-report-rows';

export interface ReportReferenceData {
  programme: { id: string; name: string } | null;
  tracks: { id: string; name: string; position: number }[];
  organisations: { id: string; code: string; name: string }[];
  commitments: {
    id: string;
    title: string;
    kind: CommitmentKind;
    document: string | null;
    kamerstuk: string | null;
  }[];
}

/**
 * The reads of a progress report (the reporting context's window on tracking, DESIGN §3):
 * counts grouped for a summary, actions with their timeline up to a moment, and the names they
 * refer to. Each takes the manager of the caller's read-only snapshot, so a summary and its
 * rows agree.
 */
@Injectable()
export class ActionReportReader {
  // Stateless: shared SQL for the names, not a dependency to inject.
  private readonly names = new ReportNamesReader();

  /**
   * Programme, tracks, organisations and (unless only a summary needs them: `commitments:
   * false`) commitments by id, for labels.
   */
  async references(
    manager: EntityManager,
    programmeId: string,
    options: { commitments: boolean } = { commitments: true },
  ): Promise<ReportReferenceData> {
    const programme = await this.names.programme(manager, programmeId);
    const tracks = await this.names.tracks(manager, programmeId);
    const organisations = await this.names.organisations(manager);
    if (!options.commitments) return { programme, tracks, organisations, commitments: [] };
    const commitments = await manager.query<ReportReferenceData['commitments']>(
      `SELECT c.id, c.title, c.kind, r.document, r.kamerstuk
         FROM commitments c
         LEFT JOIN LATERAL (SELECT document, kamerstuk FROM commitment_references
                             WHERE commitment_id = c.id ORDER BY position LIMIT 1) r ON true
        WHERE c.programme_id = $1`,
      [programmeId],
    );
    return { programme, tracks, organisations, commitments };
  }

  /** How many actions of a programme existed at `asOf`: the most a report of then lists. */
  async countAt(manager: EntityManager, programmeId: string, asOf: Date): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM actions WHERE programme_id = $1 AND created_at <= $2',
      [programmeId, asOf],
    );
    return row.n;
  }

  /** The display names of people (owners an action had earlier). */
  async userNames(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT id, display_name AS name FROM ${USER_NAMES} u WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * The actions of a programme as they stand, counted by every dimension of a summary on
   * `today` (Europe/Amsterdam): overdue, deadlines within 30 and 90 days, closed as met or
   * partially met after `periodFrom`, with a progress update since `updatedFrom`.
   */
  async countGroups(
    manager: EntityManager,
    programmeId: string,
    at: CountMoment,
    filter: ActionReportFilter,
  ): Promise<ActionCountGroup[]> {
    return countActionGroups(manager, programmeId, at, filter, undefined);
  }

  /**
   * The same counts per bucket of actions (`actions.report_bucket` of migration 1795524600000:
   * by the action's commitment, else by the action itself), of the buckets asked for or (`all`)
   * of every one: the groups of disjoint buckets add up to `countGroups`, so a summary can
   * recount only the buckets a change touched.
   */
  async countBucketGroups(
    manager: EntityManager,
    programmeId: string,
    at: CountMoment,
    filter: ActionReportFilter,
    buckets: readonly number[] | 'all',
  ): Promise<BucketCountGroup[]> {
    return countActionGroups(manager, programmeId, at, filter, buckets) as Promise<
      BucketCountGroup[]
    >;
  }

  /**
   * The actions of a programme that existed at `asOf`, with their timeline up to it, in
   * report order (track position, deadline, title, id), read through a cursor in batches of
   * `batchSize`: the caller's manager must hold a transaction.
   */
  rows(
    manager: EntityManager,
    programmeId: string,
    moment: { asOf: Date; since: Date | null },
    filter: ActionReportFilter,
    batchSize = 2000,
  ): AsyncGenerator<ActionReportRow[]> {
    return readActionReportRows(manager, programmeId, moment, filter, batchSize);
  }
}
