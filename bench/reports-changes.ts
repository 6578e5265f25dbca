/**
 * `npm run bench:reports`, step 5: one progress update through the API, then the summary
 * (recomputed: its latency), which must show it and equal the SQL counts again; then the first
 * summary after a change, measured again and again. One sample swings by tens of milliseconds
 * with what else the machine does; BENCH_CHANGES (20) cycles of "a progress update through
 * the API, then the summary", each on an action of another bucket (so each recounts a bucket
 * of its own, as real changes do), give a median and a spread. With BENCH_PROFILE set, as many
 * cycles again run with the API's CPU profiled around each summary only (not timed: the
 * profiler slows it).
 */
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { ProfileSummary } from './cpu-profile';
import { ms, percentile, say } from './harness';
import type { ReportsApi, SummaryResponse } from './reports-api';
import { type Counts, independentCounts, type SummaryBody } from './reports-checks';

export interface ChangeCyclesResult {
  /** Each cycle's summary, ms, sorted. */
  latencies: number[];
  /** The summary after the last cycle, to check against the SQL counts. */
  last: unknown;
  /** The summaries' CPU profile merged over the profiled cycles (BENCH_PROFILE). */
  profile?: ProfileSummary;
}

export interface ChangeCyclesOptions {
  dataSource: DataSource;
  programmeId: string;
  cycles: number;
  origin: string;
  headers: () => Record<string, string>;
  getSummary: () => Promise<{ ms: number; body: { summary: unknown } }>;
  profile?: { on: () => Promise<unknown>; off: () => Promise<ProfileSummary> };
  signal: AbortSignal;
}

