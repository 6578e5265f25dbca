import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/**
 * The story of a commitment carried out: the coordinator records the commitment, the owner's
 * editor creates the action and works and closes it, the partner's liaison comments with a
 * position and confirms it, the coordinator verifies it; its history tells it all. Members of
 * other programmes see none of it.
 */
describe('reviewing an action', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let cast: TrackingCast;
  let actionId: string;
  let commitmentId: string;

  const send = (
    actor: Actor,
    method: 'get' | 'post',
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
  const eventsOf = (res: Response) =>
    db.query(
      'SELECT operation, entity_type, changes, details FROM audit_events WHERE request_id = $1',
      [res.get('X-Request-ID')],
    );

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    const fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    const commitment = await send(cast.coordinator, 'post', '/v1/commitments', {
      programmeId: cast.programmeId,
      kind: 'rob_recommendation',
      title: 'Maak voor grote opgaven één minister verantwoordelijk',
      dateAgreed: '2021-07-06',
      attributes: {
        adviceTitle: 'Rol nemen, Ruimte geven',
        recommendationNumber: 2,
        cabinetResponse: 'partially_embraced',
      },
      references: [
        { document: 'Kamerbrief over het ROB-advies', kamerstuk: '29362-296', date: '2021-07-06' },
      ],
    });
    expect(commitment.status).toBe(201);
    commitmentId = commitment.body.id;
    const created = await fixtures.action(cast.editor, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      commitmentId,
      title: 'Route 35: escalatiemodel evalueren',
      ownerOrganisationId: cast.owner.id,
      deadline: '2027-06-30',
      partners: [{ organisationId: cast.partner.id, role: 'contributor' }],
    });
    actionId = created.body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets the partner comment with a position, shown on the action', async () => {
    const res = await send(cast.liaison, 'post', `/v1/actions/${actionId}/comments`, {
      body: 'De VNG heeft zorgen over de uitvoeringslasten voor gemeenten.',
      position: 'concerns',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ position: 'concerns', authorOrganisationId: cast.partner.id });
    expect(await eventsOf(res)).toEqual([
      expect.objectContaining({
        operation: 'create',
        entity_type: 'comment',
        details: { actionId },
      }),
    ]);
    await send(cast.liaison, 'post', `/v1/actions/${actionId}/comments`, {
      body: 'Na overleg: akkoord.',
      position: 'supports',
    });
    const action = await send(cast.viewer, 'get', `/v1/actions/${actionId}`);
    expect(action.body.positions).toEqual([
      expect.objectContaining({ organisationId: cast.partner.id, position: 'supports' }),
    ]);
    expect(action.body.version).toBe(1);
    const list = await send(cast.viewer, 'get', `/v1/actions/${actionId}/comments`);
    expect(list.body.data.map((c: { position: string }) => c.position)).toEqual([
      'supports',
      'concerns',
    ]);
  });

  it('keeps positions for partners and comments from viewers out', async () => {
    const position = await send(cast.coordinator, 'post', `/v1/actions/${actionId}/comments`, {
      body: 'Wij steunen dit.',
      position: 'supports',
    });
    expectProblem(position, 400, 'VALIDATION_FAILED');
    expect(position.body.invalidParams[0].name).toBe('position');
    expect(
      (await send(cast.coordinator, 'post', `/v1/actions/${actionId}/comments`, { body: 'Prima.' }))
        .status,
    ).toBe(201);
    expectProblem(
      await send(cast.viewer, 'post', `/v1/actions/${actionId}/comments`, { body: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await send(cast.liaison, 'post', `/v1/actions/${actionId}/comments`, {
        body: 'x',
        position: 'maybe',
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('confirms and verifies only a closed action, each by the right role', async () => {
    const confirm = (actor: Actor, version: string) =>
      send(actor, 'post', `/v1/actions/${actionId}/confirmation`, undefined, version);
    const verify = (actor: Actor, version: string) =>
      send(actor, 'post', `/v1/actions/${actionId}/verification`, undefined, version);
    expectProblem(await confirm(cast.liaison, '"1"'), 409, 'ACTION_NOT_CLOSED');

    const progress = (body: object, version: string) =>
      send(cast.editor, 'post', `/v1/actions/${actionId}/progress-updates`, body, version);
    expect(
      (await progress({ status: 'in_progress', narrative: 'Evaluatie gestart.' }, '"1"')).status,
    ).toBe(201);
    expect(
      (await progress({ status: 'met', narrative: 'Evaluatie afgerond en gedeeld.' }, '"2"'))
        .status,
    ).toBe(201);

    expectProblem(await confirm(cast.otherEditor, '"3"'), 403, 'FORBIDDEN');
    expectProblem(await confirm(cast.coordinator, '"3"'), 403, 'FORBIDDEN');
    expectProblem(await confirm(cast.liaison, '"2"'), 412, 'VERSION_CONFLICT');
    const confirmed = await confirm(cast.liaison, '"3"');
    expect(confirmed.status).toBe(200);
    expect(confirmed.get('ETag')).toBe('"4"');
    expect(confirmed.body.verification).toBe('partner_reviewed');

    expectProblem(await verify(cast.liaison, '"4"'), 403, 'FORBIDDEN');
    const verified = await verify(cast.coordinator, '"4"');
    expect(verified.body).toMatchObject({ verification: 'verified', version: 5 });
    expect(await eventsOf(verified)).toEqual([
      expect.objectContaining({
        operation: 'update',
        changes: { verification: { old: 'partner_reviewed', new: 'verified' } },
      }),
    ]);
    expectProblem(await confirm(cast.liaison, '"5"'), 409, 'ALREADY_VERIFIED');
  });

  it('finds the action through its commitment, and shows a stranger nothing of it', async () => {
    const found = await send(cast.viewer, 'get', `/v1/actions?commitment=${commitmentId}`);
    expect(found.body.data.map((a: { id: string }) => a.id)).toEqual([actionId]);
    const stranger = await new TrackingFixtures(app).cast();
    expectProblem(
      await send(stranger.coordinator, 'get', `/v1/actions/${actionId}`),
      404,
      'ACTION_NOT_FOUND',
    );
    expectProblem(
      await send(stranger.coordinator, 'get', `/v1/commitments/${commitmentId}`),
      404,
      'COMMITMENT_NOT_FOUND',
    );
    expectProblem(
      await send(stranger.liaison, 'get', `/v1/actions/${actionId}/history`),
      404,
      'ACTION_NOT_FOUND',
    );
    const theirs = await send(stranger.coordinator, 'get', '/v1/actions');
    expect(theirs.body.data).toEqual([]);
  });

  it('tells the whole story in the history, newest first, page by page', async () => {
    const first = await send(cast.viewer, 'get', `/v1/actions/${actionId}/history?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(3);
    const all = [...first.body.data];
    let next = first.body._links.next?.href as string | undefined;
    while (next) {
      const url = new URL(next);
      const page = await send(cast.viewer, 'get', url.pathname + url.search);
      all.push(...page.body.data);
      next = page.body._links.next?.href;
    }
    const sources = all.map(
      (entry: { source: string; kind: string }) => `${entry.source}:${entry.kind}`,
    );
    expect(sources).toContain('audit:create');
    expect(sources).toContain('audit:status_change');
    expect(sources).toContain('progress:progress');
    expect(sources).toContain('comment:comment');
    const times = all.map((entry: { at: string }) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.map((entry) => JSON.stringify(entry))).size).toBe(all.length);
    expectProblem(
      await send(cast.viewer, 'get', `/v1/actions/${actionId}/history?cursor=bogus`),
      400,
      'INVALID_CURSOR',
    );
  });
});
