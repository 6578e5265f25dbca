import type { DataSource } from 'typeorm';

const OPEN = `status NOT IN ('met', 'partially_met', 'lapsed')`;
const TODAY = `(now() AT TIME ZONE 'Europe/Amsterdam')::date`;
/** "The last 30 days": from the start of the day 30 days ago, Europe/Amsterdam. */
const WINDOW_START = `((${TODAY} - 30)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/**
 * A programme's report figures counted again straight from the tables, written apart from the
 * report's own queries: what a progress report of now must show.
 */
export async function independentCounts(db: DataSource, programmeId: string) {
  const [row]: {
    total: number;
    open: number;
    overdue: number;
    due30: number;
    due90: number;
    completed: number;
  }[] = await db.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE ${OPEN})::int AS open,
            count(*) FILTER (WHERE ${OPEN} AND deadline < ${TODAY})::int AS overdue,
            count(*) FILTER (WHERE ${OPEN} AND deadline BETWEEN ${TODAY} AND ${TODAY} + 30)::int AS due30,
            count(*) FILTER (WHERE ${OPEN} AND deadline BETWEEN ${TODAY} AND ${TODAY} + 90)::int AS due90,
            count(*) FILTER (WHERE status IN ('met', 'partially_met')
                               AND closed_at > ${WINDOW_START})::int AS completed
       FROM actions WHERE programme_id = $1`,
    [programmeId],
  );
  const grouped = async (select: string, from = 'actions a', where = '') => {
    const rows: { key: string | null; n: number }[] = await db.query(
      `SELECT ${select} AS key, count(*)::int AS n FROM ${from}
        WHERE a.programme_id = $1 ${where} GROUP BY 1`,
      [programmeId],
    );
    return Object.fromEntries(rows.map((r) => [r.key ?? 'null', r.n]));
  };
  const [updated] = await db.query(
    `SELECT count(*)::int AS n FROM actions a
      WHERE a.programme_id = $1 AND a.${OPEN}
        AND EXISTS (SELECT 1 FROM progress_updates u WHERE u.action_id = a.id
                      AND u.kind = 'progress' AND u.created_at >= ${WINDOW_START})`,
    [programmeId],
  );
  return {
    ...row,
    byStatus: await grouped('a.status'),
    byHealth: await grouped('a.health', 'actions a', `AND a.${OPEN}`),
    byVerification: await grouped('a.verification'),
    byTrack: await grouped('a.track_id'),
    byOwner: await grouped('a.owner_organisation_id'),
    byKind: await grouped('c.kind', 'actions a LEFT JOIN commitments c ON c.id = a.commitment_id'),
    updated: updated.n as number,
  };
}

interface Summary {
  total: number;
  open: number;
  closed: number;
  overdue: number;
  deadlinesNext30Days: number;
  deadlinesNext90Days: number;
  completedInPeriod: number;
  byStatus: Record<string, number>;
  byHealth: Record<string, number>;
  byVerification: Record<string, number>;
  byTrack: { track: { id: string } | null; total: number }[];
  byOwnerOrganisation: { organisation: { id: string }; count: number }[];
  byCommitmentKind: { kind: string | null; count: number }[];
  openUpdatedLast30Days: { open: number; updated: number };
}

/** Expects every figure of `summary` to equal the independent count (zeros left out there). */
export function expectSummaryMatches(
  summary: Summary,
  counts: Awaited<ReturnType<typeof independentCounts>>,
): void {
  const nonZero = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));
  expect(summary.total).toBe(counts.total);
  expect(summary.open).toBe(counts.open);
  expect(summary.closed).toBe(counts.total - counts.open);
  expect(summary.overdue).toBe(counts.overdue);
  expect(summary.deadlinesNext30Days).toBe(counts.due30);
  expect(summary.deadlinesNext90Days).toBe(counts.due90);
  expect(summary.completedInPeriod).toBe(counts.completed);
  expect(nonZero(summary.byStatus)).toEqual(counts.byStatus);
  expect(nonZero(summary.byHealth)).toEqual(counts.byHealth);
  expect(nonZero(summary.byVerification)).toEqual(counts.byVerification);
  expect(Object.fromEntries(summary.byTrack.map((t) => [t.track?.id ?? 'null', t.total]))).toEqual(
    counts.byTrack,
  );
  expect(
    Object.fromEntries(summary.byOwnerOrganisation.map((o) => [o.organisation.id, o.count])),
  ).toEqual(counts.byOwner);
  expect(
    Object.fromEntries(summary.byCommitmentKind.map((k) => [k.kind ?? 'null', k.count])),
  ).toEqual(counts.byKind);
  expect(summary.openUpdatedLast30Days).toMatchObject({
    open: counts.open,
    updated: counts.updated,
  });
}

/**
 * The actions whose timeline head (migration 1795456800000, kept by triggers) differs from
 * their timeline read again in full: none, or a report of now shows stale narratives, update
 * and closing times or positions.
 */
export async function staleTimelineHeads(db: DataSource): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `WITH timeline AS (
       SELECT a.id AS action_id, greatest(u.latest_at, p.latest_at) AS latest_at,
              u.last_update_at, u.last_closing_at,
              n.narrative, n.created_at AS narrative_at, n.id AS narrative_id,
              coalesce(p.positions, '{}') AS positions
         FROM actions a
         LEFT JOIN (SELECT action_id, max(created_at) AS latest_at,
                           max(created_at) FILTER (WHERE kind = 'progress') AS last_update_at,
                           max(created_at) FILTER (WHERE status IN ('met', 'partially_met', 'lapsed'))
                             AS last_closing_at
                      FROM progress_updates GROUP BY action_id) u ON u.action_id = a.id
         LEFT JOIN LATERAL (SELECT narrative, created_at, id FROM progress_updates
                             WHERE action_id = a.id AND kind = 'progress' AND narrative IS NOT NULL
                             ORDER BY created_at DESC, id DESC LIMIT 1) n ON true
         LEFT JOIN (SELECT action_id, max(created_at) AS latest_at,
                           jsonb_object_agg(author_organisation_id, jsonb_build_object(
                             'position', position, 'statedAt',
                               to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'id', id))
                             AS positions
                      FROM (SELECT DISTINCT ON (action_id, author_organisation_id) *
                              FROM comments WHERE position IS NOT NULL
                             ORDER BY action_id, author_organisation_id, created_at DESC, id DESC) c
                     GROUP BY action_id) p ON p.action_id = a.id
        WHERE u.action_id IS NOT NULL OR p.action_id IS NOT NULL)
     SELECT coalesce(t.action_id, h.action_id) AS id
       FROM timeline t FULL JOIN action_timeline_heads h USING (action_id)
      WHERE (t.latest_at, t.last_update_at, t.last_closing_at, t.narrative, t.narrative_at,
             t.narrative_id, t.positions)
            IS DISTINCT FROM (h.latest_at, h.last_update_at, h.last_closing_at, h.narrative,
                              h.narrative_at, h.narrative_id, h.positions)`,
  );
  return rows.map((row) => row.id);
}
