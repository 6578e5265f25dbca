import ExcelJS from 'exceljs';
import { createHash, randomBytes } from 'node:crypto';
import { ImportApplier } from '@app/imports';
import { ImportRunsRepository } from '@app/imports/import-runs.repository';
import { PeopleDirectory } from '@app/identity';
import { ActionsService } from '@app/tracking';
import type { PlannedRow } from '@app/imports/planning/planned-row';
import { eventually } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

/**
 * The import as someone probing it would: other programmes, API tokens, a coordinator who lost
 * the role, two dry runs of one file, tampered cursors (issue 19, security review).
 */
describe('spreadsheet imports, probed', () => {
  const world = new ReminderWorld('imports_security');
  let cast: TrackingCast;
  let other: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
    other = await world.cast();
  });
  afterAll(() => world.stop());

  const base = (c: TrackingCast = cast) => `/v1/programmes/${c.programmeId}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (actor: Actor) => bearer(actor.token);

  /** An actions CSV: each row its reference (kenmerk), title and deadline. */
  const csv = (rows: readonly [string, string][], c: TrackingCast = cast) =>
    Buffer.from(
      [
        'Kenmerk;Titel;Spoor;Eigenaar (organisatie);Deadline',
        ...rows.map(([reference, title]) =>
          [reference, title, 'Onderlinge samenwerking', c.owner.code, '31-12-2027'].join(';'),
        ),
      ].join('\r\n'),
    );

  async function upload(file: Buffer, actor: Actor = cast.coordinator, c = cast): Promise<string> {
    const res = await world
      .http()
      .post(`${base(c)}/imports`)
      .set(as(actor))
      .attach('file', file, 'acties.csv');
    expect(res.status).toBe(202);
    return res.body.id as string;
  }

  const read = async (id: string, c = cast) =>
    (
      await world
        .http()
        .get(`${base(c)}/imports/${id}`)
        .set(as(c.coordinator))
    ).body;

  const settled = (id: string, states: string[], c = cast) =>
    eventually(async () => {
      const found = await read(id, c);
      return states.includes(found.status) && found;
    }, 60_000);

  const apply = (id: string, actor: Actor = cast.coordinator) =>
    world.http().post(`${base()}/imports/${id}/apply`).set(as(actor));

  async function apiToken(actor: Actor, programmeId: string, scope: 'read' | 'write') {
    const token = `sbt_${randomBytes(32).toString('base64url')}`;
    await world.dataSource.query(
      `INSERT INTO api_tokens (user_id, programme_id, name, scope, token_hash, token_prefix)
       VALUES ($1, $2, 'imports-e2e', $3, $4, $5)`,
      [
        actor.userId,
        programmeId,
        scope,
        createHash('sha256').update(token).digest('hex'),
        token.slice(0, 12),
      ],
    );
    return token;
  }

  const actionsTitled = async (title: string) =>
    world.dataSource.query<{ id: string }[]>(
      'SELECT id FROM actions WHERE programme_id = $1 AND title = $2',
      [cast.programmeId, title],
    );

  it('keeps every import route inside its programme: other programmes, their tokens and read tokens', async () => {
    const id = await upload(csv([['P-1', 'Binnen het programma']]));
    await settled(id, ['planned']);
    // The coordinator of another programme, through that programme's path: nothing there.
    for (const [method, path] of [
      ['get', `/imports/${id}`],
      ['get', `/imports/${id}/rows`],
      ['post', `/imports/${id}/apply`],
    ] as const) {
      const res = await world
        .http()
        [method](`${base(other)}${path}`)
        .set(as(other.coordinator));
      expect(res.body).toMatchObject({ status: 404, code: 'IMPORT_NOT_FOUND' });
    }
    const choices = await world
      .http()
      .post(`${base(other)}/imports/${id}/choices`)
      .set(as(other.coordinator))
      .send({ choices: [{ position: 1, choice: 'sheet' }] });
    expect(choices.body).toMatchObject({ status: 404, code: 'IMPORT_NOT_FOUND' });

    // A coordinator of both programmes, with a write token for the other one: not here.
    await world.fixtures.identity.member(other.programmeId, cast.coordinator.userId, 'coordinator');
    const elsewhere = await apiToken(cast.coordinator, other.programmeId, 'write');
    expect((await world.http().get(`${base()}/imports/${id}`).set(bearer(elsewhere))).status).toBe(
      404,
    );
    expect(
      (await world.http().post(`${base()}/imports/${id}/apply`).set(bearer(elsewhere))).status,
    ).toBe(404);
    // A read token of this programme reads nothing of imports it could not write.
    const reader = await apiToken(cast.coordinator, cast.programmeId, 'read');
    expect(
      (await world.http().post(`${base()}/imports/${id}/apply`).set(bearer(reader))).status,
    ).toBe(403);
    expect(
      (
        await world
          .http()
          .post(`${base()}/imports`)
          .set(bearer(reader))
          .attach('file', csv([['P-2', 'Via een leestoken']]), 'x.csv')
      ).status,
    ).toBe(403);
    expect((await read(id)).status).toBe('planned');
  });

  it('applies nothing for a coordinator who lost the role between the dry run and the apply', async () => {
    const demoted = await world.fixtures.identity.user({ organisationId: cast.owner.id });
    await world.fixtures.identity.member(cast.programmeId, demoted.userId, 'coordinator');
    const id = await upload(csv([['D-1', 'Door een oud-coördinator']]), demoted);
    await settled(id, ['planned']);
    // The apply is queued, but the worker only takes it once the role is gone.
    await world.worker.close();
    try {
      expect((await apply(id, demoted)).status).toBe(202);
      await world.dataSource.query(
        `UPDATE memberships SET role = 'editor' WHERE programme_id = $1 AND user_id = $2`,
        [cast.programmeId, demoted.userId],
      );
    } finally {
      world.worker = await world.startWorker();
    }
    const done = await settled(id, ['applied', 'failed']);
    expect(done).toMatchObject({ status: 'applied', results: { applied: 0, skipped: 1 } });
    const [row] = (await world.http().get(`${base()}/imports/${id}/rows`).set(as(cast.coordinator)))
      .body.data;
    expect(row.resultDetail).toMatchObject({ code: 'APPLIER_NOT_ALLOWED' });
    expect(await actionsTitled('Door een oud-coördinator')).toHaveLength(0);
  });

  it('refuses a tampered cursor on the imports and their rows with a 400, not a 500', async () => {
    const id = await upload(csv([['C-1', 'Voor de cursor']]));
    await settled(id, ['planned']);
    const cursor = (sort: string, values: string[]) =>
      Buffer.from(JSON.stringify(['n', sort, values])).toString('base64url');
    for (const path of [
      `/imports?cursor=${cursor('-createdAt', ['not a date', '00000000-0000-4000-8000-000000000000'])}`,
      `/imports?cursor=${cursor('-createdAt', ['2026-01-01T00:00:00.000Z', 'not-a-uuid'])}`,
      `/imports/${id}/rows?cursor=${cursor('position', ['99999999999999999999'])}`,
      `/imports/${id}/rows?cursor=${cursor('position', ['een'])}`,
    ]) {
      const res = await world.http().get(`${base()}${path}`).set(as(cast.coordinator));
      expect(res.body).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    }
  });

  it('refuses in the dry run a reference too long to store once compared (Hangul), and applies the other rows', async () => {
    const hangul = '가'.repeat(100);
    const id = await upload(
      csv([
        [hangul, 'Met een lang kenmerk'],
        ['NA-1', 'Daarna'],
      ]),
    );
    expect(await settled(id, ['planned', 'failed'])).toMatchObject({
      status: 'planned',
      counts: { error: 1, create: 1 },
    });
    const [refused] = (
      await world.http().get(`${base()}/imports/${id}/rows?outcome=error`).set(as(cast.coordinator))
    ).body.data;
    expect(refused.errors).toEqual([
      expect.objectContaining({ field: 'reference', columnLetter: 'A', code: 'TOO_LONG' }),
    ]);
    expect((await apply(id)).status).toBe(202);
    expect(await settled(id, ['applied', 'failed'])).toMatchObject({
      status: 'applied',
      results: { applied: 1, skipped: 1 },
    });
    expect(await actionsTitled('Daarna')).toHaveLength(1);
  });

  it('refuses to apply a dry run made before another import was applied: one file twice creates its rows once', async () => {
    const file = csv([['DUBBEL-1', 'Eén keer aanmaken']]);
    const first = await upload(file);
    const second = await upload(file);
    await settled(first, ['planned']);
    await settled(second, ['planned']);
    expect((await apply(first)).status).toBe(202);
    expect(await settled(first, ['applied', 'failed'])).toMatchObject({
      results: { applied: 1 },
    });
    // The second dry run still says `create`: the programme it describes is gone.
    expect((await apply(second)).body).toMatchObject({ status: 409, code: 'IMPORT_OUTDATED' });
    expect(await read(second)).toMatchObject({ status: 'planned' });
    expect(await actionsTitled('Eén keer aanmaken')).toHaveLength(1);
    // Uploaded again, the file is the rows it created.
    const third = await upload(file);
    expect(await settled(third, ['planned'])).toMatchObject({ counts: { unchanged: 1 } });

    // An apply under way holds the others up; one whose job was lost, only for its retention.
    await world.dataSource.query(
      `UPDATE imports SET status = 'applying', applied_at = NULL WHERE id = $1`,
      [second],
    );
    expect((await apply(third)).body).toMatchObject({ status: 409, code: 'IMPORT_OUTDATED' });
    await world.dataSource.query(
      `UPDATE imports SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [second],
    );
    expect((await apply(third)).status).toBe(202);
    await settled(third, ['applied']);
  });

  it('reads one sheet of each kind and keeps its notices short, however many sheets and columns a workbook has', async () => {
    const workbook = new ExcelJS.Workbook();
    const header = ['Titel', 'Spoor', 'Eigenaar (organisatie)', 'Deadline'];
    const unknown = Array.from({ length: 150 }, (_, i) => `${'Onbekend '.repeat(400)}${i}`);
    for (const name of ['Acties', 'Actions', 'Actíes']) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow([...header, ...unknown]);
      sheet.addRow([`Uit ${name}`, 'Onderlinge samenwerking', cast.owner.code, '31-12-2027']);
    }
    const id = await world
      .http()
      .post(`${base()}/imports`)
      .set(as(cast.coordinator))
      .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), 'veel-tabbladen.xlsx');
    const planned = await settled(id.body.id, ['planned', 'failed']);
    expect(planned).toMatchObject({ status: 'planned', counts: { create: 1, total: 1 } });
    expect(planned.notices.length).toBeLessThanOrEqual(50);
    expect(
      Math.max(...planned.notices.map((n: { reason: string }) => n.reason.length)),
    ).toBeLessThan(300);
    expect(JSON.stringify(await read(id.body.id)).length).toBeLessThan(20_000);
  });

  it('answers odd multipart uploads with a 4xx problem and stores nothing', async () => {
    const count = async () =>
      (
        await world.dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM imports WHERE programme_id = $1',
          [cast.programmeId],
        )
      )[0].n;
    const before = await count();
    const file = csv([['M-1', 'Multipart']]);
    const post = () => world.http().post(`${base()}/imports`).set(as(cast.coordinator));
    const answers = [
      await post().attach('file', file, 'a.csv').attach('file', file, 'b.csv'),
      await post().attach('upload', file, 'a.csv'),
      await post().field('lang', 'x'.repeat(5_000)).attach('file', file, 'a.csv'),
      await post().field('lang', 'de').attach('file', file, 'a.csv'),
      await post()
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'),
      await post().set('Content-Type', 'multipart/form-data').send('no boundary'),
    ];
    expect(answers.map((res) => [res.status, res.headers['content-type']])).toEqual(
      answers.map(() => [400, expect.stringContaining('application/problem+json')]),
    );
    expect(await count()).toBe(before);
    // No path is kept of the file's name; its letters are read as browsers send them (UTF-8).
    const named = await post().attach('file', file, '..\\..\\etc/passwd.csv');
    expect(named.body.filename).toBe('passwd.csv');
    const dutch = await post().attach('file', file, 'acties-ë.csv');
    expect(dutch.body.filename).toBe('acties-ë.csv');
  });

  it('answers a choice for a position past any row with a 4xx', async () => {
    const id = await upload(csv([['K-1', 'Keuze']]));
    await settled(id, ['planned']);
    for (const position of [3_000_000_000, Number.MAX_SAFE_INTEGER]) {
      const res = await world
        .http()
        .post(`${base()}/imports/${id}/choices`)
        .set(as(cast.coordinator))
        .send({ choices: [{ position, choice: 'sheet' }] });
      expect(res.status).toBe(400);
    }
  });

  it('lets no run another took over fail the import or mix its rows into the dry run', async () => {
    const id = await upload(csv([['K-1', 'Overgenomen']]));
    await settled(id, ['planned']);
    const repository = world.worker.get(ImportRunsRepository);
    const count = async () =>
      (
        await world.dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1',
          [id],
        )
      )[0].n;
    const row: PlannedRow = {
      position: 0,
      sheet: 'actions',
      sheetName: 'Acties',
      rowNumber: 2,
      outcome: 'unchanged',
      entityId: null,
      baseVersion: null,
      title: 'Overgenomen',
      changes: null,
      conflicts: null,
      errors: null,
      plan: null,
    };

    // A stalled dry run, handed out again: the second run starts afresh.
    await world.dataSource.query(`UPDATE imports SET status = 'queued' WHERE id = $1`, [id]);
    const stalled = (await repository.startPlanning(id))!;
    const takeover = (await repository.startPlanning(id))!;
    expect(takeover.runs).toBe(stalled.runs + 1);
    expect(await repository.insertRows(id, stalled.runs, [row])).toBe(false);
    expect(await repository.fail(id, stalled.runs, { code: 'PLAN_FAILED' }, false)).toBe(false);
    expect(await count()).toBe(0);
    expect((await read(id)).status).toBe('planning');
    expect(await repository.insertRows(id, takeover.runs, [row])).toBe(true);
    expect(await count()).toBe(1);

    // The same for an apply: only the run that has it may fail it.
    await world.dataSource.query(`UPDATE imports SET status = 'applying' WHERE id = $1`, [id]);
    const first = (await repository.startApply(id))!;
    const second = (await repository.startApply(id))!;
    expect(await repository.fail(id, first.runs, { code: 'APPLY_FAILED' }, true)).toBe(false);
    expect((await read(id)).status).toBe('applying');
    expect(await repository.fail(id, second.runs, { code: 'APPLY_FAILED' }, true)).toBe(true);
    expect(await read(id)).toMatchObject({ status: 'failed', problem: { code: 'APPLY_FAILED' } });
    expect(await count()).toBe(1);
  });

  it('follows up the rows an apply changed before it failed for good, and only those', async () => {
    const id = await upload(
      csv([
        ['F-1', 'Eerste gevolgd'],
        ['F-2', 'Tweede gevolgd'],
        ['F-3', 'Derde, mislukt'],
      ]),
    );
    await settled(id, ['planned']);
    // Asked for, as the API does, but run here on its last attempt, with the database
    // "going away" at the third row.
    await world.dataSource.query(
      `UPDATE imports SET status = 'applying', applier_user_id = $2, apply_requested_at = now()
        WHERE id = $1`,
      [id, cast.coordinator.userId],
    );
    const actions = world.worker.get(ActionsService);
    const createRecord = actions.createRecord.bind(actions);
    let calls = 0;
    const spy = jest.spyOn(actions, 'createRecord').mockImplementation(async (...args) => {
      calls += 1;
      if (calls === 3) throw new Error('the database went away');
      return createRecord(...args);
    });
    try {
      await world.worker.get(ImportApplier).apply(id, true);
    } finally {
      spy.mockRestore();
    }
    expect(await read(id)).toMatchObject({ status: 'failed', problem: { code: 'APPLY_FAILED' } });
    const made = await world.dataSource.query<{ id: string }[]>(
      `SELECT id FROM actions WHERE programme_id = $1 AND title LIKE '% gevolgd'`,
      [cast.programmeId],
    );
    expect(made).toHaveLength(2);
    const followed = await world.dataSource.query<{ actionId: string }[]>(
      `SELECT c->>'actionId' AS "actionId"
         FROM outbox_events e, jsonb_array_elements(e.payload->'changes') c
        WHERE e.type = 'tracking.actions-changed' AND c->>'changeKey' LIKE 'import:' || $1 || ':%'`,
      [id],
    );
    expect(followed.map((f) => f.actionId).sort()).toEqual(made.map((a) => a.id).sort());
  });

  it('marks an apply failed on its last attempt even when the applier cannot be read', async () => {
    const id = await upload(csv([['G-1', 'Nooit toegepast']]));
    await settled(id, ['planned']);
    await world.dataSource.query(
      `UPDATE imports SET status = 'applying', applier_user_id = $2, apply_requested_at = now()
        WHERE id = $1`,
      [id, cast.coordinator.userId],
    );
    const people = world.worker.get(PeopleDirectory);
    const spy = jest
      .spyOn(people, 'actingAs')
      .mockRejectedValue(new Error('the database went away'));
    try {
      await world.worker.get(ImportApplier).apply(id, true);
    } finally {
      spy.mockRestore();
    }
    expect(await read(id)).toMatchObject({ status: 'failed', problem: { code: 'APPLY_FAILED' } });
  });
});
