import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StatementParameters } from '@app/core';
import { TRACK_ROWS, USER_NAMES } from '@app/identity';
import type { CommitmentKind } from '../commitments/commitment.entity';
import {
  ACTION_HEALTHS,
  type ActionHealth,
  type ActionStatus,
  CLOSED_STATUSES,
  type EscalationFilterValue,
  type EscalationLevel,
  type PartnerRole,
  type Verification,
} from '../actions/action-states';
import {
  ROLLUP_WEIGHT_SQL,
  ROLLUP_WEIGHTED_SQL,
  type RollupSums,
  rollupSumsFrom,
} from '../rollups/rollup';
import { ReportNamesReader } from './report-names.reader';

/** One action as a report reads it: its current fields and its timeline up to a moment. */
export interface ActionReportRow {
  id: string;
  trackId: string | null;
  commitmentId: string | null;
  title: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  deadline: string;
  status: ActionStatus;
  health: ActionHealth;
  verification: Verification;
  percentComplete: number;
  rollupWeight: number | null;
  escalationLevel: EscalationLevel | null;
  /** Instants are ISO 8601 UTC text with milliseconds (`2026-06-30T10:15:00.000Z`). */
  closedAt: string | null;
  createdAt: string;
  partners: { organisationId: string; role: PartnerRole }[];
  /** The latest narrative of an owner's progress update at or before the moment. */
  latestNarrative: string | null;
  latestNarrativeAt: string | null;
  /** The latest progress update (an owner's report) at or before the moment. */
  lastUpdateAt: string | null;
  /** The latest timeline entry that closed the action at or before the moment. */
  lastClosingAt: string | null;
  /** The latest position per organisation at or before the moment. */
  positions: {
    organisationId: string;
    position: 'supports' | 'concerns' | 'objects';
    statedAt: string;
  }[];
  /** Progress updates in (since, moment]; 0 without `since`. */
  progressUpdatesSince: number;
}

/** Narrows the actions in SQL: the current state (a report of now). */
export interface ActionReportFilter {
  trackId?: string;
  commitmentKind?: CommitmentKind;
  ownerOrganisationId?: string;
  partnerOrganisationId?: string;
  statuses?: readonly ActionStatus[];
  healths?: readonly ActionHealth[];
  /** Levels of the escalation ladder; `none`: not escalated. */
  escalationLevels?: readonly EscalationFilterValue[];
  /** Overdue on `today` (deadline passed, not closed), or not. */
  overdue?: { value: boolean; today: string };
}

/** The counts of a report of now, by every dimension its summary needs. */
/**
 * Which figures of a summary a group counts: `all` for one action (every figure), or one
 * grouping set of the summary query (its dimensions only; the others are null).
 */
export type CountSet =
  | 'all'
  | 'statusHealth'
  | 'verification'
  | 'trackStatus'
  | 'kind'
  | 'ownerStatus'
  | 'escalation'
  | 'commitment'
  | 'total';

/** The moment a summary counts at: its report day and the starts of its windows. */
export interface CountMoment {
  today: string;
  periodFrom: Date;
  updatedFrom: Date;
}

/**
 * The bucket of an action, for SQL over `actions a`: one of 64, a generated column indexed with
 * the programme (migration 1795524600000); an action with a commitment is in its commitment's.
 */
const BUCKET_SQL = 'a.report_bucket';

/** Actions counted together; the flags count how many of them are overdue, due, … */
export interface ActionCountGroup {
  set: CountSet;
  status: ActionStatus | null;
  health: ActionHealth | null;
  verification: Verification | null;
  trackId: string | null;
  commitmentId: string | null;
  commitmentKind: CommitmentKind | null;
  ownerOrganisationId: string | null;
  escalationLevel: EscalationLevel | null;
  count: number;
  /** How many are open. */
  open: number;
  overdue: number;
  due30: number;
  due90: number;
  completed: number;
  updated30: number;
  /** What the roll-ups of the group's track and commitment sum. */
  rollup: RollupSums;
}

