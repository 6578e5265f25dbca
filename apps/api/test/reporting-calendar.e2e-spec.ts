import type { NestExpressApplication } from '@nestjs/platform-express';
import ICAL from 'ical.js';
import request, { type Response } from 'supertest';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/** What a calendar app sees of the feed, read by ical.js (Mozilla's parser). */
function eventsOf(res: Response) {
  const calendar = new ICAL.Component(ICAL.parse(res.text));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate && event.endDate.isDate,
        sequence: event.sequence,
        description: event.description,
        url: String(vevent.getFirstPropertyValue('url')),
        lastModified: String(vevent.getFirstPropertyValue('last-modified')),
        dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
      };
    }),
  };
}

const basic = (token: string) =>
  `Basic ${Buffer.from(`agenda@example.nl:${token}`).toString('base64')}`;

describe('the deadlines calendar (GET /programmes/{id}/deadlines.ics)', () => {
  let app: NestExpressApplication;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let slug: string;
  const ids: Record<'open' | 'other' | 'closed' | 'ownedByOther', string> = {
    open: '',
    other: '',
    closed: '',
    ownedByOther: '',
  };
  let otherTrackId: string;

  const http = () => request(app.getHttpServer());
  const feed = (programmeId = cast.programmeId, query = '') =>
    `/v1/programmes/${programmeId}/deadlines.ics${query}`;
  const as = (actor: Actor) => ({
    get: (path: string) => http().get(path).set('Authorization', `Bearer ${actor.token}`),
    post: (path: string, body: object, ifMatch?: string) => {
      const call = http().post(path).set('Authorization', `Bearer ${actor.token}`);
      return (ifMatch ? call.set('If-Match', ifMatch) : call).send(body);
    },
    patch: (path: string, body: object, ifMatch: string) =>
      http()
        .patch(path)
        .set('Authorization', `Bearer ${actor.token}`)
        .set('If-Match', ifMatch)
        .send(body),
  });
  const apiToken = async (actor: Actor, programmeId: string): Promise<string> => {
    const res = await as(actor)
      .post('/v1/me/api-tokens', { name: 'Agenda', programmeId, scope: 'read' })
      .expect(201);
    return res.body.token as string;
  };

  beforeAll(async () => {
    app = await startApi();
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    slug = (await as(cast.viewer).get(`/v1/programmes/${cast.programmeId}`).expect(200)).body.slug;
    otherTrackId = await fixtures.track(cast.programmeId, 'Financiële verhoudingen');
    const action = async (title: string, deadline: string, extra: object = {}) =>
      (
        await fixtures.action(cast.coordinator, {
          programmeId: cast.programmeId,
          trackId: cast.trackId,
          title,
          ownerOrganisationId: cast.owner.id,
          deadline,
          ...extra,
        })
      ).body.id as string;
    ids.open = await action('Handreiking UDO publiceren', '2027-03-31');
    ids.other = await action('Evaluatie BOFv-afspraken', '2027-01-15', { trackId: otherTrackId });
    ids.ownedByOther = await action('Provinciale inbreng bundelen', '2027-06-30', {
      ownerOrganisationId: cast.other.id,
    });
    ids.closed = await action('Startnotitie', '2026-12-31');
    const progress = `/v1/actions/${ids.closed}/progress-updates`;
    await as(cast.coordinator)
      .post(progress, { status: 'in_progress', narrative: 'Gestart' }, '"1"')
      .expect(201);
    await as(cast.coordinator)
      .post(progress, { status: 'met', narrative: 'Vastgesteld' }, '"2"')
      .expect(201);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers every open action as an all-day event on its deadline, soonest first', async () => {
    const res = await as(cast.viewer).get(feed()).expect(200);
    expect(res.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(res.get('Content-Disposition')).toBe(`inline; filename="deadlines-${slug}.ics"`);
    expect(res.get('API-Version')).toBeDefined();
    expect(res.get('Cache-Control')).toBe('no-store');
    expect(res.text).toContain('X-PUBLISHED-TTL:PT1H');

    const { name, events } = eventsOf(res);
    expect(name).toBe(`Deadlines: Programme ${slug}`);
    expect(events.map((event) => event.uid)).toEqual([
      `${ids.other}@sterk-bestuur-tracker`,
      `${ids.open}@sterk-bestuur-tracker`,
      `${ids.ownedByOther}@sterk-bestuur-tracker`,
    ]);
    expect(events[1]).toMatchObject({
      summary: 'Deadline: Handreiking UDO publiceren',
      start: '2027-03-31',
      end: '2027-04-01',
      allDay: true,
      sequence: 1,
    });
    expect(events[1].description).toContain(`Trekker: Organisation ${cast.owner.code}`);
    expect(events[1].description).toContain('Status: Niet gestart');
    expect(events[1].description).toContain('Gereed: 0%');
    expect(events[1].description).toContain(`Actie: http://localhost:3000/acties/${ids.open}`);
    expect(events[1].url).toBe(`http://localhost:3000/acties/${ids.open}`);
    const action = (await as(cast.viewer).get(`/v1/actions/${ids.open}`)).body;
    const stamp = new Date(action.updatedAt as string).toISOString().replace(/\.\d{3}/, '');
    expect(events[1].lastModified).toBe(stamp);
    expect(events[1].dtstamp).toBe(stamp);
  });

  it('keeps UIDs across fetches, and shows a moved deadline with a higher SEQUENCE', async () => {
    const before = eventsOf(await as(cast.viewer).get(feed()).expect(200)).events;
    const again = eventsOf(await as(cast.viewer).get(feed()).expect(200)).events;
    expect(again).toEqual(before);

    const moved = await as(cast.coordinator).patch(
      `/v1/actions/${ids.open}`,
      { deadline: '2027-05-15', reason: 'Afstemming met VNG duurt langer' },
      '"1"',
    );
    expect(moved.status).toBe(200);
    const after = eventsOf(await as(cast.viewer).get(feed()).expect(200)).events;
    const event = after.find((candidate) => candidate.uid === `${ids.open}@sterk-bestuur-tracker`);
    expect(event).toMatchObject({ start: '2027-05-15', end: '2027-05-16', allDay: true });
    expect(event!.sequence).toBeGreaterThan(before[1].sequence);
    expect(after).toHaveLength(before.length);
  });

  it('answers 304 while the feed is unchanged', async () => {
    const first = await as(cast.viewer).get(feed()).expect(200);
    const etag = first.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await as(cast.viewer).get(feed()).set('If-None-Match', etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const english = await as(cast.viewer)
      .get(feed(undefined, '?lang=en'))
      .set('If-None-Match', etag!);
    expect(english.status).toBe(200);
  });

  it('leaves closed actions out unless includeClosed=true', async () => {
    const open = eventsOf(await as(cast.viewer).get(feed()).expect(200)).events;
    expect(open.map((event) => event.uid)).not.toContain(`${ids.closed}@sterk-bestuur-tracker`);
    const all = eventsOf(
      await as(cast.viewer).get(feed(undefined, '?includeClosed=true')).expect(200),
    ).events;
    const closed = all.find((event) => event.uid === `${ids.closed}@sterk-bestuur-tracker`);
    expect(closed).toMatchObject({ start: '2026-12-31', sequence: 3 });
    expect(closed!.description).toContain('Status: Gerealiseerd');
  });

  it('filters by track and owner organisation, and labels in English on request', async () => {
    const byTrack = eventsOf(
      await as(cast.viewer)
        .get(feed(undefined, `?track=${otherTrackId}`))
        .expect(200),
    ).events;
    expect(byTrack.map((event) => event.uid)).toEqual([`${ids.other}@sterk-bestuur-tracker`]);
    const byOwner = eventsOf(
      await as(cast.viewer)
        .get(feed(undefined, `?ownerOrganisation=${cast.other.id.toUpperCase()}&lang=en`))
        .expect(200),
    ).events;
    expect(byOwner.map((event) => event.uid)).toEqual([
      `${ids.ownedByOther}@sterk-bestuur-tracker`,
    ]);
    expect(byOwner[0].summary).toBe('Deadline: Provinciale inbreng bundelen');
    expect(byOwner[0].description).toContain(`Owner organisation: Organisation ${cast.other.code}`);
    expect(byOwner[0].description).toContain('Status: Not started');
  });

  it('answers a 400 problem listing every malformed query key', async () => {
    const res = await as(cast.viewer)
      .get(feed(undefined, '?track=nope&includeClosed=yes&lang=fr'))
      .expect(400);
    expect(res.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(res.body.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'includeClosed',
      'lang',
      'track',
    ]);
  });

  it('hides the programme from outsiders with a 404', async () => {
    const res = await as(cast.outsider).get(feed()).expect(404);
    expect(res.body.code).toBe('PROGRAMME_NOT_FOUND');
  });

  describe('for calendar apps', () => {
    let token: string;
    let tokenOfOtherProgramme: string;
    let otherProgrammeId: string;

    beforeAll(async () => {
      token = await apiToken(cast.viewer, cast.programmeId);
      otherProgrammeId = (await fixtures.identity.programme()).id;
      await fixtures.identity.member(otherProgrammeId, cast.viewer.userId, 'viewer');
      tokenOfOtherProgramme = await apiToken(cast.viewer, otherProgrammeId);
    });

    it('takes a read API token as a bearer token and as the Basic password', async () => {
      const bearer = await http().get(feed()).set('Authorization', `Bearer ${token}`).expect(200);
      const viaBasic = await http().get(feed()).set('Authorization', basic(token)).expect(200);
      expect(viaBasic.text).toBe(bearer.text);
      expect(eventsOf(viaBasic).events).toHaveLength(3);
    });

    it('answers 404 to a token of another programme, in either form', async () => {
      for (const authorization of [
        `Bearer ${tokenOfOtherProgramme}`,
        basic(tokenOfOtherProgramme),
      ]) {
        const res = await http().get(feed()).set('Authorization', authorization).expect(404);
        expect(res.body.code).toBe('PROGRAMME_NOT_FOUND');
      }
      await http()
        .get(feed(otherProgrammeId))
        .set('Authorization', basic(tokenOfOtherProgramme))
        .expect(200);
    });

    it('challenges for Basic and Bearer when no or bad credentials come', async () => {
      const cases = [
        undefined,
        'Basic %%%',
        `Basic ${Buffer.from(token).toString('base64')}`,
        `Basic ${Buffer.from(`${cast.viewer.email}:${cast.viewer.password}`).toString('base64')}`,
        basic('sbt_never-issued'),
        `Basic ${Buffer.from(`x:${cast.viewer.token}`).toString('base64')}`,
      ];
      for (const authorization of cases) {
        const call = http().get(feed());
        const res = await (authorization ? call.set('Authorization', authorization) : call);
        expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
        expect(res.get('Content-Type')).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('UNAUTHENTICATED');
        const challenge = res.get('WWW-Authenticate');
        expect(challenge).toContain('Basic realm="Sterk Bestuur Tracker", charset="UTF-8"');
        expect(challenge).toContain('Bearer realm=');
      }
    });

    it('takes no Basic credentials on other routes', async () => {
      const res = await http()
        .get(`/v1/programmes/${cast.programmeId}`)
        .set('Authorization', basic(token))
        .expect(401);
      expect(res.get('WWW-Authenticate')).not.toContain('Basic');
    });
  });
});
