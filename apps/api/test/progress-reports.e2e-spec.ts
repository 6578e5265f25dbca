import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProgressReportsService, ReportExportsService } from '@app/reporting';
import { eventually, startApi, startWorker, testConfig } from '../../../test/support/e2e';
import { createOwnDatabase } from '../../../test/support/own-database';
import { parseDocx } from '../../../test/support/read-docx';
import {
  expectSummaryMatches,
  independentCounts,
  staleTimelineHeads,
} from '../../../test/support/report-counts';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';
import { dutchMinute } from '../../../test/support/dutch-clock';
import { reminderPolicyBody } from '../../../test/support/reminder-world';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Reads a binary body (XLSX, PDF, DOCX) into a Buffer. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('progress reports: GET /v1/programmes/{id}/reports/progress', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let secondTrackId: string;
  let commitmentId: string;
  const ids: Record<string, string> = {};
  let config: ReturnType<typeof testConfig>;
  let database: { url: string; ownerUrl: string; drop: () => Promise<void> };

  const http = () => request(app.getHttpServer());
  const get = (actor: Actor, path: string) =>
    http().get(path).set('Authorization', `Bearer ${actor.token}`);
  const report = (actor: Actor, query = '') =>
    get(actor, `/v1/programmes/${cast.programmeId}/reports/progress${query}`);
  const summaryOf = (actor: Actor, query = '') =>
    get(actor, `/v1/programmes/${cast.programmeId}/reports/progress/summary${query}`);

  async function version(id: string): Promise<string> {
    const res = await get(cast.coordinator, `/v1/actions/${id}`);
    return res.get('ETag')!;
  }
  async function progress(id: string, body: Record<string, unknown>): Promise<void> {
    const res = await http()
      .post(`/v1/actions/${id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', await version(id))
      .send({ narrative: 'Bijgewerkt.', ...body });
    if (res.status !== 201) throw new Error(`progress: ${res.status} ${JSON.stringify(res.body)}`);
  }
  async function patch(id: string, body: Record<string, unknown>): Promise<void> {
    const res = await http()
      .patch(`/v1/actions/${id}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', await version(id))
      .send(body);
    if (res.status !== 200) throw new Error(`patch: ${res.status} ${JSON.stringify(res.body)}`);
  }
  async function action(key: string, body: Record<string, unknown>): Promise<string> {
    const { trackId = cast.trackId, ...rest } = body;
    const res = await fixtures.action(cast.coordinator, {
      programmeId: cast.programmeId,
      ...(trackId === null ? {} : { trackId }),
      ownerOrganisationId: cast.owner.id,
      ...rest,
    });
    ids[key] = res.body.id;
    return res.body.id;
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    // A database of its own: reports of the past read audit times, which never run backwards,
    // and other files move the clock forward (clock travel) in a shared one.
    database = await createOwnDatabase('progress_reports');
    config = testConfig({
      DATABASE_URL: database.url,
      REPORT_DIRECT_MAX_ACTIONS: '6',
      REPORT_DIRECT_MAX_PAST_ACTIONS: '8',
      REPORT_LETTER_MAX_ACTIONS: '6',
    });
    app = await startApi({ config });
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    // No escalation ladder: with the default one, the worker escalates the overdue action C
    // to `official` when its reminder is due, which is in the send hour of any working day
    // (the test of the escalation filter below failed when run between 9 and 10, Dutch time).
    const policy = await http()
      .put(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send(reminderPolicyBody({ escalation: [] }));
    expect(policy.status).toBe(200);
    secondTrackId = await fixtures.track(cast.programmeId, 'Financiële verhoudingen');
    const commitment = await http()
      .post('/v1/commitments')
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({
        programmeId: cast.programmeId,
        kind: 'parliamentary_pledge',
        title: 'Toezegging: jaarlijkse voortgangsrapportage',
        attributes: {
          chamber: 'tweede_kamer',
          pledgeNumber: 'T03519',
          ministerTitle: 'Minister van BZK',
        },
        references: [{ document: 'Kamerbrief Actieagenda Sterk Bestuur', kamerstuk: '35896-10' }],
      });
    expect(commitment.status).toBe(201);
    commitmentId = commitment.body.id;

    await action('plain', { title: 'A. Evaluatie UDO-werkwijze', deadline: '2030-01-15' });
    await action('risky', {
      title: 'B. Handreiking bestuurlijke samenwerking',
      deadline: '2030-02-15',
      commitmentId,
      partners: [{ organisationId: cast.partner.id, role: 'contributor' }],
    });
    await action('late', { title: 'C. Overzicht medebewind', deadline: '2024-03-01' });
    await action('done', {
      title: 'D. Rapportage aan de Kamer',
      deadline: '2030-04-15',
      trackId: secondTrackId,
      commitmentId,
    });
    await action('lapsed', {
      title: 'E. Pilot regiodeals',
      deadline: '2030-05-15',
      trackId: secondTrackId,
    });
    await action('loose', {
      title: 'F. Zonder spoor',
      deadline: '2030-06-15',
      trackId: null,
      parentActionId: ids.plain,
    });

    await progress(ids.plain, {
      status: 'in_progress',
      health: 'on_track',
      percentComplete: 20,
      narrative: 'Gestart met de evaluatie.',
    });
    await progress(ids.risky, {
      status: 'in_progress',
      health: 'at_risk',
      reason: 'Capaciteit bij gemeenten',
      narrative: 'Concept "handreiking" <besproken>; reactie VNG volgt.',
    });
    await progress(ids.done, { status: 'in_progress', narrative: 'Brief in voorbereiding.' });
    await progress(ids.done, { status: 'met', narrative: 'Brief verzonden.' });
    await progress(ids.lapsed, { status: 'lapsed', reason: 'Opgegaan in ander traject' });
    const comment = await http()
      .post(`/v1/actions/${ids.risky}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .send({ body: 'Zorgen over de uitvoeringslasten.', position: 'concerns' });
    expect(comment.status).toBe(201);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await database?.drop();
  });

  it('summarises the programme with the numbers an independent count gives', async () => {
    const res = await summaryOf(cast.viewer);
    expect(res.status).toBe(200);
    const s = res.body.summary;
    const counts = await independentCounts(db, cast.programmeId);
    expectSummaryMatches(s, counts);
    expect(s.openUpdatedLast30Days.share).toBe(
      Math.round((counts.updated / counts.open) * 1000) / 1000,
    );
    // The tracks in the programme's order, actions without a track last.
    expect(s.byTrack.map((t: { track: { name: string } | null }) => t.track?.name ?? null)).toEqual(
      ['Onderlinge samenwerking', 'Financiële verhoudingen'],
    );
    expect(res.body).toMatchObject({
      programme: { id: cast.programmeId },
      since: null,
      lang: 'nl',
      _links: { self: { href: expect.stringContaining('/reports/progress/summary') } },
    });
  });

  it('lists every action with what a reader needs, in track order', async () => {
    const res = await report(cast.liaison);
    expect(res.status).toBe(200);
    expect(res.get('Content-Type')).toMatch(/^application\/json/);
    const { actions, summary } = res.body;
    expect(actions).toHaveLength(summary.total);
    // By track, then deadline; the sub-action F is in its parent's track.
    expect(actions.map((a: { title: string }) => a.title[0])).toEqual([
      'C',
      'A',
      'B',
      'F',
      'D',
      'E',
    ]);
    const risky = actions.find((a: { id: string }) => a.id === ids.risky);
    expect(risky).toMatchObject({
      status: 'in_progress',
      statusParliament: 'Openstaand',
      health: 'at_risk',
      verification: 'self_reported',
      overdue: false,
      commitment: {
        id: commitmentId,
        kind: 'parliamentary_pledge',
        sourceReference: 'Kamerbrief Actieagenda Sterk Bestuur (35896-10)',
      },
      ownerOrganisation: { id: cast.owner.id, code: cast.owner.code },
      partners: [
        {
          organisation: { id: cast.partner.id },
          role: 'contributor',
          position: 'concerns',
        },
      ],
      latestNarrative: { text: 'Concept "handreiking" <besproken>; reactie VNG volgt.' },
      changesSince: null,
    });
    expect(actions.find((a: { id: string }) => a.id === ids.late).overdue).toBe(true);
    expect(actions.find((a: { id: string }) => a.id === ids.done)).toMatchObject({
      status: 'met',
      statusParliament: 'Voldaan',
      percentComplete: 100,
      closedAt: expect.any(String),
    });
    // The Kamer's vocabulary counts the same actions: not started and in progress are open.
    const byStatus = summary.byStatus as Record<string, number>;
    expect(summary.byStatusParliament).toEqual({
      Openstaand: byStatus.not_started + byStatus.in_progress,
      'Deels voldaan': byStatus.partially_met,
      Voldaan: byStatus.met,
      Vervallen: byStatus.lapsed,
    });
    const polled = await summaryOf(cast.viewer);
    expect(polled.body.summary.byStatusParliament).toEqual(summary.byStatusParliament);
  });

  it('narrows the report with the filters, summary and rows alike', async () => {
    const res = await report(cast.viewer, `?track=${secondTrackId}&status=met,lapsed`);
    expect(res.body.actions.map((a: { id: string }) => a.id).sort()).toEqual(
      [ids.done, ids.lapsed].sort(),
    );
    expect(res.body.summary.total).toBe(2);
    const overdue = await summaryOf(cast.viewer, '?overdue=true');
    expect(overdue.body.summary.total).toBe(1);
    const partner = await report(
      cast.viewer,
      `?partnerOrganisation=${cast.partner.id}&commitmentKind=parliamentary_pledge`,
    );
    expect(partner.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.risky]);
  });

  it('answers CSV with a BOM, Dutch headings and the same rows; semicolons on request', async () => {
    const json = await report(cast.viewer);
    const res = await report(cast.viewer, '').set('Accept', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.get('Content-Disposition')).toMatch(
      /^attachment; filename="voortgangsrapportage-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(res.text, { bom: true });
    expect(rows[0].slice(0, 4)).toEqual(['Id', 'Spoor', 'Actie', 'Afspraak']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      json.body.actions.map((a: { id: string }) => a.id),
    );
    const statusColumn = rows[0].indexOf('Status');
    expect(rows.slice(1).map((r) => r[statusColumn])).toContain('In uitvoering');
    const narrative = rows[0].indexOf('Laatste toelichting');
    expect(rows.find((r) => r[0] === ids.risky)![narrative]).toBe(
      'Concept "handreiking" <besproken>; reactie VNG volgt.',
    );

    const semicolons = await report(cast.viewer, '?format=csv&separator=semicolon&lang=en');
    const english: string[][] = parse(semicolons.text, { bom: true, delimiter: ';' });
    expect(english[0].slice(0, 4)).toEqual(['Id', 'Track', 'Action', 'Commitment']);
    expect(english).toHaveLength(rows.length);
    expect(semicolons.get('Content-Disposition')).toContain('progress-report-');
    // The Excel-NL dialect: days as 31-12-2026, instants as 31-12-2026 14:05 in Dutch time.
    const deadline = rows[0].indexOf('Deadline');
    const closedAt = rows[0].indexOf('Afgesloten op');
    expect(english[0][closedAt]).toBe('Closed at');
    rows.slice(1).forEach((row, index) => {
      const [year, month, day] = row[deadline].split('-');
      expect(english[index + 1][deadline]).toBe(`${day}-${month}-${year}`);
    });
    const done = rows.findIndex((r) => r[0] === ids.done);
    expect(rows[done][closedAt]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(english[done][closedAt]).toBe(dutchMinute(rows[done][closedAt]));
  });

  it('answers XLSX with typed cells and the same numbers and rows', async () => {
    const res = await report(cast.viewer, '?format=xlsx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const [summarySheet, actionsSheet] = workbook.worksheets;
    expect(actionsSheet.rowCount).toBe(1 + 6);
    const header = (actionsSheet.getRow(1).values as unknown[]).slice(1);
    const deadline = header.indexOf('Deadline') + 1;
    expect(actionsSheet.getRow(2).getCell(deadline).value).toBeInstanceOf(Date);
    expect(actionsSheet.getRow(2).getCell(deadline).numFmt).toBe('dd-mm-yyyy');
    // Print-ready: the action first, the id last and not printed, landscape, one page wide.
    expect(header[0]).toBe('Actie');
    expect(header.at(-1)).toBe('Id');
    const ids = actionsSheet.getColumn(header.length).values.slice(2);
    const json = await report(cast.viewer);
    expect(ids).toEqual(json.body.actions.map((a: { id: string }) => a.id));
    expect(actionsSheet.getColumn(1).values.slice(2)).toEqual(
      json.body.actions.map((a: { title: string }) => a.title),
    );
    for (const sheet of [summarySheet, actionsSheet]) {
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    expect(actionsSheet.pageSetup.printTitlesRow).toBe('1:1');
    expect(actionsSheet.headerFooter.oddFooter).toContain('Pagina &P van &N');
    // Status in words and colour: "In uitvoering" on light blue.
    const status = header.indexOf('Status') + 1;
    const row = json.body.actions.findIndex((a: { status: string }) => a.status === 'in_progress');
    expect(actionsSheet.getRow(row + 2).getCell(status)).toMatchObject({
      value: 'In uitvoering',
      fill: { fgColor: { argb: 'FFD9EBF7' } },
    });
    const figures = new Map<string, unknown>();
    summarySheet.eachRow((row) => figures.set(row.getCell(1).text, row.getCell(2).value));
    expect(figures.get('Acties')).toBe(json.body.summary.total);
    expect(figures.get('Over de deadline')).toBe(json.body.summary.overdue);
  });

  it('answers a draft letter to parliament (DOCX) whose annex lists the rows of the report', async () => {
    const res = await report(cast.viewer, '?format=docx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.get('Content-Type')).toBe(DOCX);
    expect(res.get('Content-Disposition')).toMatch(
      /^attachment; filename="voortgangsbrief-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    const docx = await parseDocx(res.body as Buffer);
    const json = (await report(cast.viewer)).body;
    const annex = docx.tables.at(-1)!;
    expect(annex).toHaveLength(1 + json.actions.length);
    expect(annex.slice(1).map((row) => row[1])).toEqual(
      json.actions.map((a: { title: string }) => a.title),
    );
    // A section per track of the report, in its order, between the subject and the annex.
    const tracks = [
      ...new Set(
        json.actions.map(
          (a: { track: { name: string } | null }) => a.track?.name ?? 'Zonder spoor',
        ),
      ),
    ];
    expect(docx.headings.filter((h) => h.level <= 2).map((h) => h.text)).toEqual([
      `Betreft\tVoortgang ${json.programme.name}`,
      ...tracks,
      'Bijlage: overzicht van acties',
    ]);
    expect(docx.stylesXml).toContain('<w:lang w:val="nl-NL"/>');
    const text = docx.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(`Het programma telt ${json.summary.total} acties.`);
    // Narratives are text: markup in them stays text.
    expect(text).toContain('Concept "handreiking" <besproken>; reactie VNG volgt.');

    // The Accept header asks for it too, in English on request.
    const negotiated = await report(cast.viewer, '?lang=en&status=in_progress')
      .set('Accept', DOCX)
      .buffer(true)
      .parse(binary);
    expect(negotiated.status).toBe(200);
    expect(negotiated.get('Content-Disposition')).toContain('progress-letter-');
    const english = await parseDocx(negotiated.body as Buffer);
    const filtered = (await report(cast.viewer, '?status=in_progress')).body;
    expect(english.tables.at(-1)).toHaveLength(1 + filtered.actions.length);
    expect(english.headings.at(-1)!.text).toBe('Annex: overview of the actions');
  });

  it('answers PDF and accessible HTML', async () => {
    const pdf = await report(cast.viewer, '?format=pdf').buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.get('Content-Type')).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const html = await report(cast.viewer, '').set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.text).toContain('<html lang="nl"');
    expect(html.text).toContain('Voortgangsrapportage');
    expect(html.text).not.toContain('<besproken>');
    expect(html.text).toContain('&lt;besproken&gt;');
  });

  it('refuses an asOf in the future and a since after asOf, with every problem', async () => {
    const res = await report(cast.viewer, '?asOf=2999-01-01&since=3000-01-01');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'asOf',
      'since',
    ]);
    // Shaped right, but no such day or time: a 400, not a 500.
    const impossible = await report(cast.viewer, '?asOf=2026-02-30&since=2026-01-01T25:61:00Z');
    expect(impossible.status).toBe(400);
    expect(impossible.body.invalidParams).toEqual([
      { name: 'asOf', reason: 'asOf is not a date or time that exists' },
      { name: 'since', reason: 'since is not a date or time that exists' },
    ]);
    const bad = await report(cast.viewer, '?format=odt&lang=fr&asOf=gisteren');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'asOf',
      'format',
      'lang',
    ]);
  });

  it('shows a programme only to its members: others get 404, API tokens only their own', async () => {
    expect((await report(cast.outsider)).status).toBe(404);
    expect((await summaryOf(cast.outsider)).status).toBe(404);
    const token = await http()
      .post('/v1/me/api-tokens')
      .set('Authorization', `Bearer ${cast.viewer.token}`)
      .send({ name: 'Dashboard', programmeId: cast.programmeId, scope: 'read' });
    expect(token.status).toBe(201);
    const viaToken = await http()
      .get(`/v1/programmes/${cast.programmeId}/reports/progress/summary`)
      .set('Authorization', `Bearer ${token.body.token}`);
    expect(viaToken.status).toBe(200);
    const other = await fixtures.cast();
    const elsewhere = await http()
      .get(`/v1/programmes/${other.programmeId}/reports/progress/summary`)
      .set('Authorization', `Bearer ${token.body.token}`);
    expect(elsewhere.status).toBe(404);
  });

  it('keeps a polled summary correct: a change shows at once', async () => {
    const before = (await summaryOf(cast.viewer)).body.summary;
    await progress(ids.plain, {
      health: 'off_track',
      reason: 'Uitgesteld',
      narrative: 'Vertraagd.',
    });
    const after = (await summaryOf(cast.viewer)).body.summary;
    expect(after.byHealth.off_track).toBe(before.byHealth.off_track + 1);
    expect(after.byHealth.on_track).toBe(before.byHealth.on_track - 1);
    // A renamed organisation shows at once too (its name is in every programme's summary).
    await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [cast.owner.id, 'Hernoemd']);
    const renamed = (await summaryOf(cast.viewer)).body.summary;
    expect(
      renamed.byOwnerOrganisation.find(
        (o: { organisation: { id: string } }) => o.organisation.id === cast.owner.id,
      ).organisation.name,
    ).toBe('Hernoemd');
    // Put back, for the tests after this one.
    await progress(ids.plain, { health: 'on_track', narrative: 'Weer op schema.' });
    expect((await summaryOf(cast.viewer)).body.summary.byHealth).toEqual(before.byHealth);
  });

  it('reproduces an earlier report exactly after later changes (asOf), lists changes since; big XLSX/PDF/HTML/DOCX are 413', async () => {
    const earlier = (await report(cast.viewer)).body;
    await sleep(20);
    const moment = new Date().toISOString();
    await sleep(20);
    await progress(ids.risky, {
      health: 'off_track',
      reason: 'Geen capaciteit',
      narrative: 'Loopt vertraging op.',
    });
    await patch(ids.plain, {
      deadline: '2031-01-15',
      reason: 'Nieuwe planning',
      title: 'A. Evaluatie UDO-werkwijze (herzien)',
    });
    await progress(ids.done, { status: 'in_progress', reason: 'Heropend voor aanvulling' });
    await http()
      .post(`/v1/actions/${ids.risky}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .send({ body: 'Nu akkoord.', position: 'supports' });
    await action('later', { title: 'G. Later toegevoegd', deadline: '2030-07-15' });

    const now = (await report(cast.viewer)).body;
    expect(now.summary.total).toBe(earlier.summary.total + 1);
    // Seven actions: more than REPORT_DIRECT_MAX_ACTIONS (6) as PDF, XLSX or HTML here.
    const tooBig = await report(cast.viewer, '?format=pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('REPORT_TOO_LARGE');
    const letterTooBig = await report(cast.viewer, '?format=docx');
    expect(letterTooBig.status).toBe(413);
    expect(letterTooBig.body.code).toBe('REPORT_TOO_LARGE');
    expect((await report(cast.viewer, '?format=csv')).status).toBe(200);

    const past = await report(cast.viewer, `?asOf=${encodeURIComponent(moment)}`);
    expect(past.status).toBe(200);
    expect(past.body.summary).toEqual(earlier.summary);
    expect(past.body.actions).toEqual(earlier.actions);

    const since = await report(cast.viewer, `?since=${encodeURIComponent(moment)}`);
    const changed = (id: string) =>
      since.body.actions.find((a: { id: string }) => a.id === id).changesSince;
    expect(changed(ids.plain)).toEqual({
      created: false,
      fields: [
        {
          field: 'title',
          from: 'A. Evaluatie UDO-werkwijze',
          to: 'A. Evaluatie UDO-werkwijze (herzien)',
        },
        { field: 'deadline', from: '2030-01-15', to: '2031-01-15' },
      ],
      progressUpdates: 0,
    });
    expect(changed(ids.risky)).toMatchObject({
      fields: [{ field: 'health', from: 'at_risk', to: 'off_track' }],
      progressUpdates: 1,
    });
    expect(changed(ids.later)).toMatchObject({ created: true });
    expect(changed(ids.late)).toEqual({ created: false, fields: [], progressUpdates: 0 });
    // The same past again, with the filters applied to the state it had then.
    const filtered = await report(
      cast.viewer,
      `?asOf=${encodeURIComponent(moment)}&health=at_risk`,
    );
    expect(filtered.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.risky]);
    // What a report of now reads of each action's newest entries still equals its timeline.
    expect(await staleTimelineHeads(db)).toEqual([]);
  });

  it('lets a position comment wait for a progress update on the same action instead of deadlocking', async () => {
    const id = await action('busy', {
      title: 'I. Drukbezocht',
      deadline: '2030-09-15',
      partners: [{ organisationId: cast.partner.id, role: 'contributor' }],
    });
    const ifMatch = await version(id);
    // Whoever holds the audit chain makes every audited change wait on it: here, first the
    // progress update (holding the action), then the comment. A comment that took the
    // action's timeline head before the chain would hold what the update needs next. (The
    // owner holds it: the runtime role moves the head only through audit_chain_advance.)
    const holder = new Client(database.ownerUrl);
    await holder.connect();
    const waiters = async (n: number) =>
      eventually(async () => {
        const [row] = await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return row.n >= n ? true : undefined;
      });
    let updated: Promise<request.Response>;
    let commented: Promise<request.Response>;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM audit_chain_head FOR UPDATE');
      updated = http()
        .post(`/v1/actions/${id}/progress-updates`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
        .set('If-Match', ifMatch)
        .send({ status: 'in_progress', narrative: 'Gestart.' })
        .then((res) => res);
      await waiters(1);
      commented = http()
        .post(`/v1/actions/${id}/comments`)
        .set('Authorization', `Bearer ${cast.liaison.token}`)
        .send({ body: 'Akkoord.', position: 'supports' })
        .then((res) => res);
      await waiters(2);
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    expect((await updated).status).toBe(201);
    expect((await commented).status).toBe(201);
    expect(await staleTimelineHeads(db)).toEqual([]);
  });

  it('keeps the timeline heads right whichever of two concurrent changes commits first', async () => {
    const id = await action('heads', {
      title: 'H. Gelijktijdig bijgewerkt',
      deadline: '2030-08-15',
    });
    const clients = [new Client(database.url), new Client(database.url)];
    await Promise.all(clients.map((client) => client.connect()));
    // Each round, the first transaction takes the head and commits while the second waits on
    // it and then merges. Round one: the newer change commits first. Round two: the older one.
    const rounds = [
      {
        first: { ago: 3, narrative: 'ronde 1, nieuwer', partner: 'objects' },
        second: { ago: 4, narrative: 'ronde 1, ouder', partner: 'concerns', closes: true },
      },
      {
        first: { ago: 2, narrative: 'ronde 2, ouder', partner: 'concerns' },
        second: { ago: 1, narrative: 'ronde 2, nieuwst', partner: 'supports' },
      },
    ];
    const write = async (
      client: Client,
      change: { ago: number; narrative: string; partner: string; closes?: boolean },
    ) => {
      const at = `now() - interval '${change.ago} seconds'`;
      await client.query(
        `INSERT INTO progress_updates (action_id, kind, narrative, status, created_at)
         VALUES ($1, 'progress', $2, $3, ${at})`,
        [id, change.narrative, change.closes ? 'met' : null],
      );
      await client.query(
        `INSERT INTO comments (action_id, author_user_id, author_organisation_id, body, position, created_at)
         VALUES ($1, $2, $3, 'Standpunt.', $4, ${at})`,
        [id, cast.liaison.userId, cast.partner.id, change.partner],
      );
      if (change.closes) {
        await client.query(
          `INSERT INTO comments (action_id, author_user_id, author_organisation_id, body, position, created_at)
           VALUES ($1, $2, $3, 'Zorgen.', 'concerns', ${at})`,
          [id, cast.editor.userId, cast.owner.id],
        );
      }
    };
    try {
      for (const [index, round] of rounds.entries()) {
        const [first, second] = index === 0 ? clients : [...clients].reverse();
        await first.query('BEGIN');
        await second.query('BEGIN');
        await write(first, round.first);
        // Waits on the first transaction's head row.
        const waiting = (async () => {
          await write(second, round.second);
          await second.query('COMMIT');
        })();
        await sleep(100);
        await first.query('COMMIT');
        await waiting;
      }
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(await staleTimelineHeads(db)).toEqual([]);
    const [head] = await db.query(
      `SELECT narrative, last_closing_at IS NOT NULL AS closing, positions
         FROM action_timeline_heads WHERE action_id = $1`,
      [id],
    );
    expect(head).toMatchObject({ narrative: 'ronde 2, nieuwst', closing: true });
    expect(head.positions[cast.partner.id].position).toBe('supports');
    expect(head.positions[cast.owner.id].position).toBe('concerns');
    const listed = (await report(cast.viewer)).body.actions.find(
      (a: { id: string }) => a.id === id,
    );
    expect(listed.latestNarrative.text).toBe('ronde 2, nieuwst');
  });

  it('reads the summary and the rows of a report in one snapshot: a change made meanwhile is in neither', async () => {
    const reports = app.get(ProgressReportsService);
    const opened = await reports.report(reports.parameters(cast.programmeId, {}));
    const listed: { id: string; status: string }[] = [];
    try {
      // Committed after the summary was read, before the first row is.
      await progress(ids.loose, { status: 'in_progress', narrative: 'Toch gestart.' });
      for await (const { id, status } of opened.actions) listed.push({ id, status });
    } finally {
      await opened.close();
    }
    const byStatus: Record<string, number> = {};
    for (const { status } of listed) byStatus[status] = (byStatus[status] ?? 0) + 1;
    expect(listed).toHaveLength(opened.summary.total);
    expect(byStatus).toEqual(
      Object.fromEntries(Object.entries(opened.summary.byStatus).filter(([, n]) => n > 0)),
    );
    expect(listed.find((a) => a.id === ids.loose)?.status).toBe('not_started');
    const next = (await report(cast.viewer)).body;
    expect(next.actions.find((a: { id: string }) => a.id === ids.loose).status).toBe('in_progress');
    expect(next.summary.byStatus.in_progress).toBe(opened.summary.byStatus.in_progress + 1);
  });

  it("hands a report's connection back when it answers 413", async () => {
    for (let n = (await summaryOf(cast.viewer)).body.summary.total; n <= 6; n++) {
      await action(`extra${n}`, { title: `K. Extra ${n}`, deadline: '2030-11-15' });
    }
    // More refusals than the pool has connections (5 here): a leaked one would stall the rest.
    for (let i = 0; i < 12; i++) {
      expect((await report(cast.viewer, '?format=xlsx')).status).toBe(413);
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction'`,
    );
    expect(n).toBe(0);
    expect((await report(cast.viewer)).status).toBe(200);
  });

  it('refuses a report of the past too large to rebuild here (413), and exports it', async () => {
    for (let n = (await summaryOf(cast.viewer)).body.summary.total; n <= 8; n++) {
      await action(`past${n}`, { title: `L. Verleden ${n}`, deadline: '2030-12-15' });
    }
    // Eight actions existed when the eighth was made: rebuilt here. More than
    // REPORT_DIRECT_MAX_PAST_ACTIONS (8) exist now: not rebuilt in the API.
    const [eighth] = await db.query(
      `SELECT created_at FROM actions WHERE programme_id = $1 ORDER BY created_at, id OFFSET 7 LIMIT 1`,
      [cast.programmeId],
    );
    const then = (eighth.created_at as Date).toISOString();
    expect((await report(cast.viewer, `?asOf=${encodeURIComponent(then)}`)).status).toBe(200);
    const asOf = new Date().toISOString();
    for (const res of [
      await report(cast.viewer, `?asOf=${encodeURIComponent(asOf)}&format=csv`),
      await summaryOf(cast.viewer, `?asOf=${encodeURIComponent(asOf)}`),
    ]) {
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('REPORT_TOO_LARGE');
    }
    const exported = await http()
      .post('/v1/report-exports')
      .set('Authorization', `Bearer ${cast.viewer.token}`)
      .send({ programmeId: cast.programmeId, format: 'csv', asOf });
    expect(exported.status).toBe(202);
  });

  it('serves reports and summaries asked for all at once right after a change, without exhausting the pool', async () => {
    for (let round = 0; round < 5; round++) {
      await progress(ids.plain, { percentComplete: 30 + round, narrative: 'Verder.' });
      // More at once than the pool has connections, and every one finds the summary stale.
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          i % 2 === 0 ? summaryOf(cast.viewer) : report(cast.viewer, '?format=csv'),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(16).fill(200));
    }
  });

  describe('exports: POST /v1/report-exports', () => {
    beforeAll(async () => {
      worker = await startWorker(config);
    });

    it('renders in the worker with progress; only the requester downloads, until it expires', async () => {
      const created = await http()
        .post('/v1/report-exports')
        .set('Authorization', `Bearer ${cast.viewer.token}`)
        .send({
          programmeId: cast.programmeId,
          format: 'xlsx',
          lang: 'en',
          status: ['in_progress'],
        });
      expect(created.status).toBe(202);
      expect(created.get('Location')).toBe(created.body._links.self.href);
      expect(created.body).toMatchObject({ status: 'queued', progress: 0, format: 'xlsx' });
      const path = new URL(created.get('Location')!).pathname;
      const done = await eventually(async () => {
        const res = await get(cast.viewer, path);
        return res.body.status === 'done' ? res.body : undefined;
      });
      expect(done).toMatchObject({
        progress: 100,
        filename: expect.stringMatching(/^progress-report-.*\.xlsx$/),
        _links: { file: { href: expect.stringContaining(`${path}/file`) } },
      });
      const file = await get(cast.viewer, `${path}/file`).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      expect(file.get('Content-Disposition')).toContain(done.filename);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as never);
      const direct = await report(cast.viewer, '?status=in_progress');
      expect(workbook.worksheets[1].rowCount).toBe(1 + direct.body.actions.length);

      // Someone else, even a coordinator of the programme: not found.
      expect((await get(cast.coordinator, path)).status).toBe(404);
      expect((await get(cast.coordinator, `${path}/file`)).status).toBe(404);
      // A member of no programme at all is refused before any export is looked up.
      expect((await get(cast.outsider, path)).status).toBe(403);

      // Past its retention: gone, and the purge deletes it.
      await db.query(
        `UPDATE report_exports SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [done.id],
      );
      const expired = await get(cast.viewer, `${path}/file`);
      expect(expired.status).toBe(404);
      expect(expired.body.code).toBe('REPORT_EXPORT_EXPIRED');
      await worker.get(ReportExportsService).purge();
      expect(await db.query('SELECT 1 FROM report_exports WHERE id = $1', [done.id])).toHaveLength(
        0,
      );
      expect(
        await db.query('SELECT 1 FROM report_export_chunks WHERE export_id = $1', [done.id]),
      ).toHaveLength(0);
    });

    it('renders the draft letter (DOCX) in the worker; one larger than a letter lists is 413 or fails', async () => {
      const created = await http()
        .post('/v1/report-exports')
        .set('Authorization', `Bearer ${cast.viewer.token}`)
        .send({ programmeId: cast.programmeId, format: 'docx', status: ['in_progress'] });
      expect(created.status).toBe(202);
      const path = new URL(created.get('Location')!).pathname;
      const done = await eventually(async () => {
        const res = await get(cast.viewer, path);
        return res.body.status === 'done' ? res.body : undefined;
      });
      expect(done).toMatchObject({
        format: 'docx',
        progress: 100,
        filename: expect.stringMatching(/^voortgangsbrief-\d{4}-\d{2}-\d{2}\.docx$/),
      });
      const file = await get(cast.viewer, `${path}/file`).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      expect(file.get('Content-Type')).toBe(DOCX);
      expect((file.body as Buffer).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      const docx = await parseDocx(file.body as Buffer);
      const direct = await report(cast.viewer, '?status=in_progress');
      expect(docx.tables.at(-1)).toHaveLength(1 + direct.body.actions.length);
      expect(
        docx.tables
          .at(-1)!
          .slice(1)
          .map((row) => row[1]),
      ).toEqual(direct.body.actions.map((a: { title: string }) => a.title));

      // Seven actions now, more than a letter lists here (REPORT_LETTER_MAX_ACTIONS 6): not
      // even an export makes it.
      const tooBig = await http()
        .post('/v1/report-exports')
        .set('Authorization', `Bearer ${cast.viewer.token}`)
        .send({ programmeId: cast.programmeId, format: 'docx' });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.code).toBe('REPORT_TOO_LARGE');
      // Of the past its size is known only once it is rebuilt: the worker refuses it, at once.
      const past = await http()
        .post('/v1/report-exports')
        .set('Authorization', `Bearer ${cast.viewer.token}`)
        .send({
          programmeId: cast.programmeId,
          format: 'docx',
          asOf: new Date(Date.now() - 1000).toISOString(),
        });
      expect(past.status).toBe(202);
      const pastPath = new URL(past.get('Location')!).pathname;
      const failed = await eventually(async () => {
        const res = await get(cast.viewer, pastPath);
        return res.body.status === 'failed' ? res.body : undefined;
      });
      expect(failed).toMatchObject({ errorCode: 'REPORT_TOO_LARGE', filename: null });
    });

    it('keeps every filter of the report in the export, the escalation level too', async () => {
      const [first] = (await report(cast.viewer)).body.actions as { id: string }[];
      const [{ escalation_level: was }] = await db.query(
        `SELECT escalation_level FROM actions WHERE id = $1`,
        [first.id],
      );
      // Escalated as the worker would have done it (the reminders' escalation step).
      await db.query(`UPDATE actions SET escalation_level = 'official' WHERE id = $1`, [first.id]);
      try {
        const direct = await report(cast.viewer, '?escalationLevel=official');
        expect(direct.body.actions.map((a: { id: string }) => a.id)).toEqual([first.id]);
        const created = await http()
          .post('/v1/report-exports')
          .set('Authorization', `Bearer ${cast.viewer.token}`)
          .send({ programmeId: cast.programmeId, format: 'csv', escalationLevel: ['official'] });
        expect(created.status).toBe(202);
        const path = new URL(created.get('Location')!).pathname;
        await eventually(async () => {
          const res = await get(cast.viewer, path);
          return res.body.status === 'done' ? res.body : undefined;
        });
        const file = await get(cast.viewer, `${path}/file`).buffer(true).parse(binary);
        const rows = parse<Record<string, string>>((file.body as Buffer).toString('utf8'), {
          bom: true,
          columns: true,
        });
        expect(rows).toHaveLength(1);
      } finally {
        await db.query(`UPDATE actions SET escalation_level = $2 WHERE id = $1`, [first.id, was]);
      }
    });

    it('refuses an export of a programme that is not yours (404) and bad options (400)', async () => {
      const other = await fixtures.cast();
      const res = await http()
        .post('/v1/report-exports')
        .set('Authorization', `Bearer ${cast.viewer.token}`)
        .send({ programmeId: other.programmeId, format: 'pdf' });
      expect(res.status).toBe(404);
      const bad = await http()
        .post('/v1/report-exports')
        .set('Authorization', `Bearer ${cast.viewer.token}`)
        .send({ programmeId: cast.programmeId, format: 'odt', extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'extra',
        'format',
      ]);
    });
  });
});