/** A group of the actions of one bucket. */
export interface BucketCountGroup extends ActionCountGroup {
  bucket: number;
}

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

const CLOSED = [...CLOSED_STATUSES];

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
    return this.count(manager, programmeId, at, filter, undefined);
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
    return this.count(manager, programmeId, at, filter, buckets) as Promise<BucketCountGroup[]>;
  }

  private async count(
    manager: EntityManager,
    programmeId: string,
    at: CountMoment,
    filter: ActionReportFilter,
    buckets: readonly number[] | 'all' | undefined,
  ): Promise<ActionCountGroup[]> {
    const p = new StatementParameters();
    let where = this.where(p, programmeId, filter);
    if (Array.isArray(buckets)) where += ` AND ${BUCKET_SQL} = ANY(${p.add(buckets, 'int[]')})`;
    const bucket = buckets === undefined ? '' : `${BUCKET_SQL} AS bucket,`;
    // A few buckets (a few thousand actions) look their heads up one by one; the whole
    // programme hashes the table (a LIMIT keeps the planner from turning the one into the other).
    const heads = Array.isArray(buckets)
      ? `LEFT JOIN LATERAL (SELECT x.last_update_at, x.last_closing_at FROM action_timeline_heads x
                             WHERE x.action_id = a.id LIMIT 1) h ON true`
      : 'LEFT JOIN action_timeline_heads h ON h.action_id = a.id';
    const closed = p.add(CLOSED, 'text[]');
    const today = p.add(at.today, 'date');
    const open = `a.status <> ALL(${closed})`;
    // The flags once per action, then one pass of grouping sets: a hundred rows for 100,000
    // actions instead of one per combination of every dimension.
    const rows = await manager.query<RawCountRow[]>(
      `WITH flagged AS (
         SELECT ${bucket} a.status, a.health, a.verification, a.track_id, a.commitment_id, c.kind,
                a.owner_organisation_id, a.escalation_level, (${open})::int AS open,
                ${ROLLUP_WEIGHT_SQL} AS rollup_weight, ${ROLLUP_WEIGHTED_SQL} AS rollup_weighted,
                (${open} AND a.deadline < ${today})::int AS overdue,
                (${open} AND a.deadline BETWEEN ${today} AND ${today} + 30)::int AS due30,
                (${open} AND a.deadline BETWEEN ${today} AND ${today} + 90)::int AS due90,
                (a.status IN ('met', 'partially_met')
                  -- When it closed: its closing timeline entry, as the report's rows show it.
                  AND coalesce(h.last_closing_at, a.closed_at)
                      > ${p.add(at.periodFrom, 'timestamptz')})::int AS completed,
                (${open} AND h.last_update_at >= ${p.add(at.updatedFrom, 'timestamptz')})::int
                  AS updated30
           FROM actions a
           LEFT JOIN commitments c ON c.id = a.commitment_id
           ${heads}
          WHERE ${where})
       SELECT ${buckets === undefined ? '' : 'bucket,'} status, health, verification,
              track_id AS "trackId", commitment_id AS "commitmentId", kind AS "commitmentKind",
              owner_organisation_id AS "ownerOrganisationId",
              escalation_level AS "escalationLevel",
              GROUPING(status) = 0 AS "byStatus", GROUPING(health) = 0 AS "byHealth",
              GROUPING(verification) = 0 AS "byVerification", GROUPING(track_id) = 0 AS "byTrack",
              GROUPING(kind) = 0 AS "byKind", GROUPING(owner_organisation_id) = 0 AS "byOwner",
              GROUPING(escalation_level) = 0 AS "byEscalation",
              GROUPING(commitment_id) = 0 AS "byCommitment",
              count(*) AS count, sum(open) AS open, sum(overdue) AS overdue, sum(due30) AS due30,
              sum(due90) AS due90, sum(completed) AS completed, sum(updated30) AS updated30,
              sum(rollup_weight) AS "rollupWeight", sum(rollup_weighted) AS "rollupWeighted",
              ${ACTION_HEALTHS.map(
                (h) => `count(*) FILTER (WHERE open = 1 AND health = '${h}') AS "rollupOpen_${h}"`,
              ).join(', ')}
         FROM flagged
        GROUP BY ${buckets === undefined ? '' : 'bucket,'}
                 GROUPING SETS ((status, health), (verification), (track_id, status), (kind),
                                (owner_organisation_id, status), (escalation_level), (commitment_id), ())`,
      [...p.values],
    );
    return rows.map((row) => ({
      ...(buckets === undefined ? {} : { bucket: row.bucket }),
      set: row.byHealth
        ? 'statusHealth'
        : row.byVerification
          ? 'verification'
          : row.byTrack
            ? 'trackStatus'
            : row.byKind
              ? 'kind'
              : row.byOwner
                ? 'ownerStatus'
                : row.byEscalation
                  ? 'escalation'
                  : row.byCommitment
                    ? 'commitment'
                    : 'total',
      status: row.status,
      health: row.health,
      verification: row.verification,
      trackId: row.trackId,
      commitmentId: row.commitmentId,
      commitmentKind: row.commitmentKind,
      ownerOrganisationId: row.ownerOrganisationId,
      escalationLevel: row.escalationLevel,
      count: Number(row.count),
      open: Number(row.open ?? 0),
      overdue: Number(row.overdue ?? 0),
      due30: Number(row.due30 ?? 0),
      due90: Number(row.due90 ?? 0),
      completed: Number(row.completed ?? 0),
      updated30: Number(row.updated30 ?? 0),
      rollup: rollupSumsFrom({
        ...row,
        rollupTotal: row.count,
        rollupOpen: row.open,
        rollupOverdue: row.overdue,
      }),
    }));
  }

  /**
   * The actions of a programme that existed at `asOf`, with their timeline up to it, in
   * report order (track position, deadline, title, id), read through a cursor in batches of
   * `batchSize`: the caller's manager must hold a transaction.
   */
  async *rows(
    manager: EntityManager,
    programmeId: string,
    moment: { asOf: Date; since: Date | null },
    filter: ActionReportFilter,
    batchSize = 2000,
  ): AsyncGenerator<ActionReportRow[]> {
    const p = new StatementParameters();
    const where = this.where(p, programmeId, filter);
    const asOf = p.add(moment.asOf, 'timestamptz');
    const since = moment.since
      ? `(SELECT count(*)::int FROM progress_updates u
           WHERE u.action_id = a.id AND u.kind = 'progress'
             AND u.created_at > ${p.add(moment.since, 'timestamptz')} AND u.created_at <= ${asOf})`
      : '0';
    // An action whose timeline head (migration 1795456800000) holds nothing after the moment
    // takes its newest entries from there; any other reads its timeline up to the moment.
    const current = `(h.latest_at IS NULL OR h.latest_at <= ${asOf})`;
    const head = (column: string, timeline: string) =>
      `CASE WHEN ${current} THEN h.${column} ELSE (${timeline}) END`;
    const cursor = `report_rows_${Math.random().toString(36).slice(2)}`;
    // The inner query sorts the values; the outer one writes them as text while the rows are
    // fetched, so that the sort moves narrow rows and the formatting streams.
    await manager.query(
      `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT r.id, r.track_id AS "trackId", r.commitment_id AS "commitmentId", r.title,
              r.owner_organisation_id AS "ownerOrganisationId", r.owner_user_id AS "ownerUserId",
              r.owner_user_name AS "ownerUserName", r.deadline::text AS deadline, r.status,
              r.health, r.verification, r.percent_complete AS "percentComplete",
              r.rollup_weight AS "rollupWeight",
              r.escalation_level AS "escalationLevel", ${iso('r.closed_at')} AS "closedAt",
              ${iso('r.created_at')} AS "createdAt", coalesce(r.partners, '[]') AS partners,
              r.narrative AS "latestNarrative", ${iso('r.narrative_at')} AS "latestNarrativeAt",
              ${iso('r.last_update_at')} AS "lastUpdateAt",
              ${iso('r.last_closing_at')} AS "lastClosingAt",
              coalesce(r.positions, '{}') AS positions,
              r.progress_updates_since AS "progressUpdatesSince"
         FROM (
       SELECT a.id, a.track_id, a.commitment_id, a.title, a.owner_organisation_id,
              a.owner_user_id, ou.display_name AS owner_user_name, a.deadline, a.status,
              a.health, a.verification, a.percent_complete, a.rollup_weight, a.escalation_level,
              a.closed_at,
              a.created_at, ap.partners,
              ${head('narrative', 'n.narrative')} AS narrative,
              ${head('narrative_at', 'n.created_at')} AS narrative_at,
              ${head(
                'last_update_at',
                `SELECT max(u.created_at) FROM progress_updates u
                  WHERE u.action_id = a.id AND u.kind = 'progress' AND u.created_at <= ${asOf}`,
              )} AS last_update_at,
              ${head(
                'last_closing_at',
                `SELECT max(u.created_at) FROM progress_updates u
                  WHERE u.action_id = a.id AND u.status IN ('met', 'partially_met', 'lapsed')
                    AND u.created_at <= ${asOf}`,
              )} AS last_closing_at,
              ${head(
                'positions',
                `SELECT jsonb_object_agg(x.org, jsonb_build_object('position', x.position,
                          'statedAt', x.at))
                   FROM (SELECT DISTINCT ON (cm.author_organisation_id)
                                cm.author_organisation_id AS org, cm.position, cm.created_at AS at
                           FROM comments cm
                          WHERE cm.action_id = a.id AND cm.position IS NOT NULL
                            AND cm.created_at <= ${asOf}
                          ORDER BY cm.author_organisation_id, cm.created_at DESC, cm.id DESC) x`,
              )} AS positions,
              ${since} AS progress_updates_since,
              t.rank AS track_rank,
              -- Titles by code point: cheap to compare, and (but for a final sigma and the like)
              -- the order a report of the past gives in memory.
              lower(a.title) COLLATE "C" AS title_key
         FROM actions a
         LEFT JOIN ${USER_NAMES} ou ON ou.id = a.owner_user_id
         -- Tracks ranked as the report lists them, so that the sort compares numbers.
         LEFT JOIN (SELECT id, row_number() OVER (ORDER BY position, name, id) AS rank
                      FROM ${TRACK_ROWS} tr WHERE programme_id = ${p.add(programmeId, 'uuid')}) t
                ON t.id = a.track_id
         LEFT JOIN action_timeline_heads h ON h.action_id = a.id
         -- Partners grouped once for the actions reported, not looked up one action at a time.
         LEFT JOIN (SELECT p.action_id, json_agg(json_build_object('organisationId',
                           p.organisation_id, 'role', p.role)) AS partners
                      FROM action_partners p
                     WHERE p.action_id IN (SELECT a.id FROM actions a WHERE ${where})
                     GROUP BY p.action_id) ap ON ap.action_id = a.id
         -- Read only where the head is of no use (the gate is a one-time filter per action).
         LEFT JOIN LATERAL (SELECT u.narrative, u.created_at FROM progress_updates u
                             WHERE NOT ${current} AND u.action_id = a.id AND u.kind = 'progress'
                               AND u.narrative IS NOT NULL AND u.created_at <= ${asOf}
                             ORDER BY u.created_at DESC, u.id DESC LIMIT 1) n ON true
        WHERE ${where} AND a.created_at <= ${asOf}
        ORDER BY track_rank NULLS LAST, a.deadline, title_key, a.id) r
        ORDER BY r.track_rank NULLS LAST, r.deadline, r.title_key, r.id`,
      [...p.values],
    );
    // The next batch is read while the caller works on this one.
    // A read that fails while the caller holds a batch is seen at the next `await next`, not
    // as an unhandled rejection in between (which would end the process).
    const fetch = () => {
      const read = manager.query<RawRow[]>(`FETCH ${batchSize} FROM ${cursor}`);
      read.catch(() => undefined);
      return read;
    };
    let next: Promise<RawRow[]> | undefined;
    try {
      next = fetch();
      for (;;) {
        const batch = await next;
        if (batch.length < batchSize) {
          if (batch.length > 0) yield batch.map(toRow);
          return;
        }
        next = fetch();
        yield batch.map(toRow);
      }
    } finally {
      // A reader that stops early leaves a read in flight: let it end before the cursor closes.
      await next?.catch(() => undefined);
      await manager.query(`CLOSE ${cursor}`).catch(() => undefined);
    }
  }

  private where(p: StatementParameters, programmeId: string, filter: ActionReportFilter): string {
    const clauses = [`a.programme_id = ${p.add(programmeId, 'uuid')}`];
    if (filter.trackId) clauses.push(`a.track_id = ${p.add(filter.trackId, 'uuid')}`);
    if (filter.commitmentKind) {
      clauses.push(
        `EXISTS (SELECT 1 FROM commitments fc WHERE fc.id = a.commitment_id AND fc.kind = ${p.add(filter.commitmentKind)})`,
      );
    }
    if (filter.ownerOrganisationId) {
      clauses.push(`a.owner_organisation_id = ${p.add(filter.ownerOrganisationId, 'uuid')}`);
    }
    if (filter.partnerOrganisationId) {
      clauses.push(
        `EXISTS (SELECT 1 FROM action_partners fp WHERE fp.action_id = a.id AND fp.organisation_id = ${p.add(filter.partnerOrganisationId, 'uuid')})`,
      );
    }
    if (filter.statuses?.length)
      clauses.push(`a.status = ANY(${p.add([...filter.statuses], 'text[]')})`);
    if (filter.healths?.length)
      clauses.push(`a.health = ANY(${p.add([...filter.healths], 'text[]')})`);
    if (filter.escalationLevels?.length) {
      const levels = filter.escalationLevels.filter((level) => level !== 'none');
      const none = filter.escalationLevels.includes('none') ? ' OR a.escalation_level IS NULL' : '';
      clauses.push(`(a.escalation_level = ANY(${p.add(levels, 'text[]')})${none})`);
    }
    if (filter.overdue) {
      const overdue = `(a.deadline < ${p.add(filter.overdue.today, 'date')} AND a.status <> ALL(${p.add(CLOSED, 'text[]')}))`;
      clauses.push(filter.overdue.value ? overdue : `NOT ${overdue}`);
    }
    return clauses.join(' AND ');
  }
}

