import type { NestExpressApplication } from '@nestjs/platform-express';
import ICAL from 'ical.js';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/**
 * Calendar links (issue 21): a personal, read-only, revocable address of a programme's
 * deadlines, for calendar apps that send no credential at all.
 */
describe('calendar links (POST /me/calendar-links, GET /calendar-feeds/{key}/deadlines.ics)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  const logs = new LogCapture();
  const longTitle =
    'Handreiking over de uitvoering van het Bestuurlijk Overleg Financiële verhoudingen ' +
    '(BOFv) en de interbestuurlijke afspraken over de Opschalingskorting — één geheel ✓';

  const http = () => request(app.getHttpServer());
  const as = (actor: Actor) => ({
    get: (path: string) => http().get(path).set('Authorization', `Bearer ${actor.token}`),
    post: (path: string, body: object) =>
      http().post(path).set('Authorization', `Bearer ${actor.token}`).send(body),
    delete: (path: string) => http().delete(path).set('Authorization', `Bearer ${actor.token}`),
  });
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    app = await startApi({ config: testConfig({ LOG_LEVEL: 'info' }), logs });
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    await fixtures.action(cast.coordinator, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title: longTitle,
      ownerOrganisationId: cast.owner.id,
      deadline: '2027-03-31',
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives an address, once, that a calendar app reads without any header', async () => {
    const made = await as(cast.viewer).post('/v1/me/calendar-links', {
      name: 'Google Agenda',
      programmeId: cast.programmeId,
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Google Agenda',
      programmeId: cast.programmeId,
      tokenPrefix: expect.stringMatching(/^sbc_/),
      revokedAt: null,
    });
    const url: string = made.body.url;
    expect(url).toMatch(
      /^http:\/\/localhost:\d+\/v1\/calendar-feeds\/sbc_[\w-]{43}\/deadlines\.ics$/,
    );

    const feed = await http().get(pathOf(url)).expect(200);
    expect(feed.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent).summary);
    expect(summaries).toContain(`Deadline: ${longTitle}`);
    // RFC 5545 §3.1: lines of at most 75 octets, longer ones folded.
    for (const line of feed.text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    // The same feed as with credentials, filters included.
    const withBearer = await as(cast.viewer)
      .get(`/v1/programmes/${cast.programmeId}/deadlines.ics?lang=en`)
      .expect(200);
    const viaLink = await http()
      .get(`${pathOf(url)}?lang=en`)
      .expect(200);
    expect(viaLink.get('ETag')).toBe(withBearer.get('ETag'));
    await http().get(pathOf(url)).set('If-None-Match', feed.get('ETag')!).expect(304);

    // Listed without its address; the secret is stored hashed only.
    const listed = await as(cast.viewer).get('/v1/me/calendar-links').expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: made.body.id, lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(url.split('/')[5]);
    const [row] = await db.query('SELECT token_hash FROM calendar_links WHERE id = $1', [
      made.body.id,
    ]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // Nor is it in the logs: the path is its credential.
    expect(logs.text()).not.toContain(url.split('/')[5]);
    expect(logs.text()).toContain('/v1/calendar-feeds/[redacted]/deadlines.ics');
  });

  it('stops at once when revoked, and tells nothing of why', async () => {
    const made = await as(cast.editor)
      .post('/v1/me/calendar-links', { name: 'Outlook', programmeId: cast.programmeId })
      .expect(201);
    await http().get(pathOf(made.body.url)).expect(200);
    await as(cast.editor).delete(`/v1/me/calendar-links/${made.body.id}`).expect(204);
    await as(cast.editor).delete(`/v1/me/calendar-links/${made.body.id}`).expect(204);
    const gone = await http().get(pathOf(made.body.url));
    expect({ status: gone.status, code: gone.body.code }).toEqual({
      status: 404,
      code: 'CALENDAR_LINK_NOT_FOUND',
    });
    const unknown = await http().get('/v1/calendar-feeds/sbc_nothing/deadlines.ics');
    expect(unknown.status).toBe(404);
    expect(unknown.body.instance).toBe('/v1/calendar-feeds/[redacted]/deadlines.ics');
    // Someone else's link is not theirs to revoke.
    const other = await as(cast.viewer)
      .post('/v1/me/calendar-links', { name: 'Mijn', programmeId: cast.programmeId })
      .expect(201);
    await as(cast.editor).delete(`/v1/me/calendar-links/${other.body.id}`).expect(404);
    const events = await db.query(
      `SELECT operation FROM audit_events WHERE entity_type = 'calendar_link' AND entity_id = $1
        ORDER BY sequence`,
      [made.body.id],
    );
    expect(events.map((e: { operation: string }) => e.operation)).toEqual([
      'token_created',
      'token_revoked',
    ]);
  });

  it('works only while its owner is active and a member of the programme', async () => {
    const member = await fixtures.identity.user({ organisationId: cast.owner.id });
    const membership = await fixtures.identity.member(cast.programmeId, member.userId, 'viewer');
    const made = await as(member)
      .post('/v1/me/calendar-links', { name: 'Agenda', programmeId: cast.programmeId })
      .expect(201);
    await http().get(pathOf(made.body.url)).expect(200);
    await db.query('DELETE FROM memberships WHERE id = $1', [membership]);
    await http().get(pathOf(made.body.url)).expect(404);
    await fixtures.identity.member(cast.programmeId, member.userId, 'viewer');
    await http().get(pathOf(made.body.url)).expect(200);
    await db.query('UPDATE users SET is_active = false WHERE id = $1', [member.userId]);
    await http().get(pathOf(made.body.url)).expect(404);
  });

  it('is made only for a programme of one’s own, and is no credential anywhere else', async () => {
    const refused = await as(cast.outsider).post('/v1/me/calendar-links', {
      name: 'Agenda',
      programmeId: cast.programmeId,
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 404,
      code: 'PROGRAMME_NOT_FOUND',
    });
    const made = await as(cast.viewer)
      .post('/v1/me/calendar-links', { name: 'Agenda 2', programmeId: cast.programmeId })
      .expect(201);
    const secret = made.body.url.split('/')[5] as string;
    await http()
      .get(`/v1/programmes/${cast.programmeId}/deadlines.ics`)
      .set('Authorization', `Bearer ${secret}`)
      .expect(401);
    await http()
      .get(`/v1/programmes/${cast.programmeId}/deadlines.ics`)
      .set('Authorization', `Basic ${Buffer.from(`x:${secret}`).toString('base64')}`)
      .expect(401);
    await http().get('/v1/me').set('Authorization', `Bearer ${secret}`).expect(401);
  });
});
