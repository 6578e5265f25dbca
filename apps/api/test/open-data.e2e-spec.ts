import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { OPEN_DATA_FIELD_NAMES } from '@app/reporting';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/** A title a naive CSV writer breaks: the separators, a quote and a line break. */
const TRICKY_TITLE = 'Wet "sterk bestuur"; deel 1, artikel 2\nen de rest';

/** Reads a CSV body as a client would: the bytes as UTF-8, the byte order mark dropped. */
const csvText = (res: Response): string => (res.body as Buffer).toString('utf8');
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('open data of a programme', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  const ids: Record<'pledge' | 'early' | 'hidden', string> = { pledge: '', early: '', hidden: '' };

  const http = () => request(app.getHttpServer());
  const openData = (programmeId = cast.programmeId, query = '') =>
    `/v1/programmes/${programmeId}/open-data${query}`;
  const asEditor = (actor: Actor) => ({
    post: (path: string, body: object, ifMatch?: string) => {
      const req = http().post(path).set('Authorization', `Bearer ${actor.token}`);
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    },
    patch: (path: string, body: object, ifMatch: string) =>
      http()
        .patch(path)
        .set('Authorization', `Bearer ${actor.token}`)
        .set('If-Match', ifMatch)
        .send(body),
  });
  const getCsv = (path: string, accept = 'text/csv') =>
    http().get(path).set('Accept', accept).buffer(true).parse(binary);

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    const [commitment]: { id: string }[] = await db.query(
      `INSERT INTO commitments (programme_id, kind, title, attributes)
       VALUES ($1, 'parliamentary_pledge', 'Toezegging monitor lokale democratie',
               '{"chamber": "tweede_kamer", "pledgeNumber": "TZ202401-123"}') RETURNING id`,
      [cast.programmeId],
    );
    // The second reference comes first in the table but not in position: position decides.
    await db.query(
      `INSERT INTO commitment_references (commitment_id, position, document, kamerstuk)
       VALUES ($1, 1, 'Verslag commissiedebat', NULL), ($1, 0, 'Kamerbrief Sterk Bestuur', '29362-296')`,
      [commitment.id],
    );
    const base = {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      ownerOrganisationId: cast.owner.id,
      ownerUserId: cast.editor.userId,
    };
    const pledge = await fixtures.action(cast.editor, {
      ...base,
      title: TRICKY_TITLE,
      description: 'Monitor in 2026.',
      commitmentId: commitment.id,
      partners: [{ organisationId: cast.partner.id, role: 'co_owner' }],
      deadline: '2026-12-31',
      public: true,
    });
    ids.pledge = pledge.body.id;
    const progress = await asEditor(cast.editor).post(
      `/v1/actions/${ids.pledge}/progress-updates`,
      {
        status: 'in_progress',
        health: 'on_track',
        percentComplete: 40,
        narrative: 'Eerste meting verschenen.',
      },
      '"1"',
    );
    expect(progress.status).toBe(201);
    ids.early = (
      await fixtures.action(cast.coordinator, {
        ...base,
        ownerUserId: undefined,
        title: 'Handreiking raadsleden',
        deadline: '2026-03-01',
        public: true,
      })
    ).body.id;
    ids.hidden = (
      await fixtures.action(cast.editor, {
        ...base,
        title: 'Intern overleg over de begroting',
        deadline: '2026-01-15',
      })
    ).body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('as JSON', () => {
    it('shows anyone, without signing in, only the public actions, by deadline', async () => {
      const res = await http().get(openData());
      expect(res.status).toBe(200);
      expect(res.get('Content-Type')).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(
        ['_links', 'actions', 'fields', 'generatedAt', 'programme'].sort(),
      );
      expect(res.body.programme).toEqual({
        id: cast.programmeId,
        name: expect.stringContaining('Programme'),
      });
      expect(res.body.fields).toEqual([...OPEN_DATA_FIELD_NAMES]);
      expect(res.body._links.self.href).toMatch(new RegExp(`${openData()}$`));
      expect(res.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.early, ids.pledge]);
    });

    it('carries exactly the documented fields, and nothing about people', async () => {
      const res = await http().get(openData());
      for (const action of res.body.actions) {
        expect(Object.keys(action)).toEqual([...OPEN_DATA_FIELD_NAMES]);
      }
      const pledge = res.body.actions[1];
      expect(pledge).toEqual({
        id: ids.pledge,
        title: TRICKY_TITLE,
        description: 'Monitor in 2026.',
        track: 'Onderlinge samenwerking',
        commitmentKind: 'parliamentary_pledge',
        commitmentTitle: 'Toezegging monitor lokale democratie',
        sourceReference: 'Kamerbrief Sterk Bestuur, kamerstuk 29362-296',
        ownerOrganisation: cast.owner.code,
        ownerOrganisationName: `Organisation ${cast.owner.code}`,
        partnerOrganisations: [cast.partner.code],
        deadline: '2026-12-31',
        status: 'in_progress',
        statusParliament: 'Openstaand',
        health: 'on_track',
        percentComplete: 40,
        closedAt: null,
        latestNarrative: 'Eerste meting verschenen.',
        latestNarrativeDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(res.body.actions[0]).toMatchObject({
        commitmentKind: null,
        sourceReference: null,
        latestNarrative: null,
        latestNarrativeDate: null,
        partnerOrganisations: [],
      });
      const text = JSON.stringify(res.body);
      for (const actor of [cast.editor, cast.coordinator]) {
        expect(text).not.toContain(actor.userId);
        expect(text).not.toContain(actor.email);
      }
    });

    it('keeps the security headers, and lets any web page read it (CORS *)', async () => {
      const res = await http().get(openData()).set('Origin', 'https://data.example.org');
      expect(res.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.get('Cache-Control')).toBe('no-store');
      expect(res.get('X-Frame-Options')).toBe('DENY');
      expect(res.get('Vary')).toMatch(/Accept/);
      // Elsewhere, CORS stays an allowlist.
      const other = await http().get('/v1/actions').set('Origin', 'https://data.example.org');
      expect(other.get('Access-Control-Allow-Origin')).toBeUndefined();
    });

    it('pages with the API’s keyset links, at most 200 a page', async () => {
      const first = await http().get(openData(cast.programmeId, '?limit=1'));
      expect(first.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.early]);
      const next = new URL(first.body._links.next.href);
      const second = await http().get(`${next.pathname}${next.search}`);
      expect(second.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.pledge]);
      expect(second.body._links.next).toBeUndefined();
      expect(second.body._links.prev).toBeDefined();
      const tooMany = await http().get(openData(cast.programmeId, '?limit=201'));
      expect({ status: tooMany.status, code: tooMany.body.code }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    });

    it('drops an action its owner makes private again', async () => {
      const made = await fixtures.action(cast.editor, {
        programmeId: cast.programmeId,
        trackId: cast.trackId,
        ownerOrganisationId: cast.owner.id,
        title: 'Kortstondig openbaar',
        deadline: '2027-01-01',
        public: true,
      });
      const listed = await http().get(openData());
      expect(listed.body.actions.map((a: { id: string }) => a.id)).toContain(made.body.id);
      const patched = await asEditor(cast.editor).patch(
        `/v1/actions/${made.body.id}`,
        { public: false },
        '"1"',
      );
      expect(patched.status).toBe(200);
      const after = await http().get(openData());
      expect(after.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.early, ids.pledge]);
    });

    it('answers an empty list for a programme that published nothing', async () => {
      const { id } = await fixtures.identity.programme();
      const res = await http().get(openData(id));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ programme: { id }, actions: [] });
      expect(res.body._links.next).toBeUndefined();
    });
  });

  describe('as CSV', () => {
    it('answers Accept: text/csv with a BOM, the field list as header, and every public action', async () => {
      const res = await getCsv(openData());
      expect(res.status).toBe(200);
      expect(res.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(res.get('Content-Disposition')).toMatch(
        new RegExp(`^attachment; filename="open-data-${cast.programmeId}-\\d{8}T\\d{6}Z\\.csv"$`),
      );
      const text = csvText(res);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.split('\r\n')[0]).toBe(`\uFEFF${OPEN_DATA_FIELD_NAMES.join(',')}`);
      const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
      expect(rows.map((row) => row.id)).toEqual([ids.early, ids.pledge]);
      // The title with ; " and a line break comes back as it went in.
      expect(rows[1]).toMatchObject({
        title: TRICKY_TITLE,
        partnerOrganisations: cast.partner.code,
        statusParliament: 'Openstaand',
        closedAt: '',
        sourceReference: 'Kamerbrief Sterk Bestuur, kamerstuk 29362-296',
      });
    });

    it('uses semicolons with separator=semicolon, and format=csv overrides Accept', async () => {
      const res = await getCsv(
        openData(cast.programmeId, '?format=csv&separator=semicolon'),
        'application/json',
      );
      expect(res.status).toBe(200);
      const text = csvText(res);
      expect(text.split('\r\n')[0]).toBe(`\uFEFF${OPEN_DATA_FIELD_NAMES.join(';')}`);
      const rows: string[][] = parse(text, { bom: true, delimiter: ';' });
      expect(rows[0]).toEqual([...OPEN_DATA_FIELD_NAMES]);
      expect(rows[2][OPEN_DATA_FIELD_NAMES.indexOf('title')]).toBe(TRICKY_TITLE);
      expect(rows).toHaveLength(3);
      // For Excel with Dutch settings: days as 01-03-2026, instants in Dutch time.
      const field = (row: string[], name: (typeof OPEN_DATA_FIELD_NAMES)[number]) =>
        row[OPEN_DATA_FIELD_NAMES.indexOf(name)];
      expect(rows.slice(1).map((row) => field(row, 'deadline'))).toEqual([
        '01-03-2026',
        '31-12-2026',
      ]);
      const json = await http().get(openData());
      const updatedAt = new Date(json.body.actions[1].updatedAt as string);
      const local = Object.fromEntries(
        new Intl.DateTimeFormat('nl-NL', {
          timeZone: 'Europe/Amsterdam',
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(updatedAt)
          .map((part) => [part.type, part.value]),
      );
      expect(field(rows[2], 'updatedAt')).toBe(
        `${local.day}-${local.month}-${local.year} ${local.hour}:${local.minute}`,
      );
      expect(field(rows[2], 'closedAt')).toBe('');
    });

    it('streams every public action of a big programme, across read batches, in order', async () => {
      const { id } = await fixtures.identity.programme();
      const track = await fixtures.track(id, 'Groot');
      // 1,201: more than two batches of 500, so the stream follows the keyset twice.
      await db.query(
        `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, deadline, public)
         SELECT $1, $2, 'Actie ' || n, $3, date '2026-01-01' + (n % 7), n % 10 <> 0
           FROM generate_series(1, 1334) AS n`,
        [id, track, cast.owner.id],
      );
      const expected: { id: string }[] = await db.query(
        'SELECT id FROM actions WHERE programme_id = $1 AND public ORDER BY deadline, id',
        [id],
      );
      expect(expected).toHaveLength(1201);
      const rows: Record<string, string>[] = parse(csvText(await getCsv(openData(id))), {
        bom: true,
        columns: true,
      });
      expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
      // JSON pages through the same order, 200 at a time.
      const seen: string[] = [];
      let path: string | undefined = openData(id, '?limit=200');
      while (path) {
        const page: Response = await http().get(path);
        seen.push(...page.body.actions.map((a: { id: string }) => a.id));
        const next = page.body._links.next?.href as string | undefined;
        path = next ? `${new URL(next).pathname}${new URL(next).search}` : undefined;
      }
      expect(seen).toEqual(expected.map((row) => row.id));
    });

    it('is the header row alone for a programme that published nothing', async () => {
      const { id } = await fixtures.identity.programme();
      const res = await getCsv(openData(id, '?format=csv'), '*/*');
      expect(res.status).toBe(200);
      expect(csvText(res)).toBe(`\uFEFF${OPEN_DATA_FIELD_NAMES.join(',')}\r\n`);
    });

    it('refuses an unknown separator or format with 400', async () => {
      const res = await http().get(openData(cast.programmeId, '?format=xml&separator=tab'));
      expect(res.status).toBe(400);
      expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'format',
        'separator',
      ]);
    });
  });

  describe('a programme that does not exist', () => {
    it('is a 404 problem, in either format', async () => {
      for (const accept of ['application/json', 'text/csv']) {
        const res = await http().get(openData(randomUUID())).set('Accept', accept);
        expect(res.status).toBe(404);
        expect(res.get('Content-Type')).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('PROGRAMME_NOT_FOUND');
      }
    });

    it('is a 400 for an id that is not a UUID', async () => {
      const res = await http().get('/v1/programmes/not-a-uuid/open-data');
      expect(res.status).toBe(400);
      expect(res.body.invalidParams[0].name).toBe('id');
    });
  });
});
