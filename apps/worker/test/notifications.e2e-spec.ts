import { NOTIFICATION_KINDS } from '@app/notifications';
import { eventually } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

describe('notifications', () => {
  const world = new ReminderWorld('notifications');
  let cast: TrackingCast;

  beforeAll(() => world.start());
  afterAll(() => world.stop());
  beforeEach(async () => {
    world.sink.clear();
    world.travel(new Date().toISOString());
    cast = await world.cast();
  });

  const as = (token: string) => ({
    get: (path: string) => world.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string) => world.http().post(path).set('Authorization', `Bearer ${token}`),
    put: (path: string) => world.http().put(path).set('Authorization', `Bearer ${token}`),
  });
  const notifications = async (token: string, actionId: string) =>
    (await as(token).get('/v1/me/notifications?limit=200')).body.data.filter(
      (n: any) => n.actionId === actionId,
    );

  it("tell an owner when someone else changes their action's status, not when they do it themselves", async () => {
    const action = await world.createAction(cast);
    const byCoordinator = await as(cast.coordinator.token)
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('If-Match', `"${action.version}"`)
      .send({ status: 'in_progress', narrative: 'Gestart door de coördinator.' });
    expect(byCoordinator.status).toBe(201);
    const [notice] = await eventually(async () => {
      const found = (await notifications(cast.editor.token, action.id)).filter(
        (n: any) => n.kind === 'status_changed',
      );
      return found.length > 0 && found;
    });
    expect(notice.title).toBe(`Status gewijzigd naar In uitvoering: ${action.title}`);
    expect(notice.body).toContain(`Gewijzigd door User ${cast.coordinator.email}.`);
    const mail = await eventually(() =>
      world.sink.to(cast.editor.email).find((m) => m.subject.startsWith('Status gewijzigd')),
    );
    expect(mail.subject).toContain(action.title);

    const byOwner = await as(cast.editor.token)
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('If-Match', byCoordinator.headers.etag)
      .send({ percentComplete: 40, narrative: 'Eigen update.', status: 'met' });
    expect(byOwner.status).toBe(201);
    await world.settled();
    expect(
      (await notifications(cast.editor.token, action.id)).filter(
        (n: any) => n.kind === 'status_changed',
      ),
    ).toHaveLength(1);
  });

  it('tell a new owner, the owners of a partner position, and whom a comment mentions', async () => {
    const action = await world.createAction(cast, {
      ownerUserId: undefined,
      partners: [{ organisationId: cast.partner.id, role: 'contributor' }],
    });
    const patch = await world
      .http()
      .patch(`/v1/actions/${action.id}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', `"${action.version}"`)
      .send({ ownerUserId: cast.editor.userId });
    expect(patch.status).toBe(200);
    await eventually(async () =>
      (await notifications(cast.editor.token, action.id)).some((n: any) => n.kind === 'assigned'),
    );

    const comment = await as(cast.liaison.token)
      .post(`/v1/actions/${action.id}/comments`)
      .send({
        body: 'De VNG maakt bezwaar: de uitvoeringskosten voor gemeenten zijn niet gedekt.',
        position: 'objects',
        mentionedUserIds: [cast.coordinator.userId.toUpperCase()],
      });
    expect(comment.status).toBe(201);
    expect(comment.body.mentionedUserIds).toEqual([cast.coordinator.userId]);
    const [position] = await eventually(async () => {
      const found = (await notifications(cast.editor.token, action.id)).filter(
        (n: any) => n.kind === 'partner_position',
      );
      return found.length > 0 && found;
    });
    expect(position.title).toBe(`${cast.partner.code} maakt bezwaar tegen: ${action.title}`);
    expect(position.body).toContain('uitvoeringskosten');
    const [mention] = await eventually(async () => {
      const found = (await notifications(cast.coordinator.token, action.id)).filter(
        (n: any) => n.kind === 'mention',
      );
      return found.length > 0 && found;
    });
    expect(mention).toMatchObject({ reason: 'mentioned' });
    // The author is told nothing of their own comment.
    expect(await notifications(cast.liaison.token, action.id)).toEqual([]);

    const outsider = await as(cast.liaison.token)
      .post(`/v1/actions/${action.id}/comments`)
      .send({ body: 'Zie ook de brief.', mentionedUserIds: [cast.outsider.userId] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.invalidParams).toEqual([
      {
        name: 'mentionedUserIds[0]',
        reason: 'must be an active member of the programme of the action',
      },
    ]);
  });

  it('are visible to their recipient only, who marks them read', async () => {
    const action = await world.createAction(cast);
    await as(cast.coordinator.token)
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('If-Match', `"${action.version}"`)
      .send({ status: 'in_progress', narrative: 'Gestart.' });
    const [notice] = await eventually(async () => {
      const found = await notifications(cast.editor.token, action.id);
      return found.length > 0 && found;
    });
    for (const other of [cast.coordinator, cast.liaison, cast.outsider]) {
      const res = await as(other.token).post(`/v1/me/notifications/${notice.id}/read`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOTIFICATION_NOT_FOUND');
    }
    const unread = (await as(cast.editor.token).get('/v1/me/notifications?unread=true')).body;
    expect(unread.unreadCount).toBeGreaterThanOrEqual(1);
    // A programme id in capitals is the same programme.
    const upper = await as(cast.editor.token).get(
      `/v1/me/notifications?programme=${cast.programmeId.toUpperCase()}`,
    );
    expect(upper.body.data.map((n: any) => n.id)).toContain(notice.id);
    const read = await as(cast.editor.token).post(`/v1/me/notifications/${notice.id}/read?lang=en`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(read.body.title).toBe(`Status changed to In progress: ${action.title}`);
    const all = await as(cast.editor.token).post('/v1/me/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body.unreadCount).toBe(0);
    const none = await as(cast.editor.token).get('/v1/me/notifications?unread=true');
    expect(none.body).toMatchObject({ data: [], unreadCount: 0 });
  });

  it('respect preferences: kinds left out come in the app only, and in the chosen language', async () => {
    const defaults = await as(cast.editor.token).get('/v1/me/notification-preferences');
    expect(defaults.body).toEqual({
      emailKinds: [...NOTIFICATION_KINDS],
      digest: null,
      language: 'nl',
      updatedAt: null,
    });
    const chosen = await as(cast.editor.token)
      .put('/v1/me/notification-preferences')
      .send({ emailKinds: ['assigned'], digest: false, language: 'en' });
    expect(chosen.status).toBe(200);
    expect(
      (
        await as(cast.editor.token)
          .put('/v1/me/notification-preferences')
          .send({ emailKinds: ['weekly'], digest: 'yes', language: 'de' })
      ).body.invalidParams,
    ).toHaveLength(3);

    const action = await world.createAction(cast);
    await as(cast.coordinator.token)
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('If-Match', `"${action.version}"`)
      .send({ status: 'in_progress', narrative: 'Gestart.' });
    const [notice] = await eventually(async () => {
      const found = await notifications(cast.editor.token, action.id);
      return found.length > 0 && found;
    });
    expect(notice.title).toBe(`Status changed to In progress: ${action.title}`);
    await world.settled();
    expect(world.sink.to(cast.editor.email)).toEqual([]);
  });
});
