import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request, { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

let counter = 0;
const uniqueSlug = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(counter += 1).toString(36)}`;

function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

function invalidNames(res: Response): string[] {
  expectProblem(res, 400, 'VALIDATION_FAILED');
  return (res.body.invalidParams as { name: string }[]).map((param) => param.name).sort();
}

describe('programmes, tracks and members', () => {
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let fixtures: IdentityFixtures;
  let bzk: { id: string; code: string };
  let vng: { id: string; code: string };
  let admin: Actor;
  let coordinator: Actor;
  let editor: Actor;
  let liaison: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let newcomer: Actor;
  /** The programme of the story, made through the API by the admin. */
  let programmeId: string;
  /** Another programme, coordinated by `outsider`, with a track and a member of its own. */
  let other: { id: string; trackId: string; membershipId: string };

  const http = () => request(app.getHttpServer());
  const as = (actor: Actor) => {
    const auth = (call: request.Test) => call.set('Authorization', `Bearer ${actor.token}`);
    return {
      get: (url: string) => auth(http().get(url)),
      post: (url: string, body: object) => auth(http().post(url)).send(body),
      patch: (url: string, body: object) => auth(http().patch(url)).send(body),
      delete: (url: string) => auth(http().delete(url)),
    };
  };
  const base = () => `/v1/programmes/${programmeId}`;
  const trackNames = async (actor: Actor = coordinator) => {
    const res = await as(actor).get(`${base()}/tracks`).expect(200);
    const tracks = res.body.data as { name: string; position: number }[];
    expect(tracks.map((track) => track.position)).toEqual(tracks.map((_, index) => index));
    return tracks.map((track) => track.name);
  };
  const tracksOf = async (id: string): Promise<string[]> => {
    const rows: { name: string; position: number }[] = await dataSource.query(
      'SELECT name, position FROM tracks WHERE programme_id = $1 ORDER BY position',
      [id],
    );
    return rows.map((row) => `${row.position}:${row.name}`);
  };

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    fixtures = new IdentityFixtures(app);
    bzk = await fixtures.organisation('ministry');
    vng = await fixtures.organisation('association');
    admin = await fixtures.user({ organisationId: bzk.id, isPlatformAdmin: true });
    coordinator = await fixtures.user({ organisationId: bzk.id });
    editor = await fixtures.user({ organisationId: bzk.id });
    liaison = await fixtures.user({ organisationId: vng.id });
    viewer = await fixtures.user({ organisationId: bzk.id });
    outsider = await fixtures.user({ organisationId: bzk.id });
    newcomer = await fixtures.user({ organisationId: vng.id });

    const q = await fixtures.programme();
    await fixtures.member(q.id, outsider.userId, 'coordinator');
    const membershipId = await fixtures.member(q.id, newcomer.userId, 'viewer');
    const [track] = await dataSource.query(
      `INSERT INTO tracks (programme_id, name, position) VALUES ($1, 'Track of Q', 0) RETURNING id`,
      [q.id],
    );
    other = { id: q.id, trackId: track.id, membershipId };
  });

  afterAll(async () => {
    await app.close();
  });

  describe('a platform administrator sets up a programme', () => {
    it('creates it with its first coordinator in one go, and answers 201 with its Location', async () => {
      const slug = uniqueSlug('actieagenda');
      const res = await as(admin)
        .post('/v1/programmes', {
          name: 'Actieagenda Sterk Bestuur (test)',
          slug,
          description: 'Samenspel tussen overheden.',
          startDate: '2023-06-01',
          endDate: '2027-12-31',
          status: 'active',
          coordinatorUserId: coordinator.userId,
        })
        .expect(201);
      programmeId = res.body.id;
      expect(res.headers.location).toMatch(new RegExp(`/v1/programmes/${programmeId}$`));
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Actieagenda Sterk Bestuur (test)',
        slug,
        description: 'Samenspel tussen overheden.',
        startDate: '2023-06-01',
        endDate: '2027-12-31',
        status: 'active',
        openDataLicence: 'cc0-1.0',
        role: null,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });

      const mine = await as(coordinator).get(base()).expect(200);
      expect(mine.body).toMatchObject({ id: programmeId, slug, role: 'coordinator' });
      const members = await as(coordinator).get(`${base()}/members`).expect(200);
      expect(members.body.data).toEqual([
        expect.objectContaining({ userId: coordinator.userId, role: 'coordinator' }),
      ]);
    });

    it('keeps creating programmes to platform administrators (403)', async () => {
      const res = await as(coordinator).post('/v1/programmes', {
        name: 'Not mine to make',
        slug: uniqueSlug('nope'),
      });
      expectProblem(res, 403, 'FORBIDDEN');
    });

    it('refuses a slug that is taken with 409 PROGRAMME_SLUG_TAKEN, on create and on change', async () => {
      const { slug } = (await as(coordinator).get(base()).expect(200)).body;
      const created = await as(admin).post('/v1/programmes', { name: 'Duplicate', slug });
      expectProblem(created, 409, 'PROGRAMME_SLUG_TAKEN');
      const [{ count }] = await dataSource.query(
        'SELECT count(*)::int AS count FROM programmes WHERE slug = $1',
        [slug],
      );
      expect(count).toBe(1);

      const otherSlug = (await as(outsider).get(`/v1/programmes/${other.id}`).expect(200)).body
        .slug;
      const changed = await as(coordinator).patch(base(), { slug: otherSlug });
      expectProblem(changed, 409, 'PROGRAMME_SLUG_TAKEN');
    });

    it('rejects an end date before the start date, and unreal dates, with 400', async () => {
      const slug = uniqueSlug('backwards');
      const res = await as(admin).post('/v1/programmes', {
        name: 'Backwards',
        slug,
        startDate: '2026-06-01',
        endDate: '2026-05-31',
      });
      expect(invalidNames(res)).toEqual(['endDate']);
      const unreal = await as(admin).post('/v1/programmes', {
        name: 'Unreal',
        slug,
        startDate: '2026-02-30',
        endDate: '2026-13-01',
        status: 'paused',
      });
      expect(invalidNames(unreal)).toEqual(['endDate', 'startDate', 'status']);

      const late = await as(coordinator).patch(base(), { startDate: '2028-01-01' });
      expect(invalidNames(late)).toEqual(['startDate']);
      const [{ count }] = await dataSource.query(
        'SELECT count(*)::int AS count FROM programmes WHERE slug = $1',
        [slug],
      );
      expect(count).toBe(0);
    });

    it('rejects a coordinator who is not an active user, and creates nothing', async () => {
      const inactive = await fixtures.user({ organisationId: bzk.id, isActive: false });
      const slug = uniqueSlug('orphan');
      for (const coordinatorUserId of [inactive.userId, randomUUID()]) {
        const res = await as(admin).post('/v1/programmes', {
          name: 'Orphan',
          slug,
          coordinatorUserId,
        });
        expect(invalidNames(res)).toEqual(['coordinatorUserId']);
      }
      const rows = await dataSource.query('SELECT 1 FROM programmes WHERE slug = $1', [slug]);
      expect(rows).toEqual([]);
    });

    it('lets the coordinator change the programme: only what is sent, null clears a date', async () => {
      const res = await as(coordinator)
        .patch(base(), { description: 'Nieuwe omschrijving.', endDate: null })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Actieagenda Sterk Bestuur (test)',
        description: 'Nieuwe omschrijving.',
        startDate: '2023-06-01',
        endDate: null,
        role: 'coordinator',
      });
      const blank = await as(coordinator).patch(base(), { name: null, status: null });
      expect([...new Set(invalidNames(blank))]).toEqual(['name', 'status']);
    });

    it('answers 404 for a programme that does not exist, even to a platform administrator', async () => {
      expectProblem(
        await as(admin).get(`/v1/programmes/${randomUUID()}`),
        404,
        'PROGRAMME_NOT_FOUND',
      );
      expectProblem(
        await as(admin).post(`/v1/programmes/${randomUUID()}/tracks`, { name: 'x' }),
        404,
        'PROGRAMME_NOT_FOUND',
      );
    });

    it('validates path ids: 400 past the guard, 404 from it for non-members', async () => {
      const res = await as(admin).get('/v1/programmes/not-a-uuid');
      expect(invalidNames(res)).toEqual(['id']);
      expectProblem(
        await as(coordinator).get('/v1/programmes/not-a-uuid'),
        404,
        'PROGRAMME_NOT_FOUND',
      );
      expect(invalidNames(await as(coordinator).get(`${base()}/tracks/not-a-uuid`))).toEqual([
        'trackId',
      ]);
    });
  });

  describe('the coordinator arranges the tracks', () => {
    it('appends tracks, or inserts one at a position and moves the rest down', async () => {
      for (const name of ['Samenwerking', 'Taakverdeling', 'Volksvertegenwoordiging']) {
        const res = await as(coordinator).post(`${base()}/tracks`, { name }).expect(201);
        expect(res.headers.location).toMatch(new RegExp(`${base()}/tracks/${res.body.id}$`));
        expect(res.body).toMatchObject({ programmeId, name, description: '' });
      }
      const inserted = await as(coordinator)
        .post(`${base()}/tracks`, { name: 'Financiële verhoudingen', position: 2 })
        .expect(201);
      expect(inserted.body.position).toBe(2);
      const appended = await as(coordinator)
        .post(`${base()}/tracks`, { name: 'Extra', position: 99 })
        .expect(201);
      expect(appended.body.position).toBe(4);
      expect(await trackNames()).toEqual([
        'Samenwerking',
        'Taakverdeling',
        'Financiële verhoudingen',
        'Volksvertegenwoordiging',
        'Extra',
      ]);
      const one = await as(viewer).get(`${base()}/tracks/${inserted.body.id}`);
      expect(one.status).toBe(404); // the viewer is not a member yet
    });

    it('reorders tracks by moving one, shifting those in between', async () => {
      const { data } = (await as(coordinator).get(`${base()}/tracks`).expect(200)).body;
      const id = (name: string): string =>
        (data as { id: string; name: string }[]).find((track) => track.name === name)!.id;
      await as(coordinator)
        .patch(`${base()}/tracks/${id('Volksvertegenwoordiging')}`, { position: 0 })
        .expect(200);
      expect(await trackNames()).toEqual([
        'Volksvertegenwoordiging',
        'Samenwerking',
        'Taakverdeling',
        'Financiële verhoudingen',
        'Extra',
      ]);
      const moved = await as(coordinator)
        .patch(`${base()}/tracks/${id('Samenwerking')}`, { position: 50, name: 'Samenwerken' })
        .expect(200);
      expect(moved.body).toMatchObject({ name: 'Samenwerken', position: 4 });
      expect(await trackNames()).toEqual([
        'Volksvertegenwoordiging',
        'Taakverdeling',
        'Financiële verhoudingen',
        'Extra',
        'Samenwerken',
      ]);
    });

    it('removes a track with 204 and closes the gap', async () => {
      const { data } = (await as(coordinator).get(`${base()}/tracks`).expect(200)).body;
      const extra = data.find((track: { name: string }) => track.name === 'Extra');
      await as(coordinator).delete(`${base()}/tracks/${extra.id}`).expect(204);
      expect(await trackNames()).toEqual([
        'Volksvertegenwoordiging',
        'Taakverdeling',
        'Financiële verhoudingen',
        'Samenwerken',
      ]);
      expectProblem(
        await as(coordinator).delete(`${base()}/tracks/${extra.id}`),
        404,
        'TRACK_NOT_FOUND',
      );
    });

    it('keeps positions gapless when tracks are added at the same moment', async () => {
      const before = (await trackNames()).length;
      await Promise.all(
        ['A', 'B', 'C', 'D', 'E'].map((name, index) =>
          as(coordinator)
            .post(`${base()}/tracks`, { name: `Parallel ${name}`, position: index % 2 })
            .expect(201),
        ),
      );
      expect(await trackNames()).toHaveLength(before + 5);
      const { data } = (await as(coordinator).get(`${base()}/tracks`).expect(200)).body;
      for (const track of data.filter((t: { name: string }) => t.name.startsWith('Parallel')))
        await as(coordinator).delete(`${base()}/tracks/${track.id}`).expect(204);
      expect(await trackNames()).toHaveLength(before);
    });

    it('pages through the tracks in order with _links', async () => {
      const all = await trackNames();
      const seen: string[] = [];
      let next: string | undefined = `${base()}/tracks?limit=3`;
      while (next) {
        const page: Response = await as(coordinator).get(next).expect(200);
        seen.push(...page.body.data.map((track: { name: string }) => track.name));
        next = page.body._links.next?.href.replace(/^https?:\/\/[^/]+/, '');
      }
      expect(seen).toEqual(all);
    });
  });

  describe('the coordinator manages the members', () => {
    let membership: Record<string, string>;

    it('adds members with a role and lists them with their organisation', async () => {
      membership = {};
      for (const [name, actor, role] of [
        ['editor', editor, 'editor'],
        ['liaison', liaison, 'liaison'],
        ['viewer', viewer, 'viewer'],
      ] as const) {
        const res = await as(coordinator)
          .post(`${base()}/members`, { userId: actor.userId, role })
          .expect(201);
        expect(res.headers.location).toMatch(new RegExp(`${base()}/members/${res.body.id}$`));
        membership[name] = res.body.id;
      }
      const res = await as(viewer).get(`${base()}/members?sort=email`).expect(200);
      expect(res.body.data).toHaveLength(4);
      const vngMember = res.body.data.find(
        (member: { userId: string }) => member.userId === liaison.userId,
      );
      expect(vngMember).toEqual({
        id: membership.liaison,
        programmeId,
        userId: liaison.userId,
        displayName: `User ${liaison.email}`,
        email: liaison.email,
        isActive: true,
        organisation: { id: vng.id, code: vng.code, name: `Organisation ${vng.code}` },
        role: 'liaison',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const emails = res.body.data.map((member: { email: string }) => member.email);
      expect(emails).toEqual([...emails].sort());
      const liaisons = await as(viewer).get(`${base()}/members?role=liaison`).expect(200);
      expect(liaisons.body.data.map((m: { userId: string }) => m.userId)).toEqual([liaison.userId]);
    });

    it('refuses a second membership of the same user with 409 MEMBER_EXISTS', async () => {
      const res = await as(coordinator).post(`${base()}/members`, {
        userId: editor.userId,
        role: 'viewer',
      });
      expectProblem(res, 409, 'MEMBER_EXISTS');
    });

    it('refuses an unknown or inactive user with 400 on userId', async () => {
      const inactive = await fixtures.user({ organisationId: vng.id, isActive: false });
      for (const userId of [randomUUID(), inactive.userId]) {
        const res = await as(coordinator).post(`${base()}/members`, { userId, role: 'viewer' });
        expect(invalidNames(res)).toEqual(['userId']);
      }
    });

    it('adds a member named by e-mail address, in any case, and refuses an unknown one', async () => {
      const person = await fixtures.user({ organisationId: vng.id });
      const inactive = await fixtures.user({ organisationId: vng.id, isActive: false });
      const res = await as(coordinator)
        .post(`${base()}/members`, { email: `  ${person.email.toUpperCase()} `, role: 'liaison' })
        .expect(201);
      expect(res.body).toMatchObject({ userId: person.userId, role: 'liaison' });
      expectProblem(
        await as(coordinator).post(`${base()}/members`, { email: person.email, role: 'viewer' }),
        409,
        'MEMBER_EXISTS',
      );
      await as(coordinator).delete(`${base()}/members/${res.body.id}`).expect(204);
      const refusals: unknown[] = [];
      for (const email of ['nobody@example.org', inactive.email]) {
        const refused = await as(coordinator).post(`${base()}/members`, { email, role: 'viewer' });
        expect(invalidNames(refused)).toEqual(['email']);
        refusals.push({
          status: refused.status,
          code: refused.body.code,
          detail: refused.body.detail,
          invalidParams: refused.body.invalidParams,
        });
      }
      // No more than needed: an unknown and a deactivated address are refused alike, so a
      // coordinator learns only whether an address is an active user's (README, Members).
      expect(refusals[1]).toEqual(refusals[0]);
      for (const body of [
        { role: 'viewer' },
        { userId: person.userId, email: person.email, role: 'viewer' },
      ]) {
        const refused = await as(coordinator).post(`${base()}/members`, body);
        expect(invalidNames(refused)).toEqual(['userId']);
      }
    });

    it('changes a role', async () => {
      const res = await as(coordinator)
        .patch(`${base()}/members/${membership.viewer}`, { role: 'liaison' })
        .expect(200);
      expect(res.body).toMatchObject({ userId: viewer.userId, role: 'liaison' });
      await as(coordinator)
        .patch(`${base()}/members/${membership.viewer}`, { role: 'viewer' })
        .expect(200);
    });

    it('lets viewers, liaisons and editors read, but not manage (403), changing nothing', async () => {
      const { data } = (await as(coordinator).get(`${base()}/tracks`).expect(200)).body;
      const trackId = data[0].id as string;
      const tracksBefore = await tracksOf(programmeId);
      for (const actor of [viewer, liaison, editor]) {
        const reader = as(actor);
        expect((await reader.get(base())).status).toBe(200);
        expect((await reader.get(`${base()}/tracks`)).status).toBe(200);
        expect((await reader.get(`${base()}/tracks/${trackId}`)).status).toBe(200);
        expect((await reader.get(`${base()}/members`)).status).toBe(200);
        expect((await reader.get(`${base()}/members/${membership.editor}`)).status).toBe(200);
        const refused = [
          await reader.patch(base(), { name: 'Taken over' }),
          await reader.post(`${base()}/tracks`, { name: 'Sneaked in' }),
          await reader.patch(`${base()}/tracks/${trackId}`, { position: 3 }),
          await reader.delete(`${base()}/tracks/${trackId}`),
          await reader.post(`${base()}/members`, { userId: newcomer.userId, role: 'viewer' }),
          await reader.patch(`${base()}/members/${membership.viewer}`, { role: 'coordinator' }),
          await reader.delete(`${base()}/members/${membership.liaison}`),
        ];
        for (const res of refused) expectProblem(res, 403, 'FORBIDDEN');
      }
      expect(await tracksOf(programmeId)).toEqual(tracksBefore);
      expect((await as(coordinator).get(base())).body.name).toBe(
        'Actieagenda Sterk Bestuur (test)',
      );
      const members = (await as(coordinator).get(`${base()}/members`)).body.data;
      expect(members.map((m: { role: string }) => m.role).sort()).toEqual([
        'coordinator',
        'editor',
        'liaison',
        'viewer',
      ]);
    });

    it('never leaves the programme without a coordinator (409 LAST_COORDINATOR)', async () => {
      const mine = (await as(coordinator).get(`${base()}/members?role=coordinator`)).body.data[0]
        .id as string;
      expectProblem(
        await as(coordinator).patch(`${base()}/members/${mine}`, { role: 'editor' }),
        409,
        'LAST_COORDINATOR',
      );
      expectProblem(
        await as(coordinator).delete(`${base()}/members/${mine}`),
        409,
        'LAST_COORDINATOR',
      );
      // With a second coordinator the first may step down; then the second is the last.
      const second = await as(coordinator)
        .post(`${base()}/members`, { userId: newcomer.userId, role: 'coordinator' })
        .expect(201);
      await as(coordinator).patch(`${base()}/members/${mine}`, { role: 'editor' }).expect(200);
      expectProblem(
        await as(newcomer).delete(`${base()}/members/${second.body.id}`),
        409,
        'LAST_COORDINATOR',
      );
      await as(newcomer).patch(`${base()}/members/${mine}`, { role: 'coordinator' }).expect(200);
      await as(coordinator).delete(`${base()}/members/${second.body.id}`).expect(204);
      expectProblem(
        await as(newcomer).get(base()),
        404,
        'PROGRAMME_NOT_FOUND', // removed: the programme is hidden from them again
      );
    });

    it('does not count a deactivated coordinator as another coordinator', async () => {
      const gone = await fixtures.user({ organisationId: bzk.id });
      const goneMembership = await fixtures.member(programmeId, gone.userId, 'coordinator');
      await dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [gone.userId]);
      const mine = (
        (await as(coordinator).get(`${base()}/members?role=coordinator`)).body.data as {
          id: string;
          userId: string;
        }[]
      ).find((member) => member.userId === coordinator.userId)!.id;
      expectProblem(
        await as(coordinator).patch(`${base()}/members/${mine}`, { role: 'viewer' }),
        409,
        'LAST_COORDINATOR',
      );
      await as(coordinator).delete(`${base()}/members/${goneMembership}`).expect(204);
    });

    it('lets two coordinators not demote each other at the same moment', async () => {
      const second = await as(coordinator)
        .post(`${base()}/members`, { userId: newcomer.userId, role: 'coordinator' })
        .expect(201);
      const mine = (await as(coordinator).get(`${base()}/members?role=coordinator`)).body.data.find(
        (m: { userId: string }) => m.userId === coordinator.userId,
      ).id as string;
      const results = await Promise.all([
        as(coordinator).patch(`${base()}/members/${second.body.id}`, { role: 'viewer' }),
        as(newcomer).patch(`${base()}/members/${mine}`, { role: 'viewer' }),
      ]);
      // They take turns. Whoever goes second is no longer a coordinator (403), or was let
      // through just before and would now remove the last one (409).
      const statuses = results.map((res) => res.status).sort();
      expect([
        [200, 403],
        [200, 409],
      ]).toContainEqual(statuses);
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM memberships WHERE programme_id = $1 AND role = 'coordinator'`,
        [programmeId],
      );
      expect(count).toBe(1);
      // Put the story back: the coordinator leads, the newcomer is out.
      const [lead] = await dataSource.query(
        `SELECT user_id FROM memberships WHERE programme_id = $1 AND role = 'coordinator'`,
        [programmeId],
      );
      if (lead.user_id !== coordinator.userId) {
        await as(newcomer).patch(`${base()}/members/${mine}`, { role: 'coordinator' }).expect(200);
      }
      await as(coordinator).delete(`${base()}/members/${second.body.id}`).expect(204);
    });
  });

  describe('the programme is the tenant boundary', () => {
    it('hides the programme, its tracks and its members from a user of another programme (404)', async () => {
      const { data: tracks } = (await as(coordinator).get(`${base()}/tracks`)).body;
      const { data: members } = (await as(coordinator).get(`${base()}/members`)).body;
      const stranger = as(outsider);
      const answers = [
        await stranger.get(base()),
        await stranger.patch(base(), { name: 'Mine now' }),
        await stranger.get(`${base()}/tracks`),
        await stranger.get(`${base()}/tracks/${tracks[0].id}`),
        await stranger.post(`${base()}/tracks`, { name: 'Planted' }),
        await stranger.patch(`${base()}/tracks/${tracks[0].id}`, { name: 'Renamed' }),
        await stranger.delete(`${base()}/tracks/${tracks[0].id}`),
        await stranger.get(`${base()}/members`),
        await stranger.get(`${base()}/members/${members[0].id}`),
        await stranger.post(`${base()}/members`, { userId: outsider.userId, role: 'coordinator' }),
        await stranger.patch(`${base()}/members/${members[0].id}`, { role: 'viewer' }),
        await stranger.delete(`${base()}/members/${members[0].id}`),
      ];
      for (const res of answers) expectProblem(res, 404, 'PROGRAMME_NOT_FOUND');
      expect((await as(coordinator).get(`${base()}/tracks/${tracks[0].id}`)).body.name).toBe(
        tracks[0].name,
      );
    });

    it('answers 404 for a track or membership id of another programme, and leaves it alone', async () => {
      const tracksOfOther = await tracksOf(other.id);
      const trackUrl = `${base()}/tracks/${other.trackId}`;
      const memberUrl = `${base()}/members/${other.membershipId}`;
      for (const res of [
        await as(coordinator).get(trackUrl),
        await as(coordinator).patch(trackUrl, { name: 'Hijacked', position: 0 }),
        await as(coordinator).delete(trackUrl),
      ])
        expectProblem(res, 404, 'TRACK_NOT_FOUND');
      for (const res of [
        await as(coordinator).get(memberUrl),
        await as(coordinator).patch(memberUrl, { role: 'coordinator' }),
        await as(coordinator).delete(memberUrl),
      ])
        expectProblem(res, 404, 'MEMBER_NOT_FOUND');
      expect(await tracksOf(other.id)).toEqual(tracksOfOther);
      const [row] = await dataSource.query('SELECT role FROM memberships WHERE id = $1', [
        other.membershipId,
      ]);
      expect(row.role).toBe('viewer');
    });

    it('lists only the programmes the caller is a member of, with the role in each', async () => {
      const listed = async (actor: Actor, query = '') => {
        const ids: string[] = [];
        const roles: Record<string, string | null> = {};
        let next: string | undefined = `/v1/programmes?limit=2${query}`;
        while (next) {
          const page: Response = await as(actor).get(next).expect(200);
          for (const programme of page.body.data) {
            ids.push(programme.id);
            roles[programme.id] = programme.role;
          }
          next = page.body._links.next?.href.replace(/^https?:\/\/[^/]+/, '');
        }
        return { ids, roles };
      };
      expect(await listed(coordinator)).toEqual({
        ids: [programmeId],
        roles: { [programmeId]: 'coordinator' },
      });
      expect((await listed(outsider)).ids).toEqual([other.id]);
      const everything = await listed(admin);
      expect(everything.ids).toEqual(expect.arrayContaining([programmeId, other.id]));
      expect(everything.roles[programmeId]).toBeNull();
      expect(new Set(everything.ids).size).toBe(everything.ids.length);
      expect((await listed(coordinator, '&status=closed')).ids).toEqual([]);

      // A member of two programmes sees both.
      await fixtures.member(other.id, liaison.userId, 'viewer');
      const both = await listed(liaison);
      expect([...both.ids].sort()).toEqual([programmeId, other.id].sort());
    });

    it('lists only its own programme to an API token, whatever else its owner may see', async () => {
      const token = await as(liaison)
        .post('/v1/me/api-tokens', { name: 'dashboard', programmeId, scope: 'read' })
        .expect(201);
      const viaToken = await http()
        .get('/v1/programmes')
        .set('Authorization', `Bearer ${token.body.token}`)
        .expect(200);
      expect(viaToken.body.data).toEqual([
        expect.objectContaining({ id: programmeId, role: 'liaison' }),
      ]);
    });

    it('rejects unknown sort keys, filters and bad cursors with 400', async () => {
      expectProblem(await as(coordinator).get('/v1/programmes?sort=owner'), 400, 'INVALID_SORT');
      expectProblem(
        await as(coordinator).get(`${base()}/members?sort=password`),
        400,
        'INVALID_SORT',
      );
      expectProblem(
        await as(coordinator).get(`${base()}/tracks?cursor=abc`),
        400,
        'INVALID_CURSOR',
      );
      expect(invalidNames(await as(coordinator).get(`${base()}/members?role=owner`))).toEqual([
        'role',
      ]);
      expect(invalidNames(await as(coordinator).get('/v1/programmes?owner=me'))).toEqual(['owner']);
    });
  });

  describe('mass assignment', () => {
    it('rejects fields a client may not set with 400, changing nothing', async () => {
      const tracksBefore = await tracksOf(programmeId);
      const { data: tracks } = (await as(coordinator).get(`${base()}/tracks`)).body;
      const { data: members } = (await as(coordinator).get(`${base()}/members`)).body;
      const editorMembership = members.find((m: { userId: string }) => m.userId === editor.userId);

      expect(
        invalidNames(
          await as(coordinator).post(`${base()}/tracks`, {
            name: 'Smuggled',
            id: randomUUID(),
            programmeId: other.id,
            role: 'coordinator',
          }),
        ),
      ).toEqual(['id', 'programmeId', 'role']);
      expect(
        invalidNames(
          await as(coordinator).patch(`${base()}/tracks/${tracks[0].id}`, {
            name: 'Moved away',
            programmeId: other.id,
          }),
        ),
      ).toEqual(['programmeId']);
      expect(
        invalidNames(
          await as(coordinator).patch(base(), {
            name: 'Renamed',
            id: randomUUID(),
            role: 'coordinator',
            createdAt: '2020-01-01T00:00:00Z',
          }),
        ),
      ).toEqual(['createdAt', 'id', 'role']);
      expect(
        invalidNames(
          await as(coordinator).post(`${base()}/members`, {
            userId: newcomer.userId,
            role: 'viewer',
            programmeId: other.id,
            isPlatformAdmin: true,
          }),
        ),
      ).toEqual(['isPlatformAdmin', 'programmeId']);
      expect(
        invalidNames(
          await as(coordinator).patch(`${base()}/members/${editorMembership.id}`, {
            role: 'coordinator',
            userId: newcomer.userId,
          }),
        ),
      ).toEqual(['userId']);

      expect(await tracksOf(programmeId)).toEqual(tracksBefore);
      expect(await tracksOf(other.id)).toEqual(['0:Track of Q']);
      expect((await as(coordinator).get(base())).body.name).toBe(
        'Actieagenda Sterk Bestuur (test)',
      );
      const after = (await as(coordinator).get(`${base()}/members/${editorMembership.id}`)).body;
      expect(after).toMatchObject({ userId: editor.userId, role: 'editor' });
      const [admin_] = await dataSource.query('SELECT is_platform_admin FROM users WHERE id = $1', [
        newcomer.userId,
      ]);
      expect(admin_.is_platform_admin).toBe(false);
    });
  });
});
