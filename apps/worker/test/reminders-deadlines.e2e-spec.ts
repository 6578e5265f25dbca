import { eventually } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

/** What a coordinator sees of an action's scheduled reminders: `kind step` → due instant. */
const scheduled = (rows: any[]) =>
  Object.fromEntries(
    rows
      .filter((row) => row.state === 'scheduled')
      .map((row) => [`${row.kind} ${row.step}`, row.dueAt]),
  );

describe('deadline reminders', () => {
  const world = new ReminderWorld('reminders_deadlines');
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
  });
  afterAll(() => world.stop());
  beforeEach(() => world.sink.clear());

  it('are planned 14 and 3 days before, on the day and after it, at 09:00 on working days', async () => {
    world.travel('2031-11-20T10:00:00Z');
    // Monday 8 December 2031: three days before is a Saturday, so Friday the 5th.
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    const rows = await world.reminders(cast, action.id, (list) => list.length >= 5);
    expect(scheduled(rows)).toMatchObject({
      'deadline_upcoming 14d': '2031-11-24T08:00:00.000Z',
      'deadline_upcoming 3d': '2031-12-05T08:00:00.000Z',
      'deadline_today 0d': '2031-12-08T08:00:00.000Z',
      'overdue overdue-0': '2031-12-09T08:00:00.000Z',
      'escalation official': '2031-12-09T08:00:00.000Z',
      'escalation administrative': '2031-12-23T08:00:00.000Z',
    });
    expect(rows.every((row) => row.recipientUserIds.join() === cast.editor.userId)).toBe(true);
  });

  it("move around King's Day and Christmas", async () => {
    world.travel('2029-03-01T10:00:00Z');
    // Friday 27 April 2029 is Koningsdag: the deadline falls due on Monday the 30th.
    const kingsDay = await world.createAction(cast, { deadline: '2029-04-27' });
    expect(
      scheduled(await world.reminders(cast, kingsDay.id, (list) => list.length >= 4)),
    ).toMatchObject({
      'deadline_upcoming 3d': '2029-04-24T07:00:00.000Z',
      'deadline_today 0d': '2029-04-30T07:00:00.000Z',
      'overdue overdue-0': '2029-05-01T07:00:00.000Z',
    });
    world.travel('2031-11-20T10:00:00Z');
    // Three days before Monday 29 December 2031 is Boxing Day: the next working day is the
    // deadline itself, whose own reminder says it.
    const christmas = await world.createAction(cast, { deadline: '2031-12-29' });
    const rows = scheduled(await world.reminders(cast, christmas.id, (list) => list.length >= 4));
    expect(rows['deadline_upcoming 3d']).toBeUndefined();
    expect(rows).toMatchObject({
      'deadline_upcoming 14d': '2031-12-15T08:00:00.000Z',
      'deadline_today 0d': '2031-12-29T08:00:00.000Z',
      'overdue overdue-0': '2031-12-30T08:00:00.000Z',
    });
  });

  it('are planned again when the deadline moves, and cancelled when the action closes', async () => {
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.reminders(cast, action.id, (list) => list.length >= 5);
    const moved = await world
      .http()
      .patch(`/v1/actions/${action.id}`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${action.version}"`)
      .send({ deadline: '2032-01-15', reason: 'Wetsvoorstel later in de ministerraad' });
    expect(moved.status).toBe(200);
    const rows = await world.reminders(cast, action.id, (list) =>
      list.some((row) => row.state === 'scheduled' && row.dueAt.startsWith('2032-01-15')),
    );
    expect(scheduled(rows)).toMatchObject({
      // Fourteen days before is New Year's Day: the 2nd.
      'deadline_upcoming 14d': '2032-01-02T08:00:00.000Z',
      'deadline_today 0d': '2032-01-15T08:00:00.000Z',
    });
    expect(
      rows.filter((row) => row.state === 'cancelled').map((row) => row.dueAt.slice(0, 10)),
    ).toEqual(expect.arrayContaining(['2031-11-24', '2031-12-05', '2031-12-08']));

    const closed = await world
      .http()
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', moved.headers.etag)
      .send({
        status: 'lapsed',
        reason: 'Opgegaan in de Hervormingsagenda',
        narrative: 'Vervallen.',
      });
    expect(closed.status).toBe(201);
    const after = await world.reminders(cast, action.id, (list) =>
      list.every((row) => row.state !== 'scheduled'),
    );
    expect(after.filter((row) => row.state === 'scheduled')).toEqual([]);
  });

  it('go out at their moment, by e-mail and in the app, to the owner only', async () => {
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.reminders(cast, action.id, (list) => list.length >= 5);

    world.travel('2031-11-24T08:00:05Z');
    await world.reconcile();
    const [mail] = await eventually(() => {
      const mails = world.sink
        .to(cast.editor.email)
        .filter((m) => m.subject.includes(action.title));
      return mails.length > 0 && mails;
    });
    expect(mail.subject).toBe(`Deadline over 14 dagen: ${action.title}`);
    expect(mail.text).toContain('Deadline: 8 december 2031');
    expect(mail.text).toContain(`/v1/actions/${action.id}`);
    expect(mail.text).toContain('U ontvangt dit omdat u eigenaar van deze actie bent.');
    expect(mail.text).toContain('Deadline in 14 days');
    expect(mail.html).toContain('<html lang="nl">');

    const inbox = await world
      .http()
      .get('/v1/me/notifications')
      .set('Authorization', `Bearer ${cast.editor.token}`);
    expect(inbox.status).toBe(200);
    const mine = inbox.body.data.filter((n: any) => n.actionId === action.id);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'deadline_upcoming',
        reason: 'owner',
        title: `Deadline over 14 dagen: ${action.title}`,
        readAt: null,
      }),
    ]);
    expect(inbox.body.unreadCount).toBeGreaterThanOrEqual(1);
    const others = await world
      .http()
      .get('/v1/me/notifications')
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(others.body.data.filter((n: any) => n.actionId === action.id)).toEqual([]);

    const rows = await world.reminders(cast, action.id);
    expect(rows.find((row) => row.step === '14d')).toMatchObject({ state: 'sent' });
    expect(rows.find((row) => row.step === '3d')).toMatchObject({ state: 'scheduled' });
  });
});
