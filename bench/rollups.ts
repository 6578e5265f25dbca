/**
 * `node dist/bench/rollups.js` (issue 18): the roll-ups and the search at the size of a busy
 * programme. Seeds the data of `bench:reports` (BENCH_ACTIONS, default 100,000; progress
 * updates BENCH_PROGRESS_UPDATES, default one per action), makes every tenth action a
 * sub-action, then times the summary's GROUP BY (with the roll-ups per track and commitment)
 * and its labels, the roll-ups of a page of commitments and of parent actions, and a prefix
 * search, each the median of five runs, with EXPLAIN of the search. Servers as the other
 * benchmarks (BENCH_DATABASE_URL, else a local one).
 */
import '../libs/core/src/runtime/register-aliases';
import { DataSource } from 'typeorm';
import { amsterdamDate } from '@app/core';
import { addDays, amsterdamInstant } from '@app/reminders';
import { ActionReportReader, RollupsReader, textSearchSql } from '@app/tracking';
import {
  type BenchSetup,
  ms,
  percentile,
  positiveInt,
  rate,
  runBench,
  say,
  table,
} from './harness';
import { seedReports } from './reports-seed';

async function median(work: () => Promise<unknown>, times = 5): Promise<number> {
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

async function main({ config }: BenchSetup): Promise<boolean> {
  const actions = positiveInt('BENCH_ACTIONS', 100_000);
  const progressUpdates = positiveInt('BENCH_PROGRESS_UPDATES', actions);
  const dataSource = new DataSource({ type: 'postgres', url: config.database.url, poolSize: 2 });
  await dataSource.initialize();
  try {
    say(`Seeding ${rate(actions)} actions...`);
    const seeded = await seedReports(
      dataSource,
      { actions, progressUpdates, commitments: 2_000 },
      () => undefined,
    );
    const { programmeId } = seeded;
    // Every tenth action a sub-action of the one before it (one level deep).
    await dataSource.query(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM actions
                          WHERE programme_id = $1),
            pairs AS (SELECT c.id AS child, p.id AS parent FROM numbered c
                        JOIN numbered p ON p.n = c.n - 1 WHERE c.n % 10 = 0)
       UPDATE actions a SET parent_action_id = pairs.parent FROM pairs WHERE a.id = pairs.child`,
      [programmeId],
    );
    await dataSource.query('ANALYZE actions');
    const reader = new ActionReportReader();
    const rollups = new RollupsReader(dataSource);
    const today = amsterdamDate(new Date());
    const windowStart = amsterdamInstant(addDays(today, -30), 0);
    const at = { today, periodFrom: windowStart, updatedFrom: windowStart };
    const commitmentIds = (
      await dataSource.query<{ id: string }[]>(
        'SELECT id FROM commitments WHERE programme_id = $1 ORDER BY created_at DESC LIMIT 50',
        [programmeId],
      )
    ).map((row) => row.id);
    const parentIds = (
      await dataSource.query<{ id: string }[]>(
        'SELECT id FROM actions WHERE programme_id = $1 ORDER BY deadline, id LIMIT 200',
        [programmeId],
      )
    ).map((row) => row.id);
    const search = (q: string) =>
      dataSource.query(
        `SELECT a.id FROM actions a WHERE a.programme_id = $1 AND ${textSearchSql('a', '$2')}
          ORDER BY a.deadline, a.id LIMIT 50`,
        [programmeId, q],
      );
    const rows: Array<[string, string]> = [
      [
        'summary GROUP BY (with roll-ups per track and commitment)',
        `${ms(await median(() => reader.countGroups(dataSource.manager, programmeId, at, {})))} ms`,
      ],
      [
        'summary labels (tracks, organisations, commitments)',
        `${ms(await median(() => reader.references(dataSource.manager, programmeId)))} ms`,
      ],
      [
        'roll-ups of 50 commitments',
        `${ms(await median(() => rollups.ofCommitments(commitmentIds, today)))} ms`,
      ],
      [
        'roll-ups of a page of 200 actions (parents)',
        `${ms(await median(() => rollups.ofParents(parentIds, today)))} ms`,
      ],
      ['search q=opschaling', `${ms(await median(() => search('opschaling')))} ms`],
      ['search q=bestuurl', `${ms(await median(() => search('bestuurl')))} ms`],
      ['search q=b (one letter)', `${ms(await median(() => search('b')))} ms`],
    ];
    for (const line of table(rows)) say(line);
    const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT a.id FROM actions a
        WHERE a.programme_id = $1 AND ${textSearchSql('a', '$2')} ORDER BY a.deadline, a.id LIMIT 50`,
      [programmeId, 'opschaling'],
    );
    say(plan.map((row) => row['QUERY PLAN']).join('\n'));
    return true;
  } finally {
    await dataSource.destroy();
  }
}

void runBench({ LOG_LEVEL: 'silent' }, main, 1_800_000);
