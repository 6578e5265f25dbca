/**
 * What the database must show after each apply of `bench:imports`, counted with SQL of its
 * own: exactly the expected change on every action and nothing else, one audit event per
 * change carrying the import's id, and the timeline entries the changes make.
 */
import type { DataSource } from 'typeorm';
import type { ExpectedChange } from './imports-workbooks';

export interface ActionSnapshot {
  version: number;
  title: string;
  deadline: string;
  status: string;
}

export async function snapshotActions(
  dataSource: DataSource,
  programmeId: string,
): Promise<Map<string, ActionSnapshot>> {
  const rows = await dataSource.query<(ActionSnapshot & { id: string })[]>(
    `SELECT id, version, title, to_char(deadline, 'YYYY-MM-DD') AS deadline, status
       FROM actions WHERE programme_id = $1`,
    [programmeId],
  );
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}

/** The import's audit events per step, and how many entities they name. */
async function auditOf(
  dataSource: DataSource,
  importId: string,
): Promise<{ steps: Record<string, number>; entities: number; total: number }> {
  const rows = await dataSource.query<{ step: string; n: number; entities: number }[]>(
    `SELECT details->>'importStep' AS step, count(*)::int AS n,
            count(DISTINCT entity_id)::int AS entities
       FROM audit_events WHERE details->>'importId' = $1 GROUP BY ROLLUP (1)`,
    [importId],
  );
  const total = rows.find((row) => row.step === null);
  return {
    steps: Object.fromEntries(rows.filter((r) => r.step !== null).map((r) => [r.step, r.n])),
    entities: total?.entities ?? 0,
    total: total?.n ?? 0,
  };
}

const describe = (steps: Record<string, number>) =>
  Object.entries(steps)
    .map(([step, n]) => `${step} ${n}`)
    .join(', ');

/** Scenario A: the changes of `expected` and no other, audited and on the timelines. */
export async function checkUpdates(
  dataSource: DataSource,
  programmeId: string,
  importId: string,
  before: ReadonlyMap<string, ActionSnapshot>,
  expected: ReadonlyMap<string, ExpectedChange>,
  since: Date,
): Promise<{ failures: string[]; summary: string }> {
  const failures: string[] = [];
  const after = await snapshotActions(dataSource, programmeId);
  const wrong: string[] = [];
  let untouchedChanged = 0;
  for (const [id, was] of before) {
    const now = after.get(id);
    const change = expected.get(id);
    if (!now) {
      wrong.push(`${id}: gone`);
      continue;
    }
    if (!change) {
      if (now.version !== was.version) untouchedChanged += 1;
      continue;
    }
    const want: ActionSnapshot = {
      version: was.version + 1,
      title: change.kind === 'title' ? change.title : was.title,
      deadline: change.kind === 'deadline' ? change.deadline : was.deadline,
      status: change.kind === 'status' ? 'in_progress' : was.status,
    };
    if (JSON.stringify(now) !== JSON.stringify(want)) {
      wrong.push(`${id}: ${JSON.stringify(now)}, expected ${JSON.stringify(want)}`);
    }
  }
  if (wrong.length > 0) {
    failures.push(`${wrong.length} actions differ from the expected change, e.g. ${wrong[0]}`);
  }
  if (untouchedChanged > 0) failures.push(`${untouchedChanged} actions without a change changed`);

  const kinds = { title: 0, deadline: 0, status: 0 };
  for (const change of expected.values()) kinds[change.kind] += 1;
  const audit = await auditOf(dataSource, importId);
  const wantSteps = { update: kinds.title + kinds.deadline, progress: kinds.status };
  if (
    audit.total !== expected.size ||
    audit.entities !== expected.size ||
    (audit.steps.update ?? 0) !== wantSteps.update ||
    (audit.steps.progress ?? 0) !== wantSteps.progress
  ) {
    failures.push(
      `audit events with the import's id: ${audit.total} on ${audit.entities} actions (${describe(audit.steps)}), ` +
        `expected ${expected.size}: update ${wantSteps.update}, progress ${wantSteps.progress}`,
    );
  }
  const timeline = await dataSource.query<{ kind: string; n: number }[]>(
    `SELECT p.kind, count(*)::int AS n FROM progress_updates p
       JOIN actions a ON a.id = p.action_id
      WHERE a.programme_id = $1 AND p.created_at >= $2 GROUP BY 1`,
    [programmeId, since],
  );
  const entries = Object.fromEntries(timeline.map((row) => [row.kind, row.n]));
  if (
    (entries.progress ?? 0) !== kinds.status ||
    (entries.deadline_change ?? 0) !== kinds.deadline ||
    timeline.length > 2
  ) {
    failures.push(
      `timeline entries since the apply: ${JSON.stringify(entries)}, expected progress ${kinds.status}, deadline_change ${kinds.deadline}`,
    );
  }
  return {
    failures,
    summary:
      `${expected.size - wrong.length}/${expected.size} actions as expected (title ${kinds.title}, ` +
      `deadline ${kinds.deadline}, status ${kinds.status}), ${untouchedChanged} others changed; ` +
      `audit ${audit.total} (${describe(audit.steps)}); timeline +${entries.progress ?? 0} progress, ` +
      `+${entries.deadline_change ?? 0} deadline_change`,
  };
}

/** Scenario B: `rows` new actions with their fields, each created by one audited step. */
export async function checkCreates(
  dataSource: DataSource,
  programmeId: string,
  importId: string,
  titlePrefix: string,
  rows: number,
  actionsBefore: number,
): Promise<{ failures: string[]; summary: string }> {
  const failures: string[] = [];
  const [made] = await dataSource.query<
    {
      total: number;
      made: number;
      titles: number;
      tracked: number;
      owned: number;
      committed: number;
      partnered: number;
    }[]
  >(
    `SELECT (SELECT count(*)::int FROM actions WHERE programme_id = $1) AS total,
            count(*)::int AS made, count(DISTINCT a.title)::int AS titles,
            count(a.track_id)::int AS tracked, count(a.owner_user_id)::int AS owned,
            count(a.commitment_id)::int AS committed,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM action_partners p
                                           WHERE p.action_id = a.id))::int AS partnered
       FROM actions a WHERE a.programme_id = $1 AND a.title LIKE $2 || ' %'`,
    [programmeId, titlePrefix],
  );
  const want = {
    total: actionsBefore + rows,
    made: rows,
    titles: rows,
    tracked: rows,
    owned: rows,
    committed: Math.ceil(rows / 2),
    partnered: Math.ceil(rows / 3),
  };
  if (JSON.stringify(made) !== JSON.stringify(want)) {
    failures.push(`new actions: ${JSON.stringify(made)}, expected ${JSON.stringify(want)}`);
  }
  const audit = await auditOf(dataSource, importId);
  if (audit.total !== rows || audit.entities !== rows || (audit.steps.create ?? 0) !== rows) {
    failures.push(
      `audit events with the import's id: ${audit.total} on ${audit.entities} actions (${describe(audit.steps)}), expected create ${rows}`,
    );
  }
  return {
    failures,
    summary:
      `${made.made} new actions (${made.total} in the programme; ${made.committed} with a commitment, ` +
      `${made.partnered} with a partner); audit ${audit.total} (${describe(audit.steps)})`,
  };
}
