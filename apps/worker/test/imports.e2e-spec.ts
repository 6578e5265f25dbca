import ExcelJS from 'exceljs';
import * as fixtures from '@app/imports/parsing/fixtures/crafted-xlsx';
import type { Response } from 'supertest';
import { eventually } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { ReminderWorld } from '../../../test/support/reminder-world';
import { TrackingFixtures, type TrackingCast } from '../../../test/support/tracking-fixtures';

/** Reads a binary response whole (supertest buffers only text by default). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The ISO date `days` from today. */
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A sheet's cell by the header of its column, as a person edits it in Excel. */
function cellOf(sheet: ExcelJS.Worksheet, rowNumber: number, header: string): ExcelJS.Cell {
  const headers = sheet.getRow(1).values as unknown[];
  const column = headers.findIndex((value) => value === header);
  if (column < 1) throw new Error(`no column ${header}`);
  return sheet.getRow(rowNumber).getCell(column);
}

function rowWithKey(sheet: ExcelJS.Worksheet, key: string): number {
  for (let n = 2; n <= sheet.rowCount; n += 1) {
    if (cellOf(sheet, n, 'Sleutel').text === key) return n;
  }
  throw new Error(`no row with key ${key}`);
}

describe('spreadsheet imports (issue 19)', () => {
  const world = new ReminderWorld('imports', { IMPORT_MAX_BYTES: '3000000' });
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
  });
  afterAll(() => world.stop());

  const base = () => `/v1/programmes/${cast.programmeId}`;
  const as = (actor: Actor) => ({ Authorization: `Bearer ${actor.token}` });

  async function download(actor: Actor, query = 'filled=true'): Promise<Buffer> {
    const res = await world
      .http()
      .get(`${base()}/import-template.xlsx?${query}`)
      .set(as(actor))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  async function upload(file: Buffer, name = 'import.xlsx', lang?: string): Promise<any> {
    const req = world.http().post(`${base()}/imports`).set(as(cast.coordinator));
    if (lang) void req.field('lang', lang);
    const res = await req.attach('file', file, name);
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(res.body._links.self.href);
    return res.body;
  }

  const read = async (id: string) =>
    (await world.http().get(`${base()}/imports/${id}`).set(as(cast.coordinator))).body;

  const planned = (id: string) =>
    eventually(async () => {
      const found = await read(id);
      return ['planned', 'failed'].includes(found.status) && found;
    }, 30_000);

  const applied = (id: string) =>
    eventually(async () => {
      const found = await read(id);
      return ['applied', 'failed'].includes(found.status) && found;
    }, 60_000);

  async function rows(id: string, query = ''): Promise<any[]> {
    const res = await world
      .http()
      .get(`${base()}/imports/${id}/rows?limit=200${query}`)
      .set(as(cast.coordinator));
    expect(res.status).toBe(200);
    return res.body.data;
  }

  const apply = (id: string) =>
    world.http().post(`${base()}/imports/${id}/apply`).set(as(cast.coordinator));

  async function action(title: string, extra: Record<string, unknown> = {}) {
    const res = await world.fixtures.action(cast.coordinator, {
      ...TrackingFixtures.actionBody(cast, title),
      ...extra,
    });
    return res.body as { id: string; version: number };
  }

  const getAction = async (id: string) =>
    (await world.http().get(`/v1/actions/${id}`).set(as(cast.coordinator))).body;

  async function edit(file: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    change(workbook);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('takes back a filled workbook with three cells changed: exactly those three changes, audited', async () => {
    // b's deadline is near (its next reminder is the one before it) and moves far out.
    const soon = inDays(20);
    const later = inDays(120);
    const [a, b, c, untouched] = [
      await action('Handreiking opstellen'),
      await action('Pilot met drie gemeenten', { deadline: soon }),
      await action('Evaluatie van de wet', { ownerUserId: cast.editor.userId }),
      await action('Blijft zoals het is'),
    ];
    const remindersBefore = await world.scheduled(cast, b.id);
    const file = await download(cast.coordinator);
    const edited = await edit(file, (workbook) => {
      const sheet = workbook.getWorksheet('Acties')!;
      cellOf(sheet, rowWithKey(sheet, a.id), 'Titel').value =
        'Handreiking opstellen en verspreiden';
      cellOf(sheet, rowWithKey(sheet, b.id), 'Deadline').value = later
        .split('-')
        .reverse()
        .join('-');
      cellOf(sheet, rowWithKey(sheet, b.id), 'Reden wijziging').value = 'Meer gemeenten doen mee';
      cellOf(sheet, rowWithKey(sheet, c.id), 'Status').value = 'In uitvoering';
    });

    const created = await upload(edited, 'acties-bewerkt.xlsx');
    expect(created).toMatchObject({
      status: 'queued',
      filename: 'acties-bewerkt.xlsx',
      lang: 'nl',
    });
    const dryRun = await planned(created.id);
    expect(dryRun).toMatchObject({
      status: 'planned',
      counts: { create: 0, update: 3, conflict: 0, error: 0 },
      unresolvedConflicts: 0,
      problem: null,
    });
    const changes = Object.fromEntries(
      (await rows(created.id, '&outcome=update')).map((row) => [row.entityId, row.changes]),
    );
    expect(changes).toEqual({
      [a.id]: [
        {
          field: 'title',
          column: 'Titel',
          from: 'Handreiking opstellen',
          to: 'Handreiking opstellen en verspreiden',
        },
      ],
      [b.id]: [{ field: 'deadline', column: 'Deadline', from: soon, to: later }],
      [c.id]: [{ field: 'status', column: 'Status', from: 'Niet gestart', to: 'In uitvoering' }],
    });
    // Nothing changed before the apply.
    expect((await getAction(a.id)).title).toBe('Handreiking opstellen');

    expect((await apply(created.id)).status).toBe(202);
    const done = await applied(created.id);
    expect(done).toMatchObject({
      status: 'applied',
      progress: 100,
      results: { applied: 3, failed: 0 },
    });
    expect(await getAction(a.id)).toMatchObject({
      title: 'Handreiking opstellen en verspreiden',
      version: 2,
    });
    expect(await getAction(b.id)).toMatchObject({ deadline: later, version: 2 });
    expect(await getAction(c.id)).toMatchObject({ status: 'in_progress', version: 2 });
    expect(await getAction(untouched.id)).toMatchObject({ version: 1 });

    // One audit event per change, each carrying the import's id, row and step, as the coordinator.
    const events = await world.dataSource.query<
      {
        entity_id: string;
        actor_id: string;
        details: Record<string, unknown>;
        changes: Record<string, unknown>;
      }[]
    >(
      `SELECT entity_id, actor_id, details, changes FROM audit_events
        WHERE entity_type = 'action' AND details->>'importId' = $1 ORDER BY sequence`,
      [created.id],
    );
    const byAction = new Map(events.map((e) => [e.entity_id, e]));
    expect(events).toHaveLength(3);
    expect(Object.keys(byAction.get(a.id)!.changes)).toEqual(['title']);
    expect(Object.keys(byAction.get(b.id)!.changes)).toEqual(['deadline']);
    expect(Object.keys(byAction.get(c.id)!.changes)).toContain('status');
    expect(byAction.get(b.id)!.details).toMatchObject({
      importStep: 'update',
      reason: 'Meer gemeenten doen mee',
    });
    expect(byAction.get(c.id)!.details).toMatchObject({
      importStep: 'progress',
      importRow: expect.any(Number),
    });
    expect(new Set(events.map((e) => e.actor_id))).toEqual(new Set([cast.coordinator.userId]));

    // What follows the changes: b's next reminder planned again for its new deadline (now the
    // one for going stale), c's owner told of its new status once; one follow-up job for the
    // batch, not one per row.
    expect(Object.keys(remindersBefore)).toEqual(['deadline_upcoming 14d']);
    const remindersAfter = await world.scheduled(
      cast,
      b.id,
      (scheduled) => !scheduled['deadline_upcoming 14d'],
    );
    expect(Object.keys(remindersAfter)).toEqual(['stale stale-0']);
    const told = await eventually(async () => {
      const res = await world.http().get('/v1/me/notifications?limit=200').set(as(cast.editor));
      const found = res.body.data.filter(
        (n: any) => n.kind === 'status_changed' && n.actionId === c.id,
      );
      return found.length > 0 && found;
    });
    expect(told).toHaveLength(1);
    await world.settled();
    const followUps = await world.dataSource.query<{ type: string; n: number }[]>(
      `SELECT type, count(*)::int AS n FROM outbox_events
        WHERE type LIKE 'tracking.action%' AND payload::text LIKE '%' || $1 || '%' GROUP BY type`,
      [created.id],
    );
    expect(followUps).toEqual([{ type: 'tracking.actions-changed', n: 1 }]);

    // Applying again is refused; the rows say what happened to each.
    expect((await apply(created.id)).body.code).toBe('IMPORT_NOT_PLANNED');
    const results = await rows(created.id, '&result=applied');
    expect(results.map((row) => row._links.entity.href)).toEqual(
      expect.arrayContaining([`${world.config.http.publicUrl}/v1/actions/${a.id}`]),
    );
  });

  it('shows a row changed in the app since its export as a conflict with both values, applied only as chosen', async () => {
    const a = await action('Kaderbrief schrijven');
    const b = await action('Werkconferentie organiseren');
    const file = await download(cast.coordinator);
    // Meanwhile, in the app:
    for (const [id, title] of [
      [a.id, 'Kaderbrief schrijven (concept gereed)'],
      [b.id, 'Werkconferentie in oktober'],
    ]) {
      const res = await world
        .http()
        .patch(`/v1/actions/${id}`)
        .set(as(cast.coordinator))
        .set('If-Match', '"1"')
        .send({ title });
      expect(res.status).toBe(200);
    }
    const edited = await edit(file, (workbook) => {
      const sheet = workbook.getWorksheet('Acties')!;
      cellOf(sheet, rowWithKey(sheet, a.id), 'Omschrijving').value = 'Met de koepels afgestemd';
      cellOf(sheet, rowWithKey(sheet, b.id), 'Omschrijving').value = 'Voor alle partners';
    });
    const dryRun = await planned((await upload(edited)).id);
    expect(dryRun).toMatchObject({ counts: { conflict: 2 }, unresolvedConflicts: 2 });
    const conflicts = await rows(dryRun.id, '&outcome=conflict');
    const ofA = conflicts.find((row) => row.entityId === a.id);
    // Both values side by side: the app's title now, and the sheet's (from before the change).
    expect(ofA.conflicts).toEqual([
      {
        field: 'title',
        column: 'Titel',
        from: 'Kaderbrief schrijven (concept gereed)',
        to: 'Kaderbrief schrijven',
      },
      { field: 'description', column: 'Omschrijving', from: null, to: 'Met de koepels afgestemd' },
    ]);

    expect((await apply(dryRun.id)).body).toMatchObject({
      status: 409,
      code: 'IMPORT_CONFLICTS_UNRESOLVED',
    });
    const chosen = await world
      .http()
      .post(`${base()}/imports/${dryRun.id}/choices`)
      .set(as(cast.coordinator))
      .send({
        choices: [
          { position: ofA.position, choice: 'app' },
          { position: conflicts.find((row) => row.entityId === b.id).position, choice: 'sheet' },
        ],
      });
    expect(chosen.body).toMatchObject({ unresolvedConflicts: 0 });
    // Only conflicts take a choice.
    const wrong = await world
      .http()
      .post(`${base()}/imports/${dryRun.id}/choices`)
      .set(as(cast.coordinator))
      .send({ choices: [{ position: 999, choice: 'sheet' }] });
    expect(wrong.body.code).toBe('IMPORT_ROW_NOT_A_CONFLICT');

    expect((await apply(dryRun.id)).status).toBe(202);
    expect(await applied(dryRun.id)).toMatchObject({ results: { kept: 1, applied: 1 } });
    expect(await getAction(a.id)).toMatchObject({
      title: 'Kaderbrief schrijven (concept gereed)',
      description: '',
      version: 2,
    });
    expect(await getAction(b.id)).toMatchObject({
      title: 'Werkconferentie organiseren',
      description: 'Voor alle partners',
      version: 3,
    });
  });

  it('creates commitments and actions from new rows, matched by their reference next time: nothing doubled', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await download(cast.coordinator, 'filled=false')) as unknown as ArrayBuffer,
    );
    const commitments = workbook.getWorksheet('Toezeggingen')!;
    commitments.addRow([
      '',
      '',
      'T-1',
      'Toezegging aan de Kamer',
      'Toezegging over de evaluatie',
      '',
      '',
      cast.owner.code,
      '29362-296',
      '',
      '',
      '',
      '',
      '',
      'Tweede Kamer',
      'TZ202401-123',
    ]);
    const actions = workbook.getWorksheet('Acties')!;
    const header = (actions.getRow(1).values as string[]).slice(1);
    const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '');
    actions.addRow(
      row({
        Kenmerk: 'A-1',
        Titel: 'Evaluatie uitvoeren',
        Spoor: 'Onderlinge samenwerking',
        Toezegging: 'T-1',
        'Eigenaar (organisatie)': cast.owner.code,
        Deadline: '31-12-2027',
        Status: 'In uitvoering',
        'Toelichting voortgang': 'Opdracht verleend',
      }),
    );
    actions.addRow(
      row({
        Kenmerk: 'A-2',
        Titel: 'Rapport naar de Kamer',
        Spoor: 'Onderlinge samenwerking',
        Toezegging: '29362 nr. 296',
        'Eigenaar (organisatie)': cast.owner.code,
        Deadline: '2028-03-01',
        Partners: `${cast.partner.code} (mede-eigenaar)`,
      }),
    );
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const first = await planned((await upload(file)).id);
    expect(first).toMatchObject({ counts: { create: 3, error: 0 } });
    const stale = await planned((await upload(file)).id);
    expect((await apply(first.id)).status).toBe(202);
    expect(await applied(first.id)).toMatchObject({ results: { applied: 3 } });
    const created = await rows(first.id);
    const [commitment, a1, a2] = created.map((r) => r.entityId);
    expect(await getAction(a1)).toMatchObject({
      commitmentId: commitment,
      status: 'in_progress',
      latestNarrative: 'Opdracht verleend',
    });
    expect((await getAction(a2)).partners).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ id: cast.partner.id }),
        role: 'co_owner',
      }),
    ]);

    // The same file again: every row is the one it created, and unchanged.
    const again = await planned((await upload(file)).id);
    expect(again).toMatchObject({ counts: { create: 0, update: 0, unchanged: 3 } });
    // A dry run made before another import was applied would create its rows a second time.
    expect((await apply(stale.id)).body).toMatchObject({ status: 409, code: 'IMPORT_OUTDATED' });
    // The filled workbook carries the references.
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.load((await download(cast.coordinator)) as unknown as ArrayBuffer);
    const sheet = filled.getWorksheet('Acties')!;
    expect(cellOf(sheet, rowWithKey(sheet, a1), 'Kenmerk').text).toBe('A-1');
    expect(cellOf(sheet, rowWithKey(sheet, a1), 'Toezegging').text).toBe('T-1');
  });

  it('reports every error of a messy CSV at its row and column, in Dutch or English, and applies none of them', async () => {
    const csv = [
      'Titel;Spoor;Eigenaar (organisatie);Deadline;Status;Voortgang (%)',
      `Zonder spoor;Bestaat niet;${cast.owner.code};31-12-2027;;`,
      `Slechte datum;Onderlinge samenwerking;XYZ;31-02-2027;Klaar;150`,
      `;Onderlinge samenwerking;${cast.owner.code};1-1-2028;;`,
      `Gemeentefonds — ë é;Onderlinge samenwerking;${cast.owner.code};46387;;`,
      '',
      '',
    ].join('\r\n');
    const windows1252 = Buffer.from(
      [...csv].map((ch) =>
        ch === '—' ? 0x97 : ch === 'ë' ? 0xeb : ch === 'é' ? 0xe9 : ch.charCodeAt(0),
      ),
    );
    const dryRun = await planned((await upload(windows1252, 'excel-nl.csv')).id);
    expect(dryRun).toMatchObject({ status: 'planned', counts: { error: 3, create: 1, total: 4 } });
    const all = await rows(dryRun.id);
    const errors = all.flatMap((row) =>
      row.errors.map((e: any) => [row.rowNumber, e.columnLetter, e.code]),
    );
    expect(errors).toEqual([
      [2, 'B', 'UNKNOWN_TRACK'],
      [3, 'D', 'INVALID_DATE'],
      [3, 'E', 'INVALID_CHOICE'],
      [3, 'F', 'INVALID_PERCENT'],
      [3, 'C', 'UNKNOWN_ORGANISATION'],
      [4, 'A', 'REQUIRED'],
    ]);
    expect(all[1].errors[0].reason).toBe('Geen geldige datum. Schrijf bijvoorbeeld 31-12-2026.');
    // Windows-1252 read as such; an Excel serial date as its day.
    expect(all[3]).toMatchObject({ outcome: 'create', title: 'Gemeentefonds — ë é' });
    expect(all[3].changes).toContainEqual({
      field: 'deadline',
      column: 'Deadline',
      from: null,
      to: '2026-12-31',
    });

    const english = await planned((await upload(windows1252, 'excel-nl.csv', 'en')).id);
    expect((await rows(english.id))[1].errors[0].reason).toBe(
      'Not a valid date. Write e.g. 31-12-2026.',
    );
  });

  it('refuses hostile and unreadable files with a clear reason, and oversized or wrongly sent ones at once', async () => {
    for (const [file, code] of [
      [fixtures.zipBombXlsx(), 'ZIP_TOO_LARGE'],
      [fixtures.entityXlsx(), 'XML_ENTITIES'],
      [await fixtures.mergedCellsXlsx(), 'MERGED_CELLS'],
      [Buffer.from('\x00\x01binary\x00'), 'UNREADABLE_FILE'],
    ] as const) {
      const refused = await planned((await upload(file)).id);
      expect(refused).toMatchObject({ status: 'failed', problem: { code } });
      expect(refused.problem.reason.length).toBeGreaterThan(20);
    }
    const formula = await planned((await upload(await fixtures.formulaWithoutValueXlsx())).id);
    expect((await rows(formula.id)).flatMap((r) => r.errors.map((e: any) => e.code))).toContain(
      'FORMULA_WITHOUT_VALUE',
    );

    const tooLarge = await world
      .http()
      .post(`${base()}/imports`)
      .set(as(cast.coordinator))
      .attach('file', Buffer.alloc(3_000_001, 'a'), 'groot.csv');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    const json = await world
      .http()
      .post(`${base()}/imports`)
      .set(as(cast.coordinator))
      .send({ file: 'x' });
    expect(json.status).toBe(415);
    const none = await world
      .http()
      .post(`${base()}/imports`)
      .set(as(cast.coordinator))
      .field('lang', 'nl');
    expect(none.body).toMatchObject({ status: 400, code: 'IMPORT_FILE_MISSING' });
  });

  it('is for coordinators only: editors get 403, others and other programmes 404', async () => {
    const file = await download(cast.coordinator, 'filled=false');
    for (const actor of [cast.editor, cast.liaison, cast.viewer]) {
      expect(
        (await world.http().get(`${base()}/import-template.xlsx?filled=true`).set(as(actor)))
          .status,
      ).toBe(403);
      expect(
        (await world.http().post(`${base()}/imports`).set(as(actor)).attach('file', file, 'x.xlsx'))
          .status,
      ).toBe(403);
    }
    expect(
      (await world.http().get(`${base()}/import-template.xlsx`).set(as(cast.outsider))).status,
    ).toBe(404);
    const mine = await upload(file);
    const other = await world.cast();
    const elsewhere = await world
      .http()
      .get(`/v1/programmes/${other.programmeId}/imports/${mine.id}`)
      .set(as(other.coordinator));
    expect(elsewhere.body).toMatchObject({ status: 404, code: 'IMPORT_NOT_FOUND' });
    expect(
      (await world.http().get(`${base()}/imports/${mine.id}`).set(as(cast.editor))).status,
    ).toBe(403);
  });
});