export async function changeCycles(options: ChangeCyclesOptions): Promise<ChangeCyclesResult> {
  const { dataSource, programmeId, cycles, signal } = options;
  const wanted = cycles * (options.profile ? 2 : 1);
  // Open actions, one per bucket, buckets in turn: each cycle touches a bucket no cycle before it
  // did (with more cycles than buckets, the buckets come round again).
  const actions = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM (
       SELECT id, report_bucket,
              row_number() OVER (PARTITION BY report_bucket ORDER BY id) AS n
         FROM actions
        WHERE programme_id = $1 AND status IN ('not_started', 'in_progress')) x
      ORDER BY n, report_bucket LIMIT $2`,
    [programmeId, wanted],
  );
  if (actions.length < wanted) throw new Error(`only ${actions.length} open actions to change`);
  const change = async (id: string, cycle: number) => {
    const [{ version }] = await dataSource.query<{ version: number }[]>(
      'SELECT version FROM actions WHERE id = $1',
      [id],
    );
    const res = await fetch(`${options.origin}/v1/actions/${id}/progress-updates`, {
      method: 'POST',
      headers: {
        ...options.headers(),
        'content-type': 'application/json',
        'if-match': `"${version}"`,
      },
      body: JSON.stringify({
        percentComplete: (cycle * 7) % 90,
        narrative: `Voortgang besproken in het ambtelijk overleg (ronde ${cycle + 1}).`,
      }),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`progress update: ${res.status} ${text.slice(0, 300)}`);
  };

  const latencies: number[] = [];
  let last: unknown;
  for (let cycle = 0; cycle < cycles; cycle++) {
    signal.throwIfAborted();
    await change(actions[cycle].id, cycle);
    const after = await options.getSummary();
    latencies.push(after.ms);
    last = after.body.summary;
  }
  latencies.sort((a, b) => a - b);

  let profile: ProfileSummary | undefined;
  if (options.profile) {
    const profiles: ProfileSummary[] = [];
    for (let cycle = cycles; cycle < wanted; cycle++) {
      signal.throwIfAborted();
      await change(actions[cycle].id, cycle);
      await options.profile.on();
      last = (await options.getSummary()).body.summary;
      profiles.push(await options.profile.off());
    }
    profile = mergeProfiles(profiles);
  }
  return { latencies, last, profile };
}

/** Several windows' profiles as one: each share weighed by its window's busy samples. */
export function mergeProfiles(profiles: readonly ProfileSummary[]): ProfileSummary {
  const busy = profiles.reduce((sum, p) => sum + p.busySamples, 0);
  const merge = (pick: (p: ProfileSummary) => Array<{ name: string; share: number }>) => {
    const hits = new Map<string, number>();
    for (const p of profiles) {
      for (const { name, share } of pick(p)) {
        hits.set(name, (hits.get(name) ?? 0) + share * p.busySamples);
      }
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, n]) => ({ name, share: busy === 0 ? 0 : n / busy }));
  };
  const windows = profiles.reduce((sum, p) => sum + p.busyShare, 0);
  return {
    busySamples: busy,
    busyShare: profiles.length === 0 ? 0 : windows / profiles.length,
    byArea: merge((p) => p.byArea.map(({ area, share }) => ({ name: area, share }))).map(
      ({ name, share }) => ({ area: name, share }),
    ),
    topFunctions: merge((p) => p.topFunctions),
  };
}

/** "p50 / p90 / max" of sorted latencies. */
export const spread = (sorted: readonly number[]): [number, number, number] => [
  percentile(sorted, 50),
  percentile(sorted, 90),
  sorted.at(-1) ?? Number.NaN,
];

export interface ChangeFigures {
  postMs: number;
  /** The next summary (recomputed), then the one after it. */
  after: SummaryResponse;
  again: SummaryResponse;
  reflected: boolean;
  afterCheck: string;
  cyclesP50: number;
  cyclesP90: number;
  cyclesMax: number;
  cyclesCheck: string;
  /** The summaries' CPU profile over the cycles (BENCH_PROFILE). */
  cyclesProfile?: ProfileSummary;
}

/** Step 5: `first` is the summary before any change (step 3's cold one). */
export async function changeThenSummary(options: {
  dataSource: DataSource;
  db: Client;
  api: ReportsApi;
  programmeId: string;
  first: SummaryBody;
  changes: number;
  check: (label: string, expected: Counts, summary: SummaryBody) => string;
  failures: string[];
  signal: AbortSignal;
}): Promise<ChangeFigures> {
  const { dataSource, db, api, programmeId, first, changes, check, signal } = options;
  say('5. One progress update through the API, then the summary...');
  const [changed] = await dataSource.query<{ id: string; version: number }[]>(
    `SELECT id, version FROM actions
      WHERE programme_id = $1 AND health = 'on_track' AND status = 'in_progress'
      ORDER BY id LIMIT 1`,
    [programmeId],
  );
  const postStarted = performance.now();
  const posted = await fetch(`${api.server.origin}/v1/actions/${changed.id}/progress-updates`, {
    method: 'POST',
    headers: {
      ...api.headers(),
      'content-type': 'application/json',
      'if-match': `"${changed.version}"`,
    },
    body: JSON.stringify({
      health: 'off_track',
      reason: 'Capaciteit bij de uitvoerders ontbreekt.',
      narrative: 'De planning is niet meer haalbaar; bijsturing is besproken in het BO.',
    }),
  });
  const postMs = performance.now() - postStarted;
  if (posted.status !== 201) {
    throw new Error(`progress update: ${posted.status} ${(await posted.text()).slice(0, 500)}`);
  }
  await posted.arrayBuffer();
  const after = await api.getSummary();
  const again = await api.getSummary();
  const afterExpected = await independentCounts(db, programmeId);
  const reflected =
    after.body.summary.byHealth.on_track === first.byHealth.on_track - 1 &&
    after.body.summary.byHealth.off_track === first.byHealth.off_track + 1;
  if (!reflected) options.failures.push('the summary after the change does not show it');
  const afterCheck = check('summary after the change', afterExpected, after.body.summary);
  say(
    `   POST ${ms(postMs)} ms; next summary ${ms(after.ms)} ms (recomputed), then ${ms(again.ms)} ms; ` +
      `${reflected ? 'shows the change' : 'DOES NOT show the change'}; ${afterCheck}`,
  );

  say(`   ${changes} more: a progress update on an action of another bucket, then the summary...`);
  const cycles = await changeCycles({
    dataSource,
    programmeId,
    cycles: changes,
    origin: api.server.origin,
    headers: api.headers,
    getSummary: api.getSummary,
    profile: process.env.BENCH_PROFILE
      ? { on: () => api.server.profile(true), off: () => api.server.profile(false) }
      : undefined,
    signal,
  });
  const [cyclesP50, cyclesP90, cyclesMax] = spread(cycles.latencies);
  const cyclesCheck = check(
    `summary after ${changes} more changes`,
    await independentCounts(db, programmeId),
    cycles.last as SummaryBody,
  );
  say(
    `   next summary p50 ${ms(cyclesP50)} / p90 ${ms(cyclesP90)} / max ${ms(cyclesMax)} ms; ${cyclesCheck}`,
  );
  return {
    postMs,
    after,
    again,
    reflected,
    afterCheck,
    cyclesP50,
    cyclesP90,
    cyclesMax,
    cyclesCheck,
    cyclesProfile: cycles.profile,
  };
}
