import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ORGANISATION_ROWS, PROGRAMME_ROWS, TRACK_ROWS } from '@app/identity';
import type { CommitmentKind } from '../commitments/commitment.entity';

export interface ReportProgramme {
  id: string;
  name: string;
}

export interface ReportTrackName {
  id: string;
  name: string;
  position: number;
}

export interface ReportOrganisationName {
  id: string;
  code: string;
  name: string;
}

/** A commitment as a summary names it, with the bucket its actions are counted in. */
export interface ReportCommitmentName {
  id: string;
  title: string;
  kind: CommitmentKind;
  /** `report_bucket_of(id)` (migration 1795524600000): the bucket of its actions. */
  bucket: number;
}

/**
 * The names a progress report shows (programme, tracks, organisations, commitments), read in
 * the caller's snapshot. The commitments can be read by bucket: a summary that keeps them
 * reads again only those of the buckets a change touched, as it does its counts.
 */
@Injectable()
export class ReportNamesReader {
  async programme(manager: EntityManager, programmeId: string): Promise<ReportProgramme | null> {
    const [programme] = await manager.query<ReportProgramme[]>(
      `SELECT id, name FROM ${PROGRAMME_ROWS} p WHERE id = $1`,
      [programmeId],
    );
    return programme ?? null;
  }

  /** In the programme's order (position, then name and id). */
  tracks(manager: EntityManager, programmeId: string): Promise<ReportTrackName[]> {
    return manager.query<ReportTrackName[]>(
      `SELECT id, name, position FROM ${TRACK_ROWS} t
        WHERE programme_id = $1 ORDER BY position, name, id`,
      [programmeId],
    );
  }

  /** Every organisation, by code. */
  organisations(manager: EntityManager): Promise<ReportOrganisationName[]> {
    return manager.query<ReportOrganisationName[]>(
      `SELECT id, code, name FROM ${ORGANISATION_ROWS} o ORDER BY code`,
    );
  }

  /** The programme's commitments whose actions fall in `buckets` (`all`: every one). */
  commitments(
    manager: EntityManager,
    programmeId: string,
    buckets: readonly number[] | 'all',
  ): Promise<ReportCommitmentName[]> {
    const some = buckets !== 'all';
    return manager.query<ReportCommitmentName[]>(
      `SELECT id, title, kind, report_bucket_of(id) AS bucket FROM commitments
        WHERE programme_id = $1${some ? ' AND report_bucket_of(id) = ANY($2::int[])' : ''}`,
      some ? [programmeId, buckets] : [programmeId],
    );
  }
}