type RawCountRow = Omit<
  ActionCountGroup,
  'set' | 'count' | 'open' | 'overdue' | 'due30' | 'due90' | 'completed' | 'updated30' | 'rollup'
> & {
  bucket?: number;
  byStatus: boolean;
  byHealth: boolean;
  byVerification: boolean;
  byTrack: boolean;
  byKind: boolean;
  byOwner: boolean;
  byEscalation: boolean;
  byCommitment: boolean;
} & Record<
    'count' | 'open' | 'overdue' | 'due30' | 'due90' | 'completed' | 'updated30',
    string | null
  >;

type RawRow = Omit<ActionReportRow, 'positions'> & {
  /** By organisation id; `statedAt` as ISO 8601 text (a head's in UTC with microseconds). */
  positions: Record<string, { position: 'supports' | 'concerns' | 'objects'; statedAt: string }>;
};

/** An instant as ISO 8601 UTC text, formatted by PostgreSQL (as `Date.toISOString()` would). */
const iso = (expression: string) =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function toRow(raw: RawRow): ActionReportRow {
  const { positions } = raw;
  return {
    ...raw,
    positions: Object.keys(positions)
      .sort()
      .map((organisationId) => ({
        organisationId,
        position: positions[organisationId].position,
        statedAt: new Date(positions[organisationId].statedAt).toISOString(),
      })),
  };
}
