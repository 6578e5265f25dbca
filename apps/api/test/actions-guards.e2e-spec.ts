import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/** Who may change whom, and input that must never reach the database as sent. */
describe('actions: ownership, confirmation and input guards', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let coOwnerEditor: Actor;
  let coOwnerLiaison: Actor;

  const send = (
    actor: Actor,
    method: 'get' | 'post' | 'patch',
    path: string,
    body?: object,
    ifMatch?: string,
  ) => {
    let req = request(app.getHttpServer())
      [method](path)
      .set('Authorization', `Bearer ${actor.token}`);
    if (ifMatch) req = req.set('If-Match', ifMatch);
    return body ? req.send(body) : req;
  };
  const expectProblem = (res: Response, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  const eventCount = async (res: Response): Promise<number> =>
    (
      await db.query<unknown[]>('SELECT 1 FROM audit_events WHERE request_id = $1', [
        res.get('X-Request-ID'),
      ])
    ).length;

  /** An action owned by the owner, co-owned by `other`, with `partner` contributing. */
  async function coOwned(): Promise<string> {
    const res = await fixtures.action(cast.coordinator, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title: 'Gezamenlijke aanpak regionale samenwerking',
      ownerOrganisationId: cast.owner.id,
      deadline: '2027-09-30',
      partners: [
        { organisationId: cast.other.id, role: 'co_owner' },
        { organisationId: cast.partner.id, role: 'contributor' },
      ],
    });
    return res.body.id as string;
  }

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    coOwnerEditor = cast.otherEditor;
    coOwnerLiaison = await fixtures.identity.user({ organisationId: cast.other.id });
    await fixtures.identity.member(cast.programmeId, coOwnerLiaison.userId, 'liaison');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets a co-owner’s editor post progress but not take the action over', async () => {
    const id = await coOwned();
    const progress = await send(
      coOwnerEditor,
      'post',
      `/v1/actions/${id}/progress-updates`,
      { narrative: 'Start' },
      '"1"',
    );
    expect(progress.status).toBe(201);
    const takeover = await send(
      coOwnerEditor,
      'patch',
      `/v1/actions/${id}`,
      {
        ownerOrganisationId: cast.other.id,
        partners: [{ organisationId: cast.owner.id, role: 'contributor' }],
      },
      '"2"',
    );
    expectProblem(takeover, 403, 'FORBIDDEN');
    // On record as a refusal, and nothing else.
    const events = await db.query('SELECT operation FROM audit_events WHERE request_id = $1', [
      takeover.get('X-Request-ID'),
    ]);
    expect(events).toEqual([{ operation: 'permission_denied' }]);
    const dropPartners = await send(
      coOwnerEditor,
      'patch',
      `/v1/actions/${id}`,
      { partners: [] },
      '"2"',
    );
    expectProblem(dropPartners, 403, 'FORBIDDEN');
    const retitle = await send(
      coOwnerEditor,
      'patch',
      `/v1/actions/${id}`,
      { title: 'Nieuwe titel' },
      '"2"',
    );
    expect(retitle.status).toBe(200);
  });

  it('does not let a co-owner confirm its own work', async () => {
    const id = await coOwned();
    await send(
      cast.coordinator,
      'post',
      `/v1/actions/${id}/progress-updates`,
      { status: 'in_progress', narrative: 'a' },
      '"1"',
    );
    await send(
      cast.coordinator,
      'post',
      `/v1/actions/${id}/progress-updates`,
      { status: 'met', narrative: 'b' },
      '"2"',
    );
    expectProblem(
      await send(coOwnerLiaison, 'post', `/v1/actions/${id}/confirmation`, undefined, '"3"'),
      403,
      'FORBIDDEN',
    );
    const confirmed = await send(
      cast.liaison,
      'post',
      `/v1/actions/${id}/confirmation`,
      undefined,
      '"3"',
    );
    expect(confirmed.status).toBe(200);
    const again = await send(
      cast.liaison,
      'post',
      `/v1/actions/${id}/confirmation`,
      undefined,
      '"4"',
    );
    expect(again.get('ETag')).toBe('"4"');
    expect(await eventCount(again)).toBe(0);
  });

  it('lets only who may change an action add a sub-action to it', async () => {
    const id = await coOwned();
    const body = {
      programmeId: cast.programmeId,
      parentActionId: id,
      title: 'Mijlpaal',
      ownerOrganisationId: cast.partner.id,
      deadline: '2027-03-01',
    };
    const editorOfPartner = await fixtures.identity.user({ organisationId: cast.partner.id });
    await fixtures.identity.member(cast.programmeId, editorOfPartner.userId, 'editor');
    expectProblem(await send(editorOfPartner, 'post', '/v1/actions', body), 403, 'FORBIDDEN');
    expect((await send(cast.coordinator, 'post', '/v1/actions', body)).status).toBe(201);
  });

  it('records a refusal the service decides, as the guard records its own', async () => {
    const id = await coOwned();
    const stranger = await fixtures.identity.user({ organisationId: cast.partner.id });
    await fixtures.identity.member(cast.programmeId, stranger.userId, 'editor');
    const res = await send(
      stranger,
      'post',
      `/v1/actions/${id}/progress-updates`,
      { narrative: 'x' },
      '"1"',
    );
    expectProblem(res, 403, 'FORBIDDEN');
    const events = await db.query(
      'SELECT operation, result, entity_id, actor_id FROM audit_events WHERE request_id = $1',
      [res.get('X-Request-ID')],
    );
    expect(events).toEqual([
      {
        operation: 'permission_denied',
        result: 'denied',
        entity_id: 'POST /v1/actions/:id/progress-updates',
        actor_id: stranger.userId,
      },
    ]);
  });

  it('answers a PATCH that changes nothing without a new version or event', async () => {
    const id = await coOwned();
    const res = await send(
      cast.coordinator,
      'patch',
      `/v1/actions/${id}`,
      { title: 'Gezamenlijke aanpak regionale samenwerking' },
      '"1"',
    );
    expect(res.status).toBe(200);
    expect(res.get('ETag')).toBe('"1"');
    expect(await eventCount(res)).toBe(0);
  });

  it('takes ids in capitals as the same ids', async () => {
    const res = await send(cast.coordinator, 'post', '/v1/actions', {
      programmeId: cast.programmeId.toUpperCase(),
      trackId: cast.trackId.toUpperCase(),
      title: 'Hoofdletters',
      ownerOrganisationId: cast.owner.id.toUpperCase(),
      deadline: '2027-01-01',
      partners: [{ organisationId: cast.partner.id.toUpperCase(), role: 'informed' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.programmeId).toBe(cast.programmeId);
    const history = await send(
      cast.viewer,
      'get',
      `/v1/actions/${String(res.body.id).toUpperCase()}/history`,
    );
    expect(history.body.data.map((entry: { source: string }) => entry.source)).toContain('audit');
  });

  it('refuses text PostgreSQL cannot store, in bodies and queries, with a 400', async () => {
    const body = await request(app.getHttpServer())
      .post('/v1/actions')
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('Content-Type', 'application/json')
      .send(
        `{"programmeId":"${cast.programmeId}","title":"nul \\u0000 byte","ownerOrganisationId":"${cast.owner.id}","deadline":"2027-01-01","trackId":"${cast.trackId}"}`,
      );
    expectProblem(body, 400, 'MALFORMED_JSON');
    expectProblem(await send(cast.viewer, 'get', '/v1/actions?q=a%00b'), 400, 'BAD_REQUEST');
    const week = await send(cast.viewer, 'get', '/v1/actions?updatedSince=2026-W01-1T00:00:00Z');
    expectProblem(week, 400, 'VALIDATION_FAILED');
  });
});
