/**
 * What an apply's time per row is made of on the database side: the server's durability
 * settings, the cost of a round trip and of a commit on this machine, and the statements an
 * apply sends per row (captured in the worker over a window, grouped by their text).
 */
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
