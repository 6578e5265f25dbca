/**
 * What an apply's time per row is made of on the database side: the server's durability
 * settings, the cost of a round trip and of a commit on this machine, the CPU time of the
 * benchmark's own server, the statements an apply sends per row (captured in the worker over
 * a window, grouped by their text) and, when the server preloads pg_stat_statements, how
 * their time splits into planning and execution.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { CapturedStatement } from './server-probe';
import { percentile } from './harness';

export interface PostgresLatency {
  settings: string;
  roundTripMs: number;
  commitMs: number;
}

async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    took.push(performance.now() - started);
  }
  return percentile(
    took.sort((a, b) => a - b),
    50,
  );
}

/** Medians of 200: `SELECT 1`, and a one-row INSERT committed on its own (its WAL flush). */
export async function postgresLatency(dataSource: DataSource): Promise<PostgresLatency> {
  const [settings] = await dataSource.query<Record<string, string>[]>(
    `SELECT current_setting('fsync') AS fsync,
            current_setting('synchronous_commit') AS synchronous_commit,
            current_setting('shared_buffers') AS shared_buffers`,
  );
  await dataSource.query('CREATE TABLE IF NOT EXISTS bench_import_commits (n int)');
  try {
    const roundTripMs = await median(200, () => dataSource.query('SELECT 1'));
    const commitMs = await median(200, () =>
      dataSource.query('INSERT INTO bench_import_commits VALUES (1)'),
    );
    return {
      settings: Object.entries(settings)
        .map(([name, value]) => `${name}=${value}`)
        .join(', '),
      roundTripMs,
      commitMs,
    };
  } finally {
    await dataSource.query('DROP TABLE bench_import_commits');
  }
}

/** Statements grouped by their text (whitespace folded, cut short), per applied row. */
export function statementMix(
  captured: readonly CapturedStatement[],
  rows: number,
  top = 20,
): Array<{ perRow: number; statement: string }> {
  const counts = new Map<string, number>();
  for (const { text } of captured) {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([statement, n]) => ({ perRow: rows > 0 ? n / rows : Number.NaN, statement }));
}

/** The audit events an import has so far: its rows applied, one event per step. */
export async function importEvents(dataSource: DataSource, importId: string): Promise<number> {
  const [{ n }] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_events WHERE details->>'importId' = $1`,
    [importId],
  );
  return n;
}

/** Parent pid and CPU times (utime, stime, cutime, cstime; clock ticks) of a process. */
function statOf(pid: number | string): { ppid: number; ticks: number[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name, which may contain spaces: state, ppid, … utime is field 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: fields.slice(11, 15).map(Number) };
  } catch {
    return undefined;
  }
}

/**
 * The postmaster of the benchmark's own server (the parent of this connection's backend), when
 * it runs on this machine: `cpu-usage.ts` counts every `postgres` process, and other work on a
 * shared machine (another worktree's tests) would be counted with ours.
 */
export async function postmasterOf(dataSource: DataSource): Promise<number | undefined> {
  const [{ pid }] = await dataSource.query<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
  const postmaster = statOf(pid)?.ppid;
  return postmaster && statOf(postmaster) ? postmaster : undefined;
}

let ticksPerSecond: number | undefined;
const toMs = (ticks: number) => {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return (ticks * 1000) / ticksPerSecond;
};

/** CPU time (user + system) of a process in ms; NaN when it is gone. */
export function processCpuMs(pid: number): number {
  const stat = statOf(pid);
  return stat ? toMs(stat.ticks[0] + stat.ticks[1]) : Number.NaN;
}

/**
 * CPU time of one PostgreSQL server in ms: the postmaster with its reaped children (backends
 * that exited) and its live children. NaN when it does not run on this machine.
 */
export function serverCpuMs(postmaster: number | undefined): number {
  const own = postmaster === undefined ? undefined : statOf(postmaster);
  if (!own) return Number.NaN;
  let ticks = own.ticks.reduce((sum, n) => sum + n, 0);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const child = statOf(pid);
    if (child && child.ppid === postmaster) ticks += child.ticks[0] + child.ticks[1];
  }
  return toMs(ticks);
}

export interface StatementTimes {
  calls: number;
  planMs: number;
  execMs: number;
  top: Array<{ calls: number; planMs: number; execMs: number; statement: string }>;
}

/**
 * pg_stat_statements for the scratch database, when the server preloads it (for the embedded
 * one: `shared_preload_libraries = 'pg_stat_statements'` and
 * `pg_stat_statements.track_planning = on` in .data/bench-postgres/postgresql.conf): how much
 * of PostgreSQL's time per statement is planning, which unnamed statements pay every time.
 */
export class StatementStats {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly databaseId: number,
  ) {}

  static async open(dataSource: DataSource): Promise<StatementStats | undefined> {
    const [{ libraries, databaseId }] = await dataSource.query<
      { libraries: string; databaseId: number }[]
    >(
      `SELECT current_setting('shared_preload_libraries') AS libraries,
              (SELECT oid::int FROM pg_database WHERE datname = current_database()) AS "databaseId"`,
    );
    if (!libraries.split(',').some((name) => name.trim() === 'pg_stat_statements')) return;
    await dataSource.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return new StatementStats(dataSource, databaseId);
  }

  async reset(): Promise<void> {
    await this.dataSource.query('SELECT pg_stat_statements_reset(0, $1, 0)', [this.databaseId]);
  }

  /** Since the last reset: the top-level statements' totals, and the costliest ones. */
  async read(top = 12): Promise<StatementTimes> {
    const [totals] = await this.dataSource.query<
      { calls: number; planMs: number; execMs: number }[]
    >(
      `SELECT coalesce(sum(calls), 0)::int AS calls,
              coalesce(sum(total_plan_time), 0)::float AS "planMs",
              coalesce(sum(total_exec_time), 0)::float AS "execMs"
         FROM pg_stat_statements WHERE dbid = $1 AND toplevel`,
      [this.databaseId],
    );
    const rows = await this.dataSource.query<StatementTimes['top']>(
      `SELECT calls::int, total_plan_time::float AS "planMs", total_exec_time::float AS "execMs",
              left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS statement
         FROM pg_stat_statements WHERE dbid = $1 AND toplevel
        ORDER BY total_plan_time + total_exec_time DESC LIMIT $2`,
      [this.databaseId, top],
    );
    return { ...totals, top: rows };
  }
}
