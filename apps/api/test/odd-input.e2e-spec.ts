import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import { reminderPolicyBody } from '../../../test/support/reminder-world';
import { nested } from '../../../test/support/schema-arbitraries';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/**
 * Odd input gets a 400 that names what is wrong, never a 500 (DESIGN §5, issue 16): `null`
 * where a property may only be left out, bodies nested past any real one, odd query strings.
 * `null` is taken only where it means "none" (README "API conventions"). The cases here were
 * found by `write-routes-fuzz.e2e-spec.ts` or reported, and answered 500 before their fix.
 */
describe('odd input on write routes', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let actionId: string;

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    const action = await fixtures.action(cast.coordinator, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title: 'Vreemde invoer',
      ownerOrganisationId: cast.owner.id,
      ownerUserId: cast.editor.userId,
      startDate: '2026-01-05',
      deadline: '2030-06-30',
    });
    actionId = action.body.id as string;
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const names = (res: Response) =>
    ((res.body.invalidParams ?? []) as { name: string }[]).map((param) => param.name);

  function expectInvalid(res: Response, ...fields: string[]): void {
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect([...new Set(names(res))].sort()).toEqual([...fields].sort());
  }

  describe('null where a property may only be left out', () => {
    const exportOptions = [
      'asOf',
      'since',
      'lang',
      'separator',
      'track',
      'commitmentKind',
      'ownerOrganisation',
      'partnerOrganisation',
      'status',
      'health',
      'overdue',
    ];

    it.each(exportOptions)(
      'refuses %s: null on a report export with a 400 naming it',
      async (field) => {
        const before = await db.query('SELECT count(*)::int AS n FROM report_exports');
        const res = await http()
          .post('/v1/report-exports')
          .set(as(cast.coordinator.token))
          .send({ programmeId: cast.programmeId, format: 'csv', [field]: null });
        expectInvalid(res, field);
        expect(await db.query('SELECT count(*)::int AS n FROM report_exports')).toEqual(before);
      },
    );

    it('refuses expiresAt: null on a new API token (left out, it never expires)', async () => {
      const res = await http()
        .post('/v1/me/api-tokens')
        .set(as(cast.coordinator.token))
        .send({ name: 'Dashboard', programmeId: cast.programmeId, scope: 'read', expiresAt: null });
      expectInvalid(res, 'expiresAt');
    });

    it('refuses isPlatformAdmin: null on a new user', async () => {
      const admin = await fixtures.identity.user({ isPlatformAdmin: true });
      const res = await http().post('/v1/users').set(as(admin.token)).send({
        email: 'nieuw@example.nl',
        displayName: 'Nieuw',
        organisationId: cast.owner.id,
        isPlatformAdmin: null,
      });
      expectInvalid(res, 'isPlatformAdmin');
    });

    it('refuses null on the properties of an action that cannot be cleared, all at once', async () => {
      const version = await http().get(`/v1/actions/${actionId}`).set(as(cast.coordinator.token));
      const res = await http()
        .patch(`/v1/actions/${actionId}`)
        .set(as(cast.coordinator.token))
        .set('If-Match', version.get('ETag')!)
        .send({ title: null, trackId: null, deadline: null, tags: null, public: null });
      expectInvalid(res, 'title', 'trackId', 'deadline', 'tags', 'public');
    });
  });

  describe('null where it means "none"', () => {
    it('clears the owner, the start date and the commitment of an action', async () => {
      const version = await http().get(`/v1/actions/${actionId}`).set(as(cast.coordinator.token));
      const res = await http()
        .patch(`/v1/actions/${actionId}`)
        .set(as(cast.coordinator.token))
        .set('If-Match', version.get('ETag')!)
        .send({ ownerUserId: null, startDate: null, commitmentId: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ownerUserId: null, startDate: null, commitmentId: null });
    });

    it('takes null for the same properties of a new action, as if left out', async () => {
      const res = await http().post('/v1/actions').set(as(cast.coordinator.token)).send({
        programmeId: cast.programmeId,
        trackId: cast.trackId,
        title: 'Zonder begin',
        ownerOrganisationId: cast.owner.id,
        deadline: '2030-01-31',
        ownerUserId: null,
        startDate: null,
        commitmentId: null,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ownerUserId: null, startDate: null, commitmentId: null });
    });

    it('documents nullable: true on exactly those properties', async () => {
      const document = (await http().get('/v1/openapi.json').expect(200)).body;
      const nullable = (schema: string) =>
        Object.entries(document.components.schemas[schema].properties as Record<string, any>)
          .filter(([, property]) => property.nullable === true)
          .map(([name]) => name)
          .sort();
      expect(nullable('UpdateActionDto')).toEqual([
        'commitmentId',
        'ownerUserId',
        'rollupWeight',
        'startDate',
      ]);
      expect(nullable('CreateActionDto')).toEqual(['commitmentId', 'ownerUserId', 'startDate']);
      expect(nullable('CreateReportExportDto')).toEqual([]);
      expect(nullable('CreateApiTokenDto')).toEqual([]);
    });
  });

  describe('a programme that does not exist, for a platform administrator (found by the fuzz test)', () => {
    const missing = '7d99a777-5b7b-4456-ad9a-0df188688809';
    let admin: { token: string };

    beforeAll(async () => {
      admin = await fixtures.identity.user({ isPlatformAdmin: true });
    });

    it('answers a new update round in it with 404, not a 500', async () => {
      const res = await http()
        .post(`/v1/programmes/${missing}/update-rounds`)
        .set(as(admin.token))
        .send({ title: 'Ronde', dueDate: '2040-03-15' });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'PROGRAMME_NOT_FOUND',
      });
    });

    it('answers its reminder policy with 404, not a 500', async () => {
      const res = await http()
        .put(`/v1/programmes/${missing}/reminder-policy`)
        .set(as(admin.token))
        .send(reminderPolicyBody());
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'PROGRAMME_NOT_FOUND',
      });
    });

    it('answers a report export of it with 404, not a 500', async () => {
      const res = await http()
        .post('/v1/report-exports')
        .set(as(admin.token))
        .send({ programmeId: missing, format: 'csv' });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'PROGRAMME_NOT_FOUND',
      });
    });
  });

  describe('bodies nested deeper than any real one', () => {
    it.each([
      [
        'an unknown property',
        () => ({ programmeId: cast.programmeId, format: 'csv', x: nested(3_000) }),
      ],
      ['a known property', () => ({ programmeId: cast.programmeId, format: nested(3_000) })],
    ])(
      'answers %s nested 3000 deep with 400 JSON_TOO_DEEP, not a stack overflow',
      async (_what, body) => {
        const res = await http()
          .post('/v1/report-exports')
          .set(as(cast.coordinator.token))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body()));
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 400,
          code: 'JSON_TOO_DEEP',
        });
      },
    );

    it('answers a comment whose mentions nest 2000 deep with 400 (found by the fuzz test)', async () => {
      const res = await http()
        .post(`/v1/actions/${actionId}/comments`)
        .set(as(cast.coordinator.token))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ body: 'Hallo', mentionedUserIds: { a: nested(2_000) } }));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'JSON_TOO_DEEP',
      });
    });

    it('still takes a body nested as deep as the deepest real one', async () => {
      const res = await http()
        .post('/v1/commitments')
        .set(as(cast.coordinator.token))
        .send({
          programmeId: cast.programmeId,
          kind: 'agenda_item',
          title: 'Met bronnen',
          references: [{ document: 'Kamerbrief', kamerstuk: '29362-296', date: null, url: null }],
        });
      expect(res.status).toBe(201);
    });
  });

  describe('odd query strings', () => {
    it.each([
      ['limit=1e999', ['limit']],
      ['limit=20&limit=30', ['limit']],
      ['limit=', ['limit']],
      ['limit=9007199254740993', ['limit']],
      ['programme=not-a-uuid', ['programme']],
      ['deadlineFrom=2026-02-30', ['deadlineFrom']],
      ['status=unknown', ['status']],
      ['overdue=yes', ['overdue']],
      ['tag[]=x', ['tag[]']],
      ['updatedSince=2026-01-01T25:00:00Z', ['updatedSince']],
    ])('answers GET /v1/actions?%s with a 400 naming it', async (query, fields) => {
      const res = await http().get(`/v1/actions?${query}`).set(as(cast.coordinator.token));
      expectInvalid(res, ...fields);
    });
  });
});
