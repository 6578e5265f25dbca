import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { OPEN_DATA_FIELD_NAMES } from '@app/reporting';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';
import { dutchMinute } from '../../../test/support/dutch-clock';

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
        ['_links', 'actions', 'fields', 'generatedAt', 'licence', 'programme'].sort(),
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
      expect(res.get('Cache-Control')).toBe('public, no-cache');
      expect(res.get('X-Frame-Options')).toBe('DENY');
      expect(res.get('Access-Control-Expose-Headers')).toMatch(/\bLink\b/);
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
      const etag = listed.get('ETag')!;
      const patched = await asEditor(cast.editor).patch(
        `/v1/actions/${made.body.id}`,
        { public: false },
        '"1"',
      );
      expect(patched.status).toBe(200);
      // A client holding the list with the withdrawn action is told it changed.
      const after = await http().get(openData()).set('If-None-Match', etag);
      expect(after.status).toBe(200);
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
      expect(field(rows[2], 'updatedAt')).toBe(dutchMinute(updatedAt));
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

  describe('licence', () => {
    const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl';
    const CC_BY = 'http://creativecommons.org/licenses/by/4.0/deed.nl';
    const programmePath = () => `/v1/programmes/${cast.programmeId}`;
    const patchProgramme = (actor: Actor, body: object) =>
      http().patch(programmePath()).set('Authorization', `Bearer ${actor.token}`).send(body);

    it('is CC0 1.0 by default, in the JSON and in a Link header on JSON and CSV', async () => {
      const json = await http().get(openData());
      expect(json.body.licence).toEqual({
        id: 'cc0-1.0',
        uri: CC0,
        name: expect.stringContaining('CC0 1.0'),
      });
      expect(json.get('Link')).toContain(`<${CC0}>; rel="license"`);
      expect(json.get('Link')).toContain(
        `<http://localhost:3000${openData()}/dataset>; rel="describedby"; type="application/ld+json"`,
      );
      const csv = await getCsv(openData());
      expect(csv.get('Link')).toContain(`<${CC0}>; rel="license"`);
    });

    it('is changed by a coordinator, refused to an editor, and only to a licence on the list', async () => {
      const byEditor = await patchProgramme(cast.editor, { openDataLicence: 'cc-by-4.0' });
      expect(byEditor.status).toBe(403);
      const unknown = await patchProgramme(cast.coordinator, { openDataLicence: 'gpl-3.0' });
      expect({ status: unknown.status, param: unknown.body.invalidParams?.[0]?.name }).toEqual({
        status: 400,
        param: 'openDataLicence',
      });
      expect((await http().get(openData())).body.licence.id).toBe('cc0-1.0');

      const changed = await patchProgramme(cast.coordinator, { openDataLicence: 'cc-by-4.0' });
      expect(changed.status).toBe(200);
      expect(changed.body.openDataLicence).toBe('cc-by-4.0');
      const json = await http().get(openData());
      expect(json.body.licence).toEqual({ id: 'cc-by-4.0', uri: CC_BY, name: expect.any(String) });
      expect(json.get('Link')).toContain(`<${CC_BY}>; rel="license"`);
      const csv = await getCsv(openData(cast.programmeId, '?format=csv'));
      expect(csv.get('Link')).toContain(`<${CC_BY}>; rel="license"`);
      const dataset = await http().get(`${openData()}/dataset`);
      expect(dataset.body['dct:license']).toEqual({ '@id': CC_BY });

      const back = await patchProgramme(cast.coordinator, { openDataLicence: 'cc0-1.0' });
      expect(back.body.openDataLicence).toBe('cc0-1.0');
    });
  });

  describe('DCAT-AP-NL metadata', () => {
    const datasetPath = () => `${openData()}/dataset`;

    it('describes the dataset in JSON-LD for anyone, with absolute URIs and two distributions', async () => {
      const res = await http().get(datasetPath()).set('Origin', 'https://data.example.org');
      expect(res.status).toBe(200);
      expect(res.get('Content-Type')).toBe('application/ld+json; charset=utf-8');
      expect(res.get('Access-Control-Allow-Origin')).toBe('*');
      const dataset = JSON.parse(res.text);
      expect(dataset['@context']).toMatchObject({
        dcat: 'http://www.w3.org/ns/dcat#',
        dct: 'http://purl.org/dc/terms/',
      });
      expect(dataset).toMatchObject({
        '@type': 'dcat:Dataset',
        '@id': `http://localhost:3000${datasetPath()}`,
        'dct:publisher': { 'foaf:name': `Organisation ${cast.owner.code}` },
        'dct:license': { '@id': 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl' },
        'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/NLD' },
        'dct:accessRights': {
          '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
        },
        'dct:spatial': { '@id': 'http://standaarden.overheid.nl/owms/terms/Nederland' },
      });
      expect(dataset['dcat:theme']).toContainEqual({
        '@id': 'http://standaarden.overheid.nl/owms/terms/Bestuur',
      });
      for (const property of ['dct:title', 'dct:description', 'dcat:contactPoint', 'dct:issued'])
        expect(dataset[property]).toBeDefined();
      // modified: the latest change of a public action.
      const actions = (await http().get(openData())).body.actions as { updatedAt: string }[];
      const latest = actions
        .map((a) => a.updatedAt)
        .sort()
        .at(-1);
      expect(dataset['dct:modified']['@value']).toBe(latest);
      const distributions = dataset['dcat:distribution'];
      expect(
        distributions.map(
          (d: { 'dcat:mediaType': { '@id': string } }) => d['dcat:mediaType']['@id'],
        ),
      ).toEqual([
        'https://www.iana.org/assignments/media-types/application/json',
        'https://www.iana.org/assignments/media-types/text/csv',
      ]);
      // Every distribution's download URL answers, in its format.
      for (const distribution of distributions) {
        const url = new URL(distribution['dcat:downloadURL']['@id']);
        expect(url.origin).toBe('http://localhost:3000');
        const got = await http().get(`${url.pathname}${url.search}`);
        expect(got.status).toBe(200);
        expect(got.get('Content-Type')).toContain(
          distribution['dcat:mediaType']['@id'].split('/media-types/')[1],
        );
      }
    });

    it('answers plain JSON to a client that asks only for it, and 404 for no programme', async () => {
      const res = await http().get(datasetPath()).set('Accept', 'application/json');
      expect(res.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(res.body['@type']).toBe('dcat:Dataset');
      const missing = await http().get(`/v1/programmes/${randomUUID()}/open-data/dataset`);
      expect(missing.status).toBe(404);
    });
  });

  describe('conditional requests', () => {
    it('answers 304 to a current ETag or a date not before the last change, on JSON, CSV and metadata', async () => {
      for (const path of [
        openData(),
        openData(cast.programmeId, '?format=csv'),
        `${openData()}/dataset`,
      ]) {
        const first = await http().get(path);
        expect(first.status).toBe(200);
        const etag = first.get('ETag')!;
        const lastModified = first.get('Last-Modified')!;
        expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
        expect(new Date(lastModified).toUTCString()).toBe(lastModified);
        const again = await http().get(path).set('If-None-Match', etag);
        expect(again.status).toBe(304);
        expect(again.text ?? '').toBe('');
        expect(again.get('ETag')).toBe(etag);
        expect(again.get('Link')).toMatch(/rel="license"/);
        const since = await http().get(path).set('If-Modified-Since', lastModified);
        expect(since.status).toBe(304);
        const stale = await http()
          .get(path)
          .set('If-Modified-Since', new Date(Date.parse(lastModified) - 1000).toUTCString());
        expect(stale.status).toBe(200);
        // If-None-Match decides when both are sent.
        const both = await http()
          .get(path)
          .set('If-None-Match', 'W/"other"')
          .set('If-Modified-Since', lastModified);
        expect(both.status).toBe(200);
      }
    });

    it('gives each representation its own ETag', async () => {
      const tags = await Promise.all(
        [
          openData(),
          openData(cast.programmeId, '?limit=1'),
          openData(cast.programmeId, '?format=csv'),
          `${openData()}/dataset`,
        ].map(async (path) => (await http().get(path)).get('ETag')),
      );
      expect(new Set(tags).size).toBe(4);
    });

    it('changes the ETag when a public action changes', async () => {
      const before = await http().get(openData());
      const etag = before.get('ETag')!;
      const action = await http()
        .get(`/v1/actions/${ids.early}`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`);
      const changed = await asEditor(cast.coordinator).patch(
        `/v1/actions/${ids.early}`,
        { title: 'Handreiking raadsleden (herzien)' },
        action.get('ETag')!,
      );
      expect(changed.status).toBe(200);
      const after = await http().get(openData()).set('If-None-Match', etag);
      expect(after.status).toBe(200);
      expect(after.get('ETag')).not.toBe(etag);
      expect(after.body.actions[0].title).toBe('Handreiking raadsleden (herzien)');
      const metadata = await http().get(`${openData()}/dataset`);
      expect(metadata.body['dct:modified']['@value']).toBe(after.body.actions[0].updatedAt);
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
