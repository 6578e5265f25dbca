/**
 * What the API benchmark asks a running server besides load: list pages to walk, the
 * statements one request sends, and EXPLAIN of the list statements the product sends.
 */
import type { Client } from 'pg';
import { explain, listStatements, type PlanFinding, proposedForm } from './api-explain';
import type { BenchServer } from './api-servers';

export const ROUTES = ['list', 'get', 'update'] as const;
export type RouteKey = (typeof ROUTES)[number];

export const SORTS = ['deadline', '-deadline', 'updatedAt', 'title'] as const;

export interface Fixture {
  programmeId: string;
  editor: { userId: string; organisationId: string };
  token: string;
  getIds: string[];
  updateIds: string[];
}

/** What the benchmark reads of a list page (product and comparator alike). */
interface ListPage {
  data: Array<{ id: string }>;
  _links?: { next?: { href: string } };
}

export async function getPage(origin: string, path: string, token: string) {
  const response = await fetch(`${origin}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  return { status: response.status, body: (await response.json()) as ListPage };
}

/** The list pages a client sees following `_links.next`, up to `max`, and their ids. */
export async function walkPages(server: BenchServer, first: string, token: string, max: number) {
  const paths: string[] = [];
  const ids: string[][] = [];
  for (let path: string | undefined = first; path && paths.length < max;) {
    const { status, body } = await getPage(server.origin, path, token);
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
    paths.push(path);
    ids.push(body.data.map((item) => item.id));
    path = body._links?.next?.href.slice(server.origin.length);
  }
  return { paths, ids };
}

export const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

export interface StatementCounts {
  /** Statements sent to PostgreSQL per request (BEGIN and COMMIT included), by route. */
  perRequest: Record<RouteKey, number>;
  /** The statements of one request, by route. */
  trace: Record<RouteKey, string[]>;
}

/** Statements per request of each route over `samples` requests one at a time. */
export async function countStatements(
  server: BenchServer,
  fixture: Fixture,
  listPath: string,
  db: Client,
  samples = 10,
): Promise<StatementCounts> {
  const { rows } = await db.query<{ id: string; version: number }>(
    'SELECT id, version FROM actions WHERE id = ANY($1::uuid[]) LIMIT $2',
    [fixture.updateIds, samples],
  );
  const authorization = `Bearer ${fixture.token}`;
  const requests: Record<RouteKey, (i: number) => Promise<Response>> = {
    list: () => fetch(`${server.origin}${listPath}`, { headers: { authorization } }),
    get: (i) =>
      fetch(`${server.origin}/v1/actions/${fixture.getIds[i]}`, { headers: { authorization } }),
    update: (i) =>
      fetch(`${server.origin}/v1/actions/${rows[i].id}/progress-updates`, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          'if-match': `"${rows[i].version}"`,
        },
        body: JSON.stringify({ percentComplete: 50 + i, narrative: 'Telling van de statements.' }),
      }),
  };
  const perRequest = {} as StatementCounts['perRequest'];
  const trace = {} as StatementCounts['trace'];
  for (const route of ROUTES) {
    const before = await server.statements();
    for (let i = 0; i < samples; i++) {
      if (i === samples - 1) await server.capture(true);
      const response = await requests[route](i);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${server.name} ${route}: ${response.status}`);
    }
    trace[route] = (await server.capture(false)).map((statement) => oneLine(statement.text));
    perRequest[route] = ((await server.statements()) - before) / samples;
  }
  return { perRequest, trace };
}

export interface ListPlans {
  findings: PlanFinding[];
  /** The same statements in the form proposed (programme as an equality). */
  proposals: PlanFinding[];
}

/** The product's list statement for every sort (pages 1 and 2) and the scenario's last page. */
export async function explainLists(
  server: BenchServer,
  fixture: Fixture,
  db: Client,
  scenarioPath: string,
): Promise<ListPlans> {
  const plans: ListPlans = { findings: [], proposals: [] };
  const capture = async (path: string) => {
    await server.capture(true);
    const { status, body } = await getPage(server.origin, path, fixture.token);
    const [statement] = listStatements(await server.capture(false));
    if (status !== 200 || !statement) throw new Error(`no list statement for ${path}: ${status}`);
    return { statement, next: body._links?.next?.href.slice(server.origin.length) };
  };
  const explainBoth = async (label: string, path: string) => {
    const captured = await capture(path);
    plans.findings.push(await explain(db, label, captured.statement));
    const proposed = proposedForm(captured.statement);
    if (proposed) plans.proposals.push(await explain(db, `${label} (proposed)`, proposed));
    return captured.next;
  };
  for (const sort of SORTS) {
    const first = `/v1/actions?programme=${fixture.programmeId}&sort=${encodeURIComponent(sort)}&limit=50`;
    const page1 = await capture(first);
    plans.findings.push(await explain(db, `${sort}, page 1`, page1.statement));
    await explainBoth(`${sort}, page 2`, page1.next!);
  }
  await explainBoth('status=in_progress, last walked page', scenarioPath);
  return plans;
}

/**
 * Samples pg_stat_activity of the benchmark database every 50 ms; the stopper answers the
 * average number of active backends per wait event (`running` when not waiting).
 */
export function sampleBackends(db: Client): () => Promise<Record<string, number>> {
  const totals = new Map<string, number>();
  let samples = 0;
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      const { rows } = await db.query<{ wait: string; count: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS wait,
                count(*)::int AS count
         FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
         GROUP BY 1`,
      );
      samples += 1;
      for (const row of rows) totals.set(row.wait, (totals.get(row.wait) ?? 0) + row.count);
    });
  }, 50);
  return async () => {
    clearInterval(timer);
    await sampling;
    return Object.fromEntries(
      [...totals.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([wait, total]) => [wait, Math.round((total / Math.max(1, samples)) * 10) / 10]),
    );
  };
}
