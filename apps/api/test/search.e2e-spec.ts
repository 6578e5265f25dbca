import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/**
 * The header's search box (issue 18, item 9) over actions and commitments, with words of the
 * demo data (seeds/actieagenda): word prefixes, Dutch stemming, web-search syntax, Kamerstuk
 * numbers as people write them.
 */
describe('search: q on GET /v1/actions and GET /v1/commitments', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let cast: TrackingCast;

  const list = (path: string, q: string) =>
    request(app.getHttpServer())
      .get(`${path}?programme=${cast.programmeId}&q=${encodeURIComponent(q)}`)
      .set('Authorization', `Bearer ${cast.viewer.token}`);
  const titles = async (path: string, q: string): Promise<string[]> => {
    const res = await list(path, q);
    expect(res.status).toBe(200);
    return (res.body.data as { title: string }[]).map((item) => item.title).sort();
  };
  const actions = (q: string) => titles('/v1/actions', q);
  const commitments = (q: string) => titles('/v1/commitments', q);

  const OPSCHALING = 'Oploop van de opschalingskorting vanaf 2026 definitief geschrapt';
  const SPREIDINGSWET = 'Bestuurlijke en financiële randvoorwaarden van de Spreidingswet';
  const VERWERKEN =
    'Schrappen van de oploop van de opschalingskorting verwerken in Voorjaarsnota en meicirculaire 2024';
  const OMGEVINGSDIENSTEN = 'Omgevingsdiensten versterken';
  const EVALUEREN = 'Werking van de Code Interbestuurlijke Verhoudingen evalueren';

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    cast = await new TrackingFixtures(app).cast();
    const commitment = async (title: string, description: string, kamerstuk: string | null) => {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO commitments (programme_id, kind, title, description, attributes)
         VALUES ($1, 'agenda_item', $2, $3, '{}') RETURNING id`,
        [cast.programmeId, title, description],
      );
      if (kamerstuk) {
        await db.query(
          `INSERT INTO commitment_references (commitment_id, position, document, kamerstuk)
           VALUES ($1, 0, 'Kamerbrief', $2)`,
          [row.id, kamerstuk],
        );
      }
      return row.id;
    };
    const bofv = await commitment(
      OPSCHALING,
      'In het BOFv van het voorjaar van 2024 is afgesproken dat de oploop van de opschalingskorting vanaf 2026 definitief wordt geschrapt.',
      '29362-290',
    );
    await commitment(
      SPREIDINGSWET,
      'Afspraken over huisvesting en begeleiding van asielzoekers in gemeenten.',
      '29362-296',
    );
    const action = (
      title: string,
      description: string,
      narrative: string | null,
      c: string | null,
    ) =>
      db.query(
        `INSERT INTO actions (programme_id, track_id, title, description, owner_organisation_id,
           deadline, latest_narrative, commitment_id)
         VALUES ($1, $2, $3, $4, $5, '2027-01-01', $6, $7)`,
        [cast.programmeId, cast.trackId, title, description, cast.owner.id, narrative, c],
      );
    await action(
      VERWERKEN,
      'Budgettaire verwerking vanaf 2026 in de begrotingen van gemeentefonds en provinciefonds.',
      null,
      bofv,
    );
    await action(
      OMGEVINGSDIENSTEN,
      'Kwaliteit van de VTH-taken verbeteren.',
      'IPO en VNG wijzen opschaling van omgevingsdiensten buiten verlengd lokaal bestuur af.',
      null,
    );
    await action(EVALUEREN, 'Met de koepels de werking van de code bespreken.', null, null);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('finds actions by word prefix, stemmed or as written, in title, description and narrative', async () => {
    // The example: a prefix of a compound word.
    expect(await actions('opschaling')).toEqual([OMGEVINGSDIENSTEN, VERWERKEN]);
    expect(await actions('opschalingsk')).toEqual([VERWERKEN]);
    // A prefix into the part the Dutch stemmer drops ("bestuurlijke" → "bestur").
    expect(await actions('interbestuurl')).toEqual([EVALUEREN]);
    // Stemming: the plural typed in full finds the singular's stem and back.
    expect(await actions('omgevingsdienst')).toEqual([OMGEVINGSDIENSTEN]);
    expect(await actions('begroting')).toEqual([VERWERKEN]);
    expect(await actions('Gemeentefonds')).toEqual([VERWERKEN]);
    // Several words: all of them, each a prefix.
    expect(await actions('opschal voorjaars')).toEqual([VERWERKEN]);
    expect(await actions('opschal koepel')).toEqual([]);
  });

  it('keeps the web-search syntax: phrases, minus and or', async () => {
    expect(await actions('opschaling -omgevingsdiensten')).toEqual([VERWERKEN]);
    expect(await actions('"verlengd lokaal bestuur"')).toEqual([OMGEVINGSDIENSTEN]);
    expect(await actions('"lokaal verlengd"')).toEqual([]);
    expect(await actions('voorjaarsnota or koepels')).toEqual([VERWERKEN, EVALUEREN]);
  });

  it('finds actions and commitments by a Kamerstuk of the sources, as people write it', async () => {
    for (const q of ['29362-290', '29362 nr. 290', '29362, nr. 290']) {
      expect(await actions(q)).toEqual([VERWERKEN]);
      expect(await commitments(q)).toEqual([OPSCHALING]);
    }
    expect(await commitments('29362')).toEqual([SPREIDINGSWET, OPSCHALING]);
    expect(await commitments('29362-29')).toEqual([]);
  });

  it('finds commitments by word prefix over title and description', async () => {
    expect(await commitments('opschaling')).toEqual([OPSCHALING]);
    expect(await commitments('BOFv voorjaar')).toEqual([OPSCHALING]);
    expect(await commitments('asielzoeker')).toEqual([SPREIDINGSWET]);
    expect(await commitments('bestuurl')).toEqual([SPREIDINGSWET]);
    expect(await commitments('financi -spreidingswet')).toEqual([]);
    // As before: any part of the title.
    expect(await commitments('preidingsw')).toEqual([SPREIDINGSWET]);
  });

  it('refuses a search without letters or digits, or too long, with a 400 naming q', async () => {
    for (const path of ['/v1/actions', '/v1/commitments']) {
      for (const q of ['"-" !', 'x'.repeat(201)]) {
        const res = await list(path, q);
        expect(res.status).toBe(400);
        expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['q']);
      }
    }
    // Stop words alone are no error.
    expect((await list('/v1/actions', 'de')).status).toBe(200);
  });
});
