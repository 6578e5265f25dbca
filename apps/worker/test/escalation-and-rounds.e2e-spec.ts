import { ReminderScheduler } from '@app/reminders';
import { eventually } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

const POLICY = {
  daysBefore: [14, 3],
  onDeadlineDay: true,
  overdueRepeatDays: 7,
  staleAfterDays: null,
  updateRoundReminderDaysBefore: 3,
  skipWeekends: true,
  skipHolidays: true,
  sendHour: 9,
  digest: false,
};
const DAY = 24 * 3600 * 1000;

describe('escalation and update rounds', () => {
  const world = new ReminderWorld('reminders_escalation');
  let cast: TrackingCast;

  beforeAll(() => world.start());
  afterAll(() => world.stop());
  beforeEach(async () => {
    world.sink.clear();
    cast = await world.cast();
  });

  const putPolicy = async (body: object) => {
    const res = await world
      .http()
      .put(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send(body);
    expect(res.status).toBe(200);
  };
  const action = (id: string) =>
    world.http().get(`/v1/actions/${id}`).set('Authorization', `Bearer ${cast.coordinator.token}`);
  const inbox = async (token: string, kind: string, actionId: string) => {
    const res = await world
      .http()
      .get('/v1/me/notifications')
      .set('Authorization', `Bearer ${token}`);
    return res.body.data.filter((n: any) => n.kind === kind && n.actionId === actionId);
  };
  const travelAndReconcile = async (instant: string) => {
    world.travel(instant);
    await world.reconcile();
    await world.settled();
  };

  it('escalates an overdue action up the ladder, telling each level, and back down when it is on time again', async () => {
    await putPolicy({
      ...POLICY,
      escalation: [
        { level: 'official', afterDays: 0, contactUserIds: [] },
        { level: 'administrative', afterDays: 14, contactUserIds: [cast.coordinator.userId] },
        { level: 'overhedenoverleg', afterDays: 42, contactUserIds: [cast.liaison.userId] },
      ],
    });
    world.travel('2031-11-20T10:00:00Z');
    const created = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.scheduled(cast, created.id);

    await travelAndReconcile('2031-12-09T08:00:10Z');
    await eventually(async () => (await action(created.id)).body.escalationLevel === 'official');

    await travelAndReconcile('2031-12-23T08:00:10Z');
    await eventually(
      async () => (await action(created.id)).body.escalationLevel === 'administrative',
    );
    const [notice] = await eventually(async () => {
      const found = await inbox(cast.coordinator.token, 'escalation', created.id);
      return found.length > 0 && found;
    });
    expect(notice).toMatchObject({
      reason: 'escalation_contact',
      title: `Geëscaleerd naar bestuurlijk niveau: ${created.title}`,
    });
    const mail = await eventually(() =>
      world.sink.to(cast.coordinator.email).find((m) => m.subject.includes('Geëscaleerd')),
    );
    expect(mail.text).toContain(
      'U ontvangt dit omdat u in de escalatieladder contactpersoon bent voor het bestuurlijke niveau.',
    );
    expect(mail.text).not.toMatch(/\b(administrative|official)\b niveau/);
    // The owner hears of it too; the contact of the level above does not yet.
    expect(await inbox(cast.editor.token, 'escalation', created.id)).toHaveLength(2);
    expect(await inbox(cast.liaison.token, 'escalation', created.id)).toHaveLength(0);

    const timeline = await world
      .http()
      .get(`/v1/actions/${created.id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    const steps = timeline.body.data.filter((u: any) => u.kind === 'escalation');
    expect(steps).toHaveLength(2);
    // The history says it in Dutch, as the web app shows it: no level codes.
    expect(steps.map((u: any) => u.narrative.split(':')[0]).sort()).toEqual([
      'Escalatie naar ambtelijk niveau',
      'Escalatie naar bestuurlijk niveau',
    ]);
    const events = await world.dataSource.query(
      `SELECT operation, changes, actor_type FROM audit_events
        WHERE entity_id = $1 AND operation IN ('escalate', 'de_escalate') ORDER BY sequence`,
      [created.id],
    );
    expect(
      events.map((e: any) => [e.operation, e.changes.escalationLevel.new, e.actor_type]),
    ).toEqual([
      ['escalate', 'official', 'system'],
      ['escalate', 'administrative', 'system'],
    ]);

    // A new deadline ends the bad period: off the ladder, and the level's contact is told.
    const current = await action(created.id);
    const moved = await world
      .http()
      .patch(`/v1/actions/${created.id}`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', current.headers.etag)
      .send({ deadline: '2032-03-01', reason: 'Nieuwe planning afgesproken in het BOFv' });
    expect(moved.status).toBe(200);
    await eventually(async () => (await action(created.id)).body.escalationLevel === null);
    await eventually(
      async () => (await inbox(cast.coordinator.token, 'de_escalation', created.id)).length === 1,
    );
    const [last] = await world.dataSource.query(
      `SELECT operation FROM audit_events WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [created.id],
    );
    expect(last.operation).toBe('de_escalate');
  });

  it('escalates a long-overdue action straight to the level it has reached', async () => {
    await putPolicy({
      ...POLICY,
      escalation: [
        { level: 'official', afterDays: 0, contactUserIds: [] },
        { level: 'administrative', afterDays: 14, contactUserIds: [] },
        { level: 'overhedenoverleg', afterDays: 42, contactUserIds: [] },
      ],
    });
    world.travel('2032-01-10T10:00:00Z');
    const created = await world.createAction(cast, { deadline: '2031-12-08' });
    await eventually(
      async () => (await action(created.id)).body.escalationLevel === 'administrative',
    );
  });

  it('asks owners for an update, shows who did, reminds who did not, and counts a missed round toward escalation', async () => {
    // Quiet rules off and hour 0: requests go out at once, whatever day the tests run.
    await putPolicy({
      ...POLICY,
      skipWeekends: false,
      skipHolidays: false,
      sendHour: 0,
      escalation: [{ level: 'official', afterDays: 0, contactUserIds: [] }],
    });
    world.travel(new Date().toISOString());
    const [answered, silent, other] = [
      await world.createAction(cast, { deadline: '2032-06-30' }),
      await world.createAction(cast, { deadline: '2032-06-30' }),
      await world.createAction(cast, { deadline: '2032-06-30' }),
    ];
    const dueDate = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
    const round = await world
      .http()
      .post(`/v1/programmes/${cast.programmeId}/update-rounds`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({
        title: 'Voortgangsrapportage voorjaar',
        dueDate,
        message: 'Graag een toelichting per actie.',
        filter: { actionIds: [answered.id, silent.id] },
      });
    expect(round.status).toBe(201);
    expect(round.headers.location).toContain(`/update-rounds/${round.body.id}`);
    expect(round.body.completion).toEqual({ total: 2, updated: 0, notUpdated: 2 });
    // Rows first: the worker plans a request row for each of the round's actions.
    await eventually(async () => {
      const [request] = await world.dataSource.query(
        `SELECT count(*)::int AS n FROM reminders WHERE update_round_id = $1 AND step = 'request'`,
        [round.body.id],
      );
      return request.n === 2;
    });

    const requests = await eventually(() => {
      const mails = world.sink
        .to(cast.editor.email)
        .filter((m) => m.subject.startsWith('Voortgangsupdate gevraagd'));
      return mails.length === 2 && mails;
    });
    expect(requests[0].text).toContain('Uitvraag: Voortgangsrapportage voorjaar');
    expect(requests[0].text).toContain('Graag een toelichting per actie.');
    // The request opens the action's progress form in the web app.
    const asked = [answered, silent].find((one) => requests[0].subject.includes(one.title))!;
    expect(requests[0].text).toContain(
      `Schrijf de voortgangsupdate: http://localhost:3000/acties/${asked.id}/voortgang`,
    );
    expect(await inbox(cast.editor.token, 'update_request', other.id)).toHaveLength(0);

    const update = await world
      .http()
      .post(`/v1/actions/${answered.id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${answered.version}"`)
      .send({ status: 'in_progress', narrative: 'Wetsvoorstel ligt bij de Raad van State.' });
    expect(update.status).toBe(201);
    const progress = await world
      .http()
      .get(`/v1/programmes/${cast.programmeId}/update-rounds/${round.body.id}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(progress.body.completion).toEqual({ total: 2, updated: 1, notUpdated: 1 });
    const pending = await world
      .http()
      .get(
        `/v1/programmes/${cast.programmeId}/update-rounds/${round.body.id}/actions?updated=false`,
      )
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(pending.body.data.map((row: any) => row.actionId)).toEqual([silent.id]);
    // An editor sees the rounds (what is asked of them), but starts none.
    expect(
      (
        await world
          .http()
          .get(`/v1/programmes/${cast.programmeId}/update-rounds`)
          .set('Authorization', `Bearer ${cast.editor.token}`)
      ).status,
    ).toBe(200);
    expect(
      (
        await world
          .http()
          .post(`/v1/programmes/${cast.programmeId}/update-rounds`)
          .set('Authorization', `Bearer ${cast.editor.token}`)
          .send({ title: 'Eigen ronde', dueDate })
      ).status,
    ).toBe(403);

    // Three days before the date: a reminder for the silent action only.
    const reminderAt = Date.parse(`${dueDate}T00:00:00Z`) - 3 * DAY;
    await travelAndReconcile(new Date(reminderAt + 2 * 3600 * 1000).toISOString());
    const reminders = await eventually(() => {
      const mails = world.sink
        .to(cast.editor.email)
        .filter((m) => m.subject.startsWith('Herinnering'));
      return mails.length > 0 && mails;
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toContain(silent.title);
    expect(reminders[0].text).toContain(`http://localhost:3000/acties/${silent.id}/voortgang`);

    // The day after the date, the silent action counts as behind: it escalates.
    await travelAndReconcile(
      new Date(Date.parse(`${dueDate}T00:00:00Z`) + 1.5 * DAY).toISOString(),
    );
    await eventually(async () => (await action(silent.id)).body.escalationLevel === 'official');
    expect((await action(answered.id)).body.escalationLevel).toBeNull();

    // Cancelling the round takes it off: the silent action comes off the ladder again.
    const cancelled = await world
      .http()
      .delete(`/v1/programmes/${cast.programmeId}/update-rounds/${round.body.id}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    await eventually(async () => (await action(silent.id)).body.escalationLevel === null);
    await eventually(async () => {
      const rows = await world.dataSource.query(
        `SELECT state FROM reminders WHERE update_round_id = $1 AND state = 'scheduled'`,
        [round.body.id],
      );
      return rows.length === 0;
    });
  });

  it('plans thousands of actions in one transaction without filling the lock table', async () => {
    // PostgreSQL's lock table holds about 64 locks per connection: one advisory lock per
    // action ran out of shared memory here. Row locks are kept in the rows.
    const rows = await world.dataSource.query(
      `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, deadline)
       SELECT $1, $2, 'Massa-actie ' || i, $3, DATE '2032-06-30' FROM generate_series(1, 8000) i
       RETURNING id`,
      [cast.programmeId, cast.trackId, cast.owner.id],
    );
    const ids = rows.map((row: { id: string }) => row.id);
    const scheduler = world.worker.get(ReminderScheduler);
    const held = await world.dataSource.transaction(async (manager) => {
      await scheduler.plan(manager, ids, new Map());
      const [locks] = await manager.query(
        'SELECT count(*)::int AS n FROM pg_locks WHERE pid = pg_backend_pid()',
      );
      return locks.n;
    });
    // A handful of relation locks, not one per action.
    expect(held).toBeLessThan(100);
    const [count] = await world.dataSource.query(
      `SELECT count(DISTINCT action_id)::int AS n FROM reminders
        WHERE programme_id = $1 AND state = 'scheduled'`,
      [cast.programmeId],
    );
    expect(count.n).toBe(8000);
  });

  it('refuses a round that matches no open action, or is due in the past', async () => {
    world.travel(new Date().toISOString());
    const post = (body: object) =>
      world
        .http()
        .post(`/v1/programmes/${cast.programmeId}/update-rounds`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
        .send(body);
    const empty = await post({ title: 'Leeg', dueDate: '2099-01-01' });
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams).toEqual([
      { name: 'filter', reason: 'matches no open action of the programme' },
    ]);
    const past = await post({ title: 'Te laat', dueDate: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.invalidParams[0].name).toBe('dueDate');
    const [rounds] = await world.dataSource.query(
      'SELECT count(*)::int AS n FROM update_rounds WHERE programme_id = $1',
      [cast.programmeId],
    );
    expect(rounds.n).toBe(0);
  });
});
