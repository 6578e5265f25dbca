import { eventually } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

const POLICY = {
  daysBefore: [14, 3],
  onDeadlineDay: true,
  overdueRepeatDays: 7,
  staleAfterDays: 30,
  updateRoundReminderDaysBefore: 3,
  escalation: [
    { level: 'official', afterDays: 0, contactUserIds: [] },
    { level: 'administrative', afterDays: 14, contactUserIds: [] },
    { level: 'overhedenoverleg', afterDays: 42, contactUserIds: [] },
  ],
  skipWeekends: true,
  skipHolidays: true,
  sendHour: 9,
  digest: false,
};

describe('reminder policy', () => {
  const world = new ReminderWorld('reminders_policy');
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
  });
  afterAll(() => world.stop());
  beforeEach(async () => {
    world.sink.clear();
    cast = await world.cast();
  });

  const put = (body: object, token = cast.coordinator.token, ifMatch?: string) => {
    const req = world
      .http()
      .put(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${token}`);
    return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
  };

  it('starts at the defaults, which coordinators replace and nobody else may', async () => {
    const initial = await world
      .http()
      .get(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(initial.status).toBe(200);
    expect(initial.headers.etag).toBe('"1"');
    expect(initial.body).toMatchObject({ ...POLICY, version: 1, updatedAt: null });

    expect((await put(POLICY, cast.editor.token)).status).toBe(403);
    expect((await put(POLICY, cast.outsider.token)).status).toBe(404);

    const stored = await put({ ...POLICY, sendHour: 8, daysBefore: [3, 14, 7] }, undefined, '"1"');
    expect(stored.status).toBe(200);
    expect(stored.headers.etag).toBe('"2"');
    expect(stored.body).toMatchObject({ sendHour: 8, daysBefore: [14, 7, 3], version: 2 });
    expect((await put(POLICY, undefined, '"1"')).status).toBe(412);

    const [event] = await world.dataSource.query(
      `SELECT operation, changes FROM audit_events WHERE entity_type = 'reminder_policy' AND entity_id = $1`,
      [cast.programmeId],
    );
    expect(event.operation).toBe('update');
    expect(event.changes.sendHour).toEqual({ old: 9, new: 8 });
  });

  it('reports every problem at once: a ladder out of order and contacts who are no members', async () => {
    const res = await put({
      ...POLICY,
      sendHour: 24,
      escalation: [
        { level: 'administrative', afterDays: 14, contactUserIds: [cast.outsider.userId] },
        { level: 'official', afterDays: 7, contactUserIds: [] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const names = res.body.invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['sendHour']));
    // Field checks fail first (class-validator), the ladder's own rules after them.
    const ladder = await put({
      ...POLICY,
      escalation: [
        { level: 'administrative', afterDays: 14, contactUserIds: [cast.outsider.userId] },
        { level: 'official', afterDays: 7, contactUserIds: [] },
      ],
    });
    expect(ladder.status).toBe(400);
    expect(ladder.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'escalation[0].contactUserIds[0]',
      'escalation[1].afterDays',
      'escalation[1].level',
    ]);
    expect((await put({ ...POLICY, unknown: true })).status).toBe(400);
  });

  it("moves a programme's planned reminders when its send hour changes", async () => {
    // No stale reminder: it counts from the database's real time, not the travelled clock.
    const noStale = { ...POLICY, staleAfterDays: null };
    expect((await put(noStale)).status).toBe(200);
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    const [before] = await world.reminders(cast, action.id);
    expect(before).toMatchObject({ step: '14d', dueAt: '2031-11-24T08:00:00.000Z' });
    expect((await put({ ...noStale, sendHour: 14 })).status).toBe(200);
    const rows = await world.reminders(cast, action.id, (list) =>
      list.some((row) => row.dueAt === '2031-11-24T13:00:00.000Z'),
    );
    // The same row, moved: not a new one beside a cancelled one.
    expect(rows).toEqual([
      expect.objectContaining({ id: before.id, state: 'scheduled', step: '14d' }),
    ]);
  });

  it('keeps the next reminder scheduled when a new send hour moves one that went out already', async () => {
    const noStale = { ...POLICY, staleAfterDays: null };
    expect((await put(noStale)).status).toBe(200);
    world.travel('2031-12-01T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.scheduled(cast, action.id, (rows) => 'deadline_upcoming 3d' in rows);
    await world.mailAt(
      '2031-12-05T08:00:05Z',
      cast.editor.email,
      `Deadline over 3 dagen: ${action.title}`,
    );
    await world.mailAt(
      '2031-12-08T08:00:05Z',
      cast.editor.email,
      `Deadline vandaag: ${action.title}`,
    );
    await world.settled();
    // Half an hour later the hour moves to 10:00: today's reminder, sent at 09:00, would now
    // lie ahead. It is not sent again, and the next ones move to 10:00.
    world.travel('2031-12-08T08:30:00Z');
    expect((await put({ ...noStale, sendHour: 10 })).status).toBe(200);
    expect(
      await world.scheduled(
        cast,
        action.id,
        (rows) => rows['overdue overdue-0'] === '2031-12-09T09:00:00.000Z',
      ),
    ).toEqual({
      'overdue overdue-0': '2031-12-09T09:00:00.000Z',
      'escalation official': '2031-12-09T09:00:00.000Z',
    });
    world.travel('2031-12-08T09:00:30Z');
    await world.reconcile();
    await world.settled();
    expect(
      world.sink.to(cast.editor.email).filter((m) => m.subject.startsWith('Deadline vandaag')),
    ).toHaveLength(1);
  });

  it('sends one e-mail per person per day in digest mode, listing everything due', async () => {
    // Only the deadline day: the travel below jumps over every earlier reminder.
    const onTheDay = { ...POLICY, daysBefore: [], staleAfterDays: null, digest: true };
    expect((await put(onTheDay)).status).toBe(200);
    world.travel('2031-11-20T10:00:00Z');
    const first = await world.createAction(cast, { deadline: '2031-12-08' });
    const second = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.scheduled(cast, first.id);
    await world.scheduled(cast, second.id);

    world.travel('2031-12-08T08:00:10Z');
    await world.reconcile();
    // Both reminders are in the app at once; the e-mail waits for the digest at 09:30.
    await eventually(async () => {
      const res = await world
        .http()
        .get(`/v1/me/notifications?programme=${cast.programmeId}&unread=true`)
        .set('Authorization', `Bearer ${cast.editor.token}`);
      return res.body.data.filter((n: any) => n.kind === 'deadline_today').length === 2;
    });
    expect(world.sink.to(cast.editor.email)).toHaveLength(0);

    world.travel('2031-12-08T08:30:30Z');
    await world.reconcile();
    const [digest] = await eventually(() => {
      const mails = world.sink.to(cast.editor.email);
      return mails.length > 0 && mails;
    });
    expect(digest.subject).toBe('Uw overzicht van 8 december 2031: 2 meldingen');
    expect(digest.text).toContain(`Deadline vandaag: ${first.title}`);
    expect(digest.text).toContain(`Deadline vandaag: ${second.title}`);
    await world.settled();
    await world.reconcile();
    await world.settled();
    expect(world.sink.to(cast.editor.email)).toHaveLength(1);
  });

  it('reminds of an action without an update for too long, and not after one', async () => {
    // Quiet rules off and hour 0: the stale reminder is due at midnight, a calendar day on.
    expect(
      (
        await put({
          ...POLICY,
          staleAfterDays: 1,
          skipWeekends: false,
          skipHolidays: false,
          sendHour: 0,
        })
      ).status,
    ).toBe(200);
    world.travel(new Date().toISOString());
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    const [stale] = (
      await world.reminders(cast, action.id, (rows) => rows.some((r) => r.kind === 'stale'))
    ).filter((row) => row.kind === 'stale' && row.state === 'scheduled');
    world.travel(new Date(Date.parse(stale.dueAt) + 60_000).toISOString());
    await world.reconcile();
    const [mail] = await eventually(() => {
      const mails = world.sink
        .to(cast.editor.email)
        .filter((m) => m.subject.includes(action.title));
      return mails.length > 0 && mails;
    });
    expect(mail.subject).toBe(`Al 1 dag geen voortgangsupdate: ${action.title}`);

    // The timeline's times are the database's: update at the real now.
    world.travel(new Date().toISOString());
    const update = await world
      .http()
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${action.version}"`)
      .send({ status: 'in_progress', narrative: 'Eerste overleg met VNG gevoerd.' });
    expect(update.status).toBe(201);
    // The next stale reminder counts from the update; the one of the old count is cancelled.
    const rows = await world.reminders(cast, action.id, (list) =>
      list.some((row) => row.kind === 'stale' && row.state === 'cancelled'),
    );
    const stales = rows.filter((row) => row.kind === 'stale');
    expect(stales.filter((row) => row.state === 'scheduled')).toHaveLength(1);
    expect(stales.filter((row) => row.state === 'cancelled').length).toBeGreaterThanOrEqual(1);
    expect(stales.filter((row) => row.state === 'sent')).toHaveLength(1);
  });
});
