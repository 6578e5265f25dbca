/**
 * The figures a progress report of now must show, counted again straight from the tables with
 * SQL written apart from the report's own (ActionReportReader.countGroups): what
 * `npm run bench:reports` compares the API's summary with, and the comparison.
 */
import type { Client } from 'pg';

const OPEN = `a.status NOT IN ('met', 'partially_met', 'lapsed')`;
const TODAY = `(now() AT TIME ZONE 'Europe/Amsterdam')::date`;
/** The start of the day 30 days before the report's day, in Europe/Amsterdam. */
const WINDOW_START = `((${TODAY} - 30)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

export type Counts = Record<string, number | Record<string, number>>;

/** The summary's figures as the API answers them (the parts this benchmark checks). */
export interface SummaryBody {
  total: number;
  open: number;
  closed: number;
  overdue: number;
  completedInPeriod: number;
  deadlinesNext30Days: number;
  deadlinesNext90Days: number;
  byStatus: Record<string, number>;
  byHealth: Record<string, number>;
  byVerification: Record<string, number>;
  byStatusAndHealth: { status: string; health: string; count: number }[];
  byTrack: { track: { id: string } | null; total: number; open: number; overdue: number }[];
  byCommitmentKind: { kind: string | null; count: number }[];
  byOwnerOrganisation: {
    organisation: { id: string };
    count: number;
    open: number;
    overdue: number;
  }[];
  openUpdatedLast30Days: { open: number; updated: number };
}

export async function independentCounts(db: Client, programmeId: string): Promise<Counts> {
  const one = async (sql: string) =>
    (await db.query<Record<string, number>>(sql, [programmeId])).rows[0];
  const grouped = async (key: string, value: string, from = 'actions a', where = '') => {
    const { rows } = await db.query<{ key: string | null; n: number }>(
      `SELECT ${key} AS key, ${value} AS n FROM ${from}
        WHERE a.programme_id = $1 ${where} GROUP BY 1`,
      [programmeId],
    );
    return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.key ?? 'null', r.n]));
  };
  const totals = await one(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE ${OPEN})::int AS open,
            count(*) FILTER (WHERE NOT ${OPEN})::int AS closed,
            count(*) FILTER (WHERE ${OPEN} AND a.deadline < ${TODAY})::int AS overdue,
            count(*) FILTER (WHERE ${OPEN} AND a.deadline BETWEEN ${TODAY} AND ${TODAY} + 30)::int AS due30,
            count(*) FILTER (WHERE ${OPEN} AND a.deadline BETWEEN ${TODAY} AND ${TODAY} + 90)::int AS due90,
            count(*) FILTER (WHERE a.status IN ('met', 'partially_met')
                               AND a.closed_at > ${WINDOW_START})::int AS completed
       FROM actions a WHERE a.programme_id = $1`,
  );
  // Written as a join of distinct action ids rather than EXISTS, apart from the report's SQL.
  const updated = await one(
    `SELECT count(*)::int AS updated FROM actions a
       JOIN (SELECT DISTINCT action_id FROM progress_updates
              WHERE kind = 'progress' AND created_at >= ${WINDOW_START}) u ON u.action_id = a.id
      WHERE a.programme_id = $1 AND ${OPEN}`,
  );
  const overdue = `count(*) FILTER (WHERE ${OPEN} AND a.deadline < ${TODAY})::int`;
  const open = `count(*) FILTER (WHERE ${OPEN})::int`;
  return {
    ...totals,
    updated: updated.updated,
    byStatus: await grouped('a.status', 'count(*)::int'),
    byHealth: await grouped('a.health', 'count(*)::int', 'actions a', `AND ${OPEN}`),
    byVerification: await grouped('a.verification', 'count(*)::int'),
    byStatusAndHealth: await grouped(`a.status || '|' || a.health`, 'count(*)::int'),
    byTrack: await grouped('a.track_id::text', 'count(*)::int'),
    byTrackOpen: await grouped('a.track_id::text', open),
    byTrackOverdue: await grouped('a.track_id::text', overdue),
    byOwner: await grouped('a.owner_organisation_id::text', 'count(*)::int'),
    byOwnerOpen: await grouped('a.owner_organisation_id::text', open),
    byOwnerOverdue: await grouped('a.owner_organisation_id::text', overdue),
    byKind: await grouped(
      'c.kind',
      'count(*)::int',
      'actions a LEFT JOIN commitments c ON c.id = a.commitment_id',
    ),
  };
}

const nonZero = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));

/** The same figures read from the API's summary. */
export function summaryCounts(s: SummaryBody): Counts {
  const record = <T>(items: T[], key: (item: T) => string, value: (item: T) => number) =>
    nonZero(Object.fromEntries(items.map((item) => [key(item), value(item)])));
  const track = (t: SummaryBody['byTrack'][number]) => t.track?.id ?? 'null';
  const owner = (o: SummaryBody['byOwnerOrganisation'][number]) => o.organisation.id;
  return {
    total: s.total,
    open: s.open,
    closed: s.closed,
    overdue: s.overdue,
    due30: s.deadlinesNext30Days,
    due90: s.deadlinesNext90Days,
    completed: s.completedInPeriod,
    updated: s.openUpdatedLast30Days.updated,
    byStatus: nonZero(s.byStatus),
    byHealth: nonZero(s.byHealth),
    byVerification: nonZero(s.byVerification),
    byStatusAndHealth: record(
      s.byStatusAndHealth,
      (c) => `${c.status}|${c.health}`,
      (c) => c.count,
    ),
    byTrack: record(s.byTrack, track, (t) => t.total),
    byTrackOpen: record(s.byTrack, track, (t) => t.open),
    byTrackOverdue: record(s.byTrack, track, (t) => t.overdue),
    byOwner: record(s.byOwnerOrganisation, owner, (o) => o.count),
    byOwnerOpen: record(s.byOwnerOrganisation, owner, (o) => o.open),
    byOwnerOverdue: record(s.byOwnerOrganisation, owner, (o) => o.overdue),
    byKind: record(
      s.byCommitmentKind,
      (k) => k.kind ?? 'null',
      (k) => k.count,
    ),
  };
}

const canonical = (value: Counts[string]): string =>
  typeof value === 'number'
    ? String(value)
    : JSON.stringify(
        Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))),
      );

/** The figures that differ, as "name: expected … got …" lines (empty: all equal). */
export function differences(expected: Counts, actual: Counts): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const lines: string[] = [];
  for (const name of names) {
    const want = expected[name] === undefined ? 'missing' : canonical(expected[name]);
    const got = actual[name] === undefined ? 'missing' : canonical(actual[name]);
    if (want !== got) lines.push(`${name}: expected ${want}, got ${got}`);
  }
  return lines;
}

/**
 * Holds summaries against the SQL counts: a difference fails the run (added to `failures`, each
 * figure listed on stderr); the answer is the line the report shows.
 */
export function summaryCheck(
  failures: string[],
): (label: string, expected: Counts, summary: SummaryBody) => string {
  return (label, expected, summary) => {
    const wrong = differences(expected, summaryCounts(summary));
    if (wrong.length > 0) {
      failures.push(`${label}: ${wrong.length} figures differ`);
      process.stderr.write(`\n${label}: the summary differs from the SQL counts:\n`);
      for (const line of wrong) process.stderr.write(`  ${line}\n`);
      return `FAILED: ${wrong.length} figures differ (see above)`;
    }
    return `OK: ${Object.keys(expected).length} figures equal the SQL counts`;
  };
}
