import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { ImportApplier } from '@app/imports';
import { eventually, testEnvironment } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

const root = resolve(__dirname, '../../..');
const ROWS = 250;

describe('an import apply interrupted by kill -9', () => {
  // Every worker of a queue shares one lock duration: 3 s, so a killed worker's job is handed
  // out again soon.
  const world = new ReminderWorld('import_resume', { WORKER_LOCK_DURATION_MS: '3000' });
  const children: ChildProcess[] = [];
  let cast: TrackingCast;

  beforeAll(async () => {
    // The killed worker is a real process: it runs the built worker (dist/).
    if (
      !existsSync(resolve(root, 'dist/apps/worker/src/main.js')) ||
      process.env.CI_REBUILD !== 'false'
    ) {
      execFileSync(
        process.execPath,
        [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
    }
    await world.start();
    cast = await world.cast();
    // Only the child processes work the queues.
    await world.worker.close();
  }, 240_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await world.stop();
  });

  function startChild(): ChildProcess {
    const child = spawn(process.execPath, [resolve(root, 'dist/apps/worker/src/main.js')], {
      cwd: root,
      env: { ...process.env, ...testEnvironment(world.env), NODE_OPTIONS: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  }

  const read = async (id: string) =>
    (
      await world
        .http()
        .get(`/v1/programmes/${cast.programmeId}/imports/${id}`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
    ).body;

  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Acties');
    sheet.addRow([
      'Titel',
      'Spoor',
      'Eigenaar (organisatie)',
      'Deadline',
      'Status',
      'Toelichting voortgang',
    ]);
    for (let i = 1; i <= ROWS; i += 1) {
      sheet.addRow([
        `Hervatte actie ${i}`,
        'Onderlinge samenwerking',
        cast.owner.code,
        '30-06-2028',
        i % 2 === 0 ? 'In uitvoering' : '',
        i % 2 === 0 ? `Gestart ${i}` : '',
      ]);
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  /** Each row's steps as the audit log has them: (row, step) → events. */
  async function stepsOnRecord(importId: string): Promise<Map<string, number>> {
    const rows = await world.dataSource.query<{ row: number; step: string; n: number }[]>(
      `SELECT (details->>'importRow')::int AS row, details->>'importStep' AS step, count(*)::int AS n
         FROM audit_events WHERE details->>'importId' = $1 GROUP BY 1, 2`,
      [importId],
    );
    return new Map(rows.map((r) => [`${r.row}:${r.step}`, r.n]));
  }

  const actionsMade = async () =>
    await world.dataSource.query<{ id: string; title: string; status: string }[]>(
      `SELECT id, title, status FROM actions WHERE programme_id = $1 AND title LIKE 'Hervatte actie %'`,
      [cast.programmeId],
    );

  it('finishes on restart without applying a row twice, and again when its batch record was lost', async () => {
    const first = startChild();
    const uploaded = await world
      .http()
      .post(`/v1/programmes/${cast.programmeId}/imports`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .attach('file', await workbook(), 'hervatten.xlsx');
    expect(uploaded.status).toBe(202);
    const id = uploaded.body.id as string;
    const dryRun = await eventually(async () => {
      const found = await read(id);
      return found.status === 'planned' && found;
    }, 60_000);
    expect(dryRun.counts).toMatchObject({ create: ROWS, error: 0 });

    const apply = await world
      .http()
      .post(`/v1/programmes/${cast.programmeId}/imports/${id}/apply`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(apply.status).toBe(202);
    // Killed once the first batch is on record, in the middle of the next.
    await eventually(async () => (await read(id)).progress > 0, 60_000, 20);
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    const atKill = (await actionsMade()).length;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ROWS);

    // Back: BullMQ hands the stalled job out again; the apply resumes at its recorded point.
    startChild();
    const done = await eventually(
      async () => {
        const found = await read(id);
        return found.status === 'applied' && found;
      },
      120_000,
      200,
    );
    expect(done.results).toMatchObject({ applied: ROWS, failed: 0 });
    const made = await actionsMade();
    expect(made).toHaveLength(ROWS);
    expect(new Set(made.map((a) => a.title)).size).toBe(ROWS);
    expect(made.filter((a) => a.status === 'in_progress')).toHaveLength(ROWS / 2);
    const steps = await stepsOnRecord(id);
    expect(steps.size).toBe(ROWS + ROWS / 2);
    expect([...steps.values()].every((n) => n === 1)).toBe(true);
    // What follows the changes is recorded with each batch: every action once, also those of
    // the batch the kill cut short (their follow-up went with the batch's record on resume).
    const followUps = await world.dataSource.query<{ actionId: string; status: string | null }[]>(
      `SELECT c->>'actionId' AS "actionId", c->>'status' AS status
         FROM outbox_events e, jsonb_array_elements(e.payload->'changes') c
        WHERE e.type = 'tracking.actions-changed' AND c->>'changeKey' LIKE 'import:' || $1 || ':%'`,
      [id],
    );
    expect(followUps).toHaveLength(ROWS);
    expect(new Set(followUps.map((f) => f.actionId))).toEqual(new Set(made.map((a) => a.id)));
    expect(followUps.filter((f) => f.status === 'in_progress')).toHaveLength(ROWS / 2);

    // As if the worker had died after the changes of a batch but before recording it: the
    // whole import runs again from the start, and the audit log says every step is done.
    await world.dataSource.query(
      `UPDATE imports SET status = 'applying', applied_through = 0, results = '{}' WHERE id = $1`,
      [id],
    );
    await world.dataSource.query('UPDATE import_rows SET result = NULL WHERE import_id = $1', [id]);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    const worker = await world.startWorker();
    try {
      await worker.get(ImportApplier).apply(id, false);
    } finally {
      await worker.close();
    }
    expect(await read(id)).toMatchObject({ status: 'applied', results: { applied: ROWS } });
    expect(await actionsMade()).toHaveLength(ROWS);
    expect(await stepsOnRecord(id)).toEqual(steps);
  }, 240_000);
});
