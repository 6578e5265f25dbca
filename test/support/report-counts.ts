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
