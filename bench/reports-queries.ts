/**
 * `npm run bench:reports`, step 7: the report's two queries by themselves, the summary's GROUP
 * BY and the CSV's cursor query, as ActionReportReader sends them: EXPLAIN ANALYZE and timings
 * over the wire with jit on (the server's default) and off, and the server's settings that
 * bear on them.
 */
import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import type { ActionReportReader } from '@app/tracking';
import { percentile, say } from './harness';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

/** The SQL an ActionReportReader method sends, captured by a manager that runs nothing. */
export function capturingManager(): {
  manager: EntityManager;
  captured: Statement[];
} {
  const captured: Statement[] = [];
  const manager = {
    query: (sql: string, parameters: unknown[] = []) => {
      captured.push({ sql, parameters });
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  return { manager, captured };
}

/** Runs `work` in a transaction with `jit` on (the server's default) or off. */
async function withJit<T>(db: Client, jit: boolean, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    if (!jit) await db.query('SET LOCAL jit = off');
    return await work();
  } finally {
    await db.query('COMMIT');
  }
}

async function explain(
  db: Client,
  sql: string,
  parameters: unknown[],
  jit = true,
): Promise<string[]> {
  return withJit(db, jit, async () => {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      parameters,
    );
    return rows.map((row) => row['QUERY PLAN']);
  });
}

/** Median wall time of `times` runs of a statement over the wire (rows fetched), in ms. */
async function timeSql(
  db: Client,
  sql: string,
  parameters: unknown[],
  jit: boolean,
  times = 5,
): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    await withJit(db, jit, async () => {
      const started = performance.now();
      await db.query(sql, parameters);
      took.push(performance.now() - started);
    });
  }
  return percentile(
    took.sort((a, b) => a - b),
    50,
  );
}

export const executionMs = (plan: string[]) =>
  Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? Number.NaN);

export interface QueryFigures {
  groupsPlan: string[];
  groupsPlanNoJit: string[];
  cursorPlan: string[];
  cursorPlanNoJit: string[];
  /** Median ms of 5 runs, with jit on and off. */
  groupsJit: number;
  groupsNoJit: number;
  /** Ms of one run fetching all rows, with jit on and off. */
  cursorJit: number;
  cursorNoJit: number;
  jit: string;
  jitAbove: string;
  workMem: string;
}

/** The plans and timings of the summary's GROUP BY (as captured in step 3) and the CSV's query. */
export async function explainQueries(
  db: Client,
  reader: ActionReportReader,
  programmeId: string,
  groupsSql: Statement,
): Promise<QueryFigures> {
  const cursorCapture = capturingManager();
  // The capturing manager answers no rows: the generator ends after its DECLARE.
  await reader
    .rows(cursorCapture.manager, programmeId, { asOf: new Date(), since: null }, {})
    .next();
  const declare = cursorCapture.captured.find((c) => c.sql.startsWith('DECLARE'))!;
  const cursorSql = declare.sql.replace(/^DECLARE \S+ NO SCROLL CURSOR FOR\s*/, '');
  say('7. The queries: EXPLAIN ANALYZE and timings with jit on (the default) and off...');
  const groupsPlan = await explain(db, groupsSql.sql, groupsSql.parameters);
  const groupsPlanNoJit = await explain(db, groupsSql.sql, groupsSql.parameters, false);
  const cursorPlan = await explain(db, cursorSql, declare.parameters);
  const cursorPlanNoJit = await explain(db, cursorSql, declare.parameters, false);
  const groupsJit = await timeSql(db, groupsSql.sql, groupsSql.parameters, true);
  const groupsNoJit = await timeSql(db, groupsSql.sql, groupsSql.parameters, false);
  const cursorJit = await timeSql(db, cursorSql, declare.parameters, true, 1);
  const cursorNoJit = await timeSql(db, cursorSql, declare.parameters, false, 1);
  const [{ jit, jit_above_cost: jitAbove, work_mem: workMem }] = (
    await db.query<{ jit: string; jit_above_cost: string; work_mem: string }>(
      `SELECT current_setting('jit') AS jit, current_setting('jit_above_cost') AS jit_above_cost,
              current_setting('work_mem') AS work_mem`,
    )
  ).rows;
  return {
    groupsPlan,
    groupsPlanNoJit,
    cursorPlan,
    cursorPlanNoJit,
    groupsJit,
    groupsNoJit,
    cursorJit,
    cursorNoJit,
    jit,
    jitAbove,
    workMem,
  };
}
