import type { EntityManager } from 'typeorm';
import { StatementParameters } from '@app/core';
import { TRACK_ROWS, USER_NAMES } from '@app/identity';
import type {
  ActionHealth,
  ActionStatus,
  EscalationLevel,
  PartnerRole,
  Verification,
} from '../actions/action-states';
import { type ActionReportFilter, actionReportWhere } from './action-report-filter';

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

/**
 * `ActionReportReader.rows`: one cursor, fetched a batch ahead of the caller. The SQL text stays
 * as it is: prepared statements and the report benchmarks compare it.
 */
export async function* readActionReportRows(
  manager: EntityManager,
  programmeId: string,
  moment: { asOf: Date; since: Date | null },
  filter: ActionReportFilter,
  batchSize = 2000,
): AsyncGenerator<ActionReportRow[]> {
  const p = new StatementParameters();
  const where = actionReportWhere(p, programmeId, filter);
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
