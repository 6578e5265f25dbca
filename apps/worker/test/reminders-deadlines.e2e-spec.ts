import { eventually } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

/** The defaults, without the stale reminder (it counts from the database's real time). */
const POLICY = {
  daysBefore: [14, 3],
  onDeadlineDay: true,
  overdueRepeatDays: 7,
  staleAfterDays: null,
  updateRoundReminderDaysBefore: 3,
  escalation: [
    { level: 'official', afterDays: 0, contactUserIds: [] },
    { level: 'administrative', afterDays: 14, contactUserIds: [] },
  ],
  skipWeekends: true,
  skipHolidays: true,
  sendHour: 9,
  digest: false,
};

describe('deadline reminders', () => {
  const world = new ReminderWorld('reminders_deadlines');
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
    await world.putPolicy(cast, POLICY);
  });
  afterAll(() => world.stop());
  beforeEach(() => world.sink.clear());

  it('go out 14 and 3 days before, on the day and after it, at 09:00 on working days, each planned when the one before went', async () => {
    world.travel('2031-11-20T10:00:00Z');
    // Monday 8 December 2031, after a weekend.
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    const email = cast.editor.email;
    // Only the next reminder is scheduled.
    expect(await world.scheduled(cast, action.id)).toEqual({
      'deadline_upcoming 14d': '2031-11-24T08:00:00.000Z',
    });
    await world.mailAt('2031-11-24T08:00:05Z', email, `Deadline over 14 dagen: ${action.title}`);
    expect(
      await world.scheduled(cast, action.id, (rows) => 'deadline_upcoming 3d' in rows),
    ).toEqual({ 'deadline_upcoming 3d': '2031-12-05T08:00:00.000Z' });

    await world.mailAt('2031-12-05T08:00:05Z', email, `Deadline over 3 dagen: ${action.title}`);
    expect(await world.scheduled(cast, action.id, (rows) => 'deadline_today 0d' in rows)).toEqual({
      'deadline_today 0d': '2031-12-08T08:00:00.000Z',
    });

    await world.mailAt('2031-12-08T08:00:05Z', email, `Deadline vandaag: ${action.title}`);
    // The first overdue reminder and the first escalation fall on the same morning.
    expect(await world.scheduled(cast, action.id, (rows) => 'overdue overdue-0' in rows)).toEqual({
      'overdue overdue-0': '2031-12-09T08:00:00.000Z',
      'escalation official': '2031-12-09T08:00:00.000Z',
    });

    world.travel('2031-12-09T08:00:05Z');
    await world.reconcile();
    await eventually(
      () =>
        world.sink.to(email).some((m) => m.subject.startsWith('Deadline verstreken')) &&
        world.sink.to(email).some((m) => m.subject.startsWith('Geëscaleerd')),
    );
    expect(await world.scheduled(cast, action.id, (rows) => 'overdue overdue-1' in rows)).toEqual({
      'overdue overdue-1': '2031-12-16T08:00:00.000Z',
    });
    await world.settled();
    // Each went once, at its moment.
    expect(world.sink.to(email).map((mail) => mail.subject.split(':')[0])).toEqual([
      'Deadline over 14 dagen',
      'Deadline over 3 dagen',
      'Deadline vandaag',
      expect.stringMatching(/^(Deadline verstreken|Geëscaleerd)/),
      expect.stringMatching(/^(Deadline verstreken|Geëscaleerd)/),
    ]);
  });

  it('skip a reminder that a later one overtook while the worker was stopped, and send only the newest', async () => {
    world.travel('2031-11-25T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    expect(await world.scheduled(cast, action.id)).toEqual({
      'deadline_upcoming 3d': '2031-12-05T08:00:00.000Z',
    });
    // The worker is stopped before Friday's "3 days" moment and is back on the morning after
    // the deadline: the moments of "3 days", "today" and the first overdue one have passed.
    await world.worker.close();
    world.worker = await world.startWorker();
    world.travel('2031-12-09T10:00:00Z');
    await world.reconcile();
    const email = cast.editor.email;
    await eventually(() =>
      world.sink.to(email).some((mail) => mail.subject === `Deadline verstreken: ${action.title}`),
    );
    await world.settled();
    await world.reconcile();
    await world.settled();
    // Only the newest: nothing says "in 3 days" or "today" after the deadline.
    const subjects = world.sink
      .to(email)
      .map((mail) => mail.subject)
      .filter((subject) => subject.endsWith(action.title));
    expect(subjects.filter((subject) => subject.startsWith('Deadline'))).toEqual([
      `Deadline verstreken: ${action.title}`,
    ]);
    const rows = await world.reminders(cast, action.id);
    expect(rows.find((row) => row.kind === 'deadline_upcoming')).toMatchObject({
      step: '3d',
      state: 'skipped',
      stateReason: 'overtaken by a later reminder (overdue overdue-0)',
    });
    expect(rows.find((row) => row.kind === 'overdue' && row.step === 'overdue-0')).toMatchObject({
      state: 'sent',
    });
    expect(rows.some((row) => row.kind === 'deadline_today')).toBe(false);
  });

  it("move around King's Day and Christmas", async () => {
    world.travel('2029-04-20T10:00:00Z');
    // Friday 27 April 2029 is Koningsdag: the deadline falls due on Monday the 30th.
    const kingsDay = await world.createAction(cast, { deadline: '2029-04-27' });
    expect(await world.scheduled(cast, kingsDay.id)).toEqual({
      'deadline_upcoming 3d': '2029-04-24T07:00:00.000Z',
    });
    await world.mailAt(
      '2029-04-24T07:00:05Z',
      cast.editor.email,
      `Deadline over 3 dagen: ${kingsDay.title}`,
    );
    expect(await world.scheduled(cast, kingsDay.id, (rows) => 'deadline_today 0d' in rows)).toEqual(
      { 'deadline_today 0d': '2029-04-30T07:00:00.000Z' },
    );

    world.travel('2031-12-10T10:00:00Z');
    // Three days before Monday 29 December 2031 is Boxing Day: the next working day is the
    // deadline itself, whose own reminder says it.
    const christmas = await world.createAction(cast, { deadline: '2031-12-29' });
    expect(await world.scheduled(cast, christmas.id)).toEqual({
      'deadline_upcoming 14d': '2031-12-15T08:00:00.000Z',
    });
    await world.mailAt(
      '2031-12-15T08:00:05Z',
      cast.editor.email,
      `Deadline over 14 dagen: ${christmas.title}`,
    );
    expect(
      await world.scheduled(cast, christmas.id, (rows) => 'deadline_today 0d' in rows),
    ).toEqual({ 'deadline_today 0d': '2031-12-29T08:00:00.000Z' });
  });

  it('are planned again when the deadline moves, and cancelled when the action closes', async () => {
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.scheduled(cast, action.id);
    const moved = await world
      .http()
      .patch(`/v1/actions/${action.id}`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${action.version}"`)
      .send({ deadline: '2032-01-15', reason: 'Wetsvoorstel later in de ministerraad' });
    expect(moved.status).toBe(200);
    // Fourteen days before is New Year's Day: the 2nd.
    expect(
      await world.scheduled(
        cast,
        action.id,
        (rows) =>
          'deadline_upcoming 14d' in rows && rows['deadline_upcoming 14d'].startsWith('2032'),
      ),
    ).toEqual({ 'deadline_upcoming 14d': '2032-01-02T08:00:00.000Z' });
    const rows = await world.reminders(cast, action.id);
    expect(
      rows
        .filter((row) => row.state === 'cancelled')
        .map((row) => [row.step, row.dueAt.slice(0, 10), row.stateReason]),
    ).toEqual([['14d', '2031-11-24', 'no longer applies']]);

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
    expect(
      await world.scheduled(cast, action.id, (rows) => Object.keys(rows).length === 0),
    ).toEqual({});
    // Nothing goes out for it any more.
    await world.settled();
    world.travel('2032-01-02T08:00:05Z');
    await world.reconcile();
    await world.settled();
    expect(
      world.sink.to(cast.editor.email).filter((m) => m.subject.includes(action.title)),
    ).toEqual([]);
  });

  it('go out at their moment, by e-mail and in the app, to the owner only', async () => {
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.scheduled(cast, action.id);

    const mail = await world.mailAt(
      '2031-11-24T08:00:05Z',
      cast.editor.email,
      `Deadline over 14 dagen: ${action.title}`,
    );
    expect(mail.text).toContain('Deadline: 8 december 2031');
    // The link opens the action's page in the web app, not the API.
    expect(mail.text).toContain(`Bekijk de actie: http://localhost:3000/acties/${action.id}`);
    expect(mail.text).toContain('http://localhost:3000/meldingen/voorkeuren');
    expect(mail.text).not.toContain('/v1/');
    expect(mail.text).toContain('U ontvangt dit omdat u eigenaar van deze actie bent.');
    expect(mail.text).toContain('Deadline in 14 days');
    // The HTML part: Dutch first, English below, and a button to the same page.
    expect(mail.html).toMatch(/^<!doctype html><html lang="nl"/);
    expect(mail.html.indexOf('<div lang="nl">')).toBeLessThan(mail.html.indexOf('<div lang="en">'));
    expect(mail.html).toMatch(
      new RegExp(
        `<a href="http://localhost:3000/acties/${action.id}"[^>]*>\\s*Bekijk de actie\\s*</a>`,
      ),
    );
    expect(mail.html).toContain('>Sterk Bestuur Tracker</p>');
    expect(mail.html).toContain('href="http://localhost:3000/meldingen/voorkeuren"');

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

    const rows = await world.reminders(cast, action.id, (list) =>
      list.some((row) => row.step === '3d'),
    );
    expect(rows.find((row) => row.step === '14d')).toMatchObject({ state: 'sent' });
    expect(rows.find((row) => row.step === '3d')).toMatchObject({ state: 'scheduled' });
  });
});
