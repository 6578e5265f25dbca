import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

describe('actions and progress updates', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;

  const http = () => request(app.getHttpServer());
  const as = (actor: Actor) => ({
    get: (path: string) => http().get(path).set('Authorization', `Bearer ${actor.token}`),
    post: (path: string, body: object, ifMatch?: string) => {
      const req = http().post(path).set('Authorization', `Bearer ${actor.token}`);
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    },
    patch: (path: string, body: object, ifMatch?: string) => {
      const req = http().patch(path).set('Authorization', `Bearer ${actor.token}`);
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    },
  });
  const base = () => ({
    programmeId: cast.programmeId,
    trackId: cast.trackId,
    title: 'Beleidskader decentraal bestuur vaststellen',
    ownerOrganisationId: cast.owner.id,
    deadline: '2027-03-31',
  });
  const eventsOf = (res: Response) =>
    db.query<
      { operation: string; entity_type: string; programme_id: string; changes: any; details: any }[]
    >(
      'SELECT operation, entity_type, programme_id, changes, details FROM audit_events WHERE request_id = $1',
      [res.get('X-Request-ID')],
    );
  const outboxOf = (id: string) =>
    db.query<{ type: string; change: string; version: number }[]>(
      `SELECT type, payload->>'change' AS change, (payload->>'version')::int AS version
         FROM outbox_events WHERE payload->>'actionId' = $1 ORDER BY created_at, version`,
      [id],
    );
  const waitFor = async (condition: () => Promise<boolean>) => {
    for (let tries = 0; tries < 200; tries++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the condition did not come true in 5 s');
  };
  const expectProblem = (res: Response, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  const countActions = async () =>
    Number(
      (
        await db.query('SELECT count(*) AS n FROM actions WHERE programme_id = $1', [
          cast.programmeId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('creating', () => {
    it('lets an editor create an action their organisation owns, with partners and tags', async () => {
      const res = await as(cast.editor).post('/v1/actions', {
        ...base(),
        partners: [{ organisationId: cast.partner.id, role: 'co_owner' }],
        tags: ['Wetgeving', 'route-35'],
      });
      expect(res.status).toBe(201);
      expect(res.get('ETag')).toBe('"1"');
      expect(res.get('Location')).toMatch(new RegExp(`/v1/actions/${res.body.id}$`));
      expect(res.body).toMatchObject({
        status: 'not_started',
        health: 'not_set',
        verification: 'self_reported',
        percentComplete: 0,
        overdue: false,
        tags: ['wetgeving', 'route-35'],
        ownerOrganisation: { id: cast.owner.id, code: cast.owner.code },
        partners: [{ organisation: { id: cast.partner.id }, role: 'co_owner' }],
        version: 1,
      });
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          operation: 'create',
          entity_type: 'action',
          programme_id: cast.programmeId,
          changes: expect.objectContaining({
            title: { new: base().title },
            deadline: { new: '2027-03-31' },
            partners: { new: [`${cast.partner.id}:co_owner`] },
          }),
        }),
      ]);
    });

    it('refuses an editor of another organisation, a liaison and a viewer with 403', async () => {
      for (const actor of [cast.otherEditor, cast.liaison, cast.viewer]) {
        expectProblem(await as(actor).post('/v1/actions', base()), 403, 'FORBIDDEN');
      }
    });

    it('reports every invalid field at once and writes nothing', async () => {
      const before = await countActions();
      const { id: elsewhere } = await fixtures.identity.programme();
      const foreignTrack = await fixtures.track(elsewhere, 'Elders');
      const res = await as(cast.coordinator).post('/v1/actions', {
        ...base(),
        trackId: foreignTrack,
        startDate: '2027-04-01',
        partners: [
          { organisationId: cast.owner.id, role: 'contributor' },
          { organisationId: '00000000-0000-4000-8000-000000000000', role: 'informed' },
        ],
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'partners[0].organisationId',
        'partners[1].organisationId',
        'startDate',
        'trackId',
      ]);
      const shape = await as(cast.coordinator).post('/v1/actions', {
        ...base(),
        deadline: '2027-02-30',
        title: 'x'.repeat(301),
        percentComplete: 5,
        tags: ['Niet goed!'],
      });
      expectProblem(shape, 400, 'VALIDATION_FAILED');
      expect(shape.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'deadline',
        'percentComplete',
        'tags',
        'title',
      ]);
      expect(await countActions()).toBe(before);
      expect(await eventsOf(res)).toEqual([]);
    });

    it('makes sub-actions one level deep, on the parent’s track', async () => {
      const parent = await fixtures.action(cast.coordinator, base());
      const child = await fixtures.action(cast.coordinator, {
        ...base(),
        trackId: undefined,
        parentActionId: parent.body.id,
        title: 'Consultatie met VNG, IPO en UvW',
      });
      expect(child.body).toMatchObject({ parentActionId: parent.body.id, trackId: cast.trackId });
      const grandchild = await as(cast.coordinator).post('/v1/actions', {
        ...base(),
        parentActionId: child.body.id,
      });
      expectProblem(grandchild, 400, 'VALIDATION_FAILED');
      expect(grandchild.body.invalidParams[0].name).toBe('parentActionId');
    });
  });

  describe('reading', () => {
    it('answers members with an ETag and hides the action from members of other programmes', async () => {
      const created = await fixtures.action(cast.editor, base());
      const read = await as(cast.viewer).get(`/v1/actions/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.get('ETag')).toBe('"1"');
      const { id: elsewhere } = await fixtures.identity.programme();
      const stranger = await fixtures.identity.user();
      await fixtures.identity.member(elsewhere, stranger.userId, 'coordinator');
      expectProblem(
        await as(stranger).get(`/v1/actions/${created.body.id}`),
        404,
        'ACTION_NOT_FOUND',
      );
      // Someone in no programme at all may read no action anywhere: 403, whatever the id.
      expectProblem(
        await as(cast.outsider).get(`/v1/actions/${created.body.id}`),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('progress updates', () => {
    let actionId: string;
    const path = () => `/v1/actions/${actionId}/progress-updates`;

    beforeEach(async () => {
      actionId = (await fixtures.action(cast.editor, base())).body.id;
    });

    it('changes the action and appends to its timeline in one go, moving the ETag', async () => {
      const res = await as(cast.editor).post(
        path(),
        {
          status: 'in_progress',
          health: 'on_track',
          percentComplete: 30,
          narrative: 'Eerste overleg gevoerd.',
        },
        '"1"',
      );
      expect(res.status).toBe(201);
      expect(res.get('ETag')).toBe('"2"');
      expect(res.body).toMatchObject({
        status: 'in_progress',
        health: 'on_track',
        percentComplete: 30,
      });
      const action = await as(cast.viewer).get(`/v1/actions/${actionId}`);
      expect(action.body).toMatchObject({
        status: 'in_progress',
        health: 'on_track',
        percentComplete: 30,
        latestNarrative: 'Eerste overleg gevoerd.',
        version: 2,
      });
      const timeline = await as(cast.liaison).get(path());
      expect(timeline.body.data).toEqual([
        expect.objectContaining({ id: res.body.id, narrative: 'Eerste overleg gevoerd.' }),
      ]);
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          operation: 'status_change',
          entity_type: 'action',
          changes: expect.objectContaining({ status: { old: 'not_started', new: 'in_progress' } }),
        }),
      ]);
      expect(await outboxOf(actionId)).toEqual([
        { type: 'tracking.action-changed', change: 'created', version: 1 },
        { type: 'tracking.action-changed', change: 'progressed', version: 2 },
      ]);
      const [payload] = await db.query<{ payload: object }[]>(
        `SELECT payload FROM outbox_events WHERE payload->>'actionId' = $1 AND payload->>'version' = '2'`,
        [actionId],
      );
      expect(payload.payload).toEqual({
        actionId,
        version: 2,
        change: 'progressed',
        fields: ['health', 'latestNarrative', 'percentComplete', 'status'],
        actorUserId: cast.editor.userId,
        // What a notification of the change says: its new status.
        status: 'in_progress',
      });
    });

    it('writes nothing when the action changes between its read and its update', async () => {
      // Hold the action's row, let the request read version 1 and wait on the row in its
      // one statement, then move the version: the statement must find it changed.
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const headBefore = await db.query('SELECT sequence, hash FROM audit_chain_head');
      try {
        await runner.query('SELECT 1 FROM actions WHERE id = $1 FOR UPDATE', [actionId]);
        const response = as(cast.editor)
          .post(path(), { percentComplete: 40, narrative: 'Tussenstand' }, '"1"')
          .then((res) => res);
        await waitFor(async () => {
          const [row] = await db.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE '%UPDATE actions a SET%'`,
          );
          return Number(row.n) === 1;
        });
        await runner.query('UPDATE actions SET version = version + 1 WHERE id = $1', [actionId]);
        await runner.commitTransaction();
        expectProblem(await response, 412, 'VERSION_CONFLICT');
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      const timeline = await db.query('SELECT id FROM progress_updates WHERE action_id = $1', [
        actionId,
      ]);
      expect(timeline).toEqual([]);
      expect(await outboxOf(actionId)).toEqual([
        { type: 'tracking.action-changed', change: 'created', version: 1 },
      ]);
      expect(await db.query('SELECT sequence, hash FROM audit_chain_head')).toEqual(headBefore);
    });

    it('requires If-Match (428) and refuses a stale one (412), changing nothing', async () => {
      const update = { percentComplete: 10, narrative: 'Voortgang' };
      expectProblem(await as(cast.editor).post(path(), update), 428, 'PRECONDITION_REQUIRED');
      expectProblem(await as(cast.editor).post(path(), update, '"7"'), 412, 'VERSION_CONFLICT');
      expectProblem(await as(cast.editor).post(path(), update, '*'), 412, 'VERSION_CONFLICT');
      const action = await as(cast.editor).get(`/v1/actions/${actionId}`);
      expect(action.body).toMatchObject({ percentComplete: 0, version: 1 });
    });

    it('lets exactly one of two concurrent updates with the same ETag through', async () => {
      const [a, b] = await Promise.all(
        ['Update A', 'Update B'].map((narrative) =>
          as(cast.editor).post(path(), { percentComplete: 50, narrative }, '"1"'),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([201, 412]);
      const timeline = await as(cast.editor).get(path());
      expect(timeline.body.data).toHaveLength(1);
      expect((await as(cast.editor).get(`/v1/actions/${actionId}`)).body.version).toBe(2);
    });

    it('enforces the lifecycle: 409 for a forbidden move, 400 for a missing reason', async () => {
      expectProblem(
        await as(cast.editor).post(path(), { status: 'met', narrative: 'Klaar' }, '"1"'),
        409,
        'INVALID_STATUS_TRANSITION',
      );
      const noReason = await as(cast.editor).post(
        path(),
        { health: 'off_track', narrative: 'Vertraagd' },
        '"1"',
      );
      expectProblem(noReason, 400, 'VALIDATION_FAILED');
      expect(noReason.body.invalidParams).toEqual([
        { name: 'reason', reason: expect.stringContaining('off_track') },
      ]);
      expect(await eventsOf(noReason)).toEqual([]);
      const withReason = await as(cast.editor).post(
        path(),
        {
          health: 'off_track',
          narrative: 'Vertraagd',
          reason: 'Wetsvoorstel later in ministerraad',
        },
        '"1"',
      );
      expect(withReason.status).toBe(201);
    });

    it('closes and reopens with the resets of the lifecycle', async () => {
      await as(cast.editor).post(path(), { status: 'in_progress', narrative: 'Gestart' }, '"1"');
      const closed = await as(cast.editor).post(
        path(),
        { status: 'met', narrative: 'Afgerond' },
        '"2"',
      );
      expect(closed.status).toBe(201);
      const action = (await as(cast.editor).get(`/v1/actions/${actionId}`)).body;
      expect(action).toMatchObject({ status: 'met', percentComplete: 100, health: 'not_set' });
      expect(action.closedAt).not.toBeNull();
      expectProblem(
        await as(cast.editor).post(
          path(),
          { health: 'at_risk', narrative: 'x', reason: 'y' },
          '"3"',
        ),
        409,
        'ACTION_CLOSED',
      );
      const reopened = await as(cast.editor).post(
        path(),
        { status: 'in_progress', narrative: 'Heropend', reason: 'Nieuwe afspraak in het BO' },
        '"3"',
      );
      expect(reopened.status).toBe(201);
      expect((await as(cast.editor).get(`/v1/actions/${actionId}`)).body.closedAt).toBeNull();
    });

    it('is refused to those who do not carry the action out', async () => {
      for (const actor of [cast.otherEditor, cast.liaison, cast.viewer]) {
        expectProblem(await as(actor).post(path(), { narrative: 'x' }, '"1"'), 403, 'FORBIDDEN');
      }
      expectProblem(
        await as(cast.outsider).post(path(), { narrative: 'x' }, '"1"'),
        403,
        'FORBIDDEN',
      );
    });

    it('validates the update: ranges, enums, unknown fields, blank narrative', async () => {
      const res = await as(cast.editor).post(
        path(),
        { percentComplete: 101, status: 'done', narrative: '  ', owner: 'me' },
        '"1"',
      );
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'narrative',
        'owner',
        'percentComplete',
        'status',
      ]);
    });
  });

  describe('changing an action', () => {
    it('needs a reason to move the deadline, and puts it in the timeline', async () => {
      const { body } = await fixtures.action(cast.editor, base());
      const path = `/v1/actions/${body.id}`;
      const noReason = await as(cast.editor).patch(path, { deadline: '2027-06-30' }, '"1"');
      expectProblem(noReason, 400, 'VALIDATION_FAILED');
      const moved = await as(cast.editor).patch(
        path,
        {
          deadline: '2027-06-30',
          reason: 'Afstemming met IPO duurt langer',
          title: 'Nieuwe titel',
        },
        '"1"',
      );
      expect(moved.status).toBe(200);
      expect(moved.get('ETag')).toBe('"2"');
      expect(moved.body).toMatchObject({ deadline: '2027-06-30', title: 'Nieuwe titel' });
      const timeline = await as(cast.editor).get(`${path}/progress-updates`);
      expect(timeline.body.data[0]).toMatchObject({
        kind: 'deadline_change',
        reason: 'Afstemming met IPO duurt langer',
      });
      const [event] = await eventsOf(moved);
      expect(event).toMatchObject({
        operation: 'update',
        changes: {
          deadline: { old: '2027-03-31', new: '2027-06-30' },
          title: { old: base().title, new: 'Nieuwe titel' },
        },
        details: { reason: 'Afstemming met IPO duurt langer' },
      });
    });

    it('does not let an editor give the action away to an organisation they are not', async () => {
      const { body } = await fixtures.action(cast.editor, base());
      expectProblem(
        await as(cast.editor).patch(
          `/v1/actions/${body.id}`,
          { ownerOrganisationId: cast.other.id },
          '"1"',
        ),
        403,
        'FORBIDDEN',
      );
      const byCoordinator = await as(cast.coordinator).patch(
        `/v1/actions/${body.id}`,
        { ownerOrganisationId: cast.other.id },
        '"1"',
      );
      expect(byCoordinator.body.ownerOrganisation.id).toBe(cast.other.id);
    });
  });

  describe('publishing as open data', () => {
    it('is private unless created public, and records the choice', async () => {
      const hidden = await fixtures.action(cast.editor, base());
      expect(hidden.body.public).toBe(false);
      const shown = await fixtures.action(cast.editor, { ...base(), public: true });
      expect(shown.body.public).toBe(true);
      expect(await eventsOf(shown)).toEqual([
        expect.objectContaining({
          operation: 'create',
          changes: expect.objectContaining({ public: { new: true } }),
        }),
      ]);
      expectProblem(
        await as(cast.editor).post('/v1/actions', { ...base(), public: 'yes' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('changes with PATCH and If-Match, audited like any field', async () => {
      const { body } = await fixtures.action(cast.editor, base());
      const res = await as(cast.editor).patch(`/v1/actions/${body.id}`, { public: true }, '"1"');
      expect(res.status).toBe(200);
      expect(res.get('ETag')).toBe('"2"');
      expect(res.body).toMatchObject({ public: true, version: 2 });
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          operation: 'update',
          entity_type: 'action',
          changes: { public: { old: false, new: true } },
        }),
      ]);
      // The same value again changes nothing: no version, no event.
      const again = await as(cast.editor).patch(`/v1/actions/${body.id}`, { public: true }, '"2"');
      expect(again.body.version).toBe(2);
      expect(await eventsOf(again)).toEqual([]);
    });

    it('may be set only by those who may change the action', async () => {
      const { body } = await fixtures.action(cast.editor, base());
      for (const actor of [cast.otherEditor, cast.liaison, cast.viewer]) {
        expectProblem(
          await as(actor).patch(`/v1/actions/${body.id}`, { public: true }, '"1"'),
          403,
          'FORBIDDEN',
        );
      }
      const byCoordinator = await as(cast.coordinator).patch(
        `/v1/actions/${body.id}`,
        { public: true },
        '"1"',
      );
      expect(byCoordinator.body.public).toBe(true);
    });
  });
});
