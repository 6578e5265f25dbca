import type { EntityManager } from 'typeorm';
import { StatementParameters } from '@app/core';
import type { CommitmentKind } from '../commitments/commitment.entity';
import {
  ACTION_HEALTHS,
  type ActionHealth,
  type ActionStatus,
  type EscalationLevel,
  type Verification,
} from '../actions/action-states';
import {
  ROLLUP_WEIGHT_SQL,
  ROLLUP_WEIGHTED_SQL,
  type RollupSums,
  rollupSumsFrom,
} from '../rollups/rollup';
import { type ActionReportFilter, actionReportWhere, CLOSED } from './action-report-filter';

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

/**
 * The actions of a programme counted by every dimension of a summary, in one pass of grouping
 * sets: per bucket unless `buckets` is undefined (see `ActionReportReader.countBucketGroups`).
 */
export async function countActionGroups(
  manager: EntityManager,
  programmeId: string,
  at: CountMoment,
  filter: ActionReportFilter,
  buckets: readonly number[] | 'all' | undefined,
): Promise<ActionCountGroup[]> {
  const p = new StatementParameters();
  let where = actionReportWhere(p, programmeId, filter);
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
