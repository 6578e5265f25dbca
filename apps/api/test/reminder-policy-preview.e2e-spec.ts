import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

const POLICY = {
  daysBefore: [14, 3],
  onDeadlineDay: true,
  overdueRepeatDays: 7,
  staleAfterDays: 30,
  updateRoundReminderDaysBefore: 3,
  escalation: [
    { level: 'official', afterDays: 0, contactUserIds: [] as string[] },
    { level: 'administrative', afterDays: 14, contactUserIds: [] as string[] },
    { level: 'overhedenoverleg', afterDays: 42, contactUserIds: [] as string[] },
  ],
  skipWeekends: true,
  skipHolidays: true,
  sendHour: 9,
  digest: false,
};

interface Planned {
  actionId: string;
  kind: string;
  step: string;
  dueAt: string;
  recipientUserIds: string[];
}

/** Reminders compared by what they say, in the preview's order. */
const comparable = (rows: Planned[]) =>
  rows
    .map(({ actionId, kind, step, dueAt, recipientUserIds }) => ({
      actionId,
      kind,
      step,
      dueAt,
      recipientUserIds: [...recipientUserIds].sort(),
    }))
    .sort(
      (a, b) =>
        a.dueAt.localeCompare(b.dueAt) ||
        a.actionId.localeCompare(b.actionId) ||
        a.kind.localeCompare(b.kind) ||
        a.step.localeCompare(b.step),
    );

describe('reminder policy preview', () => {
  const world = new ReminderWorld('reminders_preview');
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
  });
  afterAll(() => world.stop());

  const preview = (body: object, token = cast.coordinator.token, query = '') =>
    world
      .http()
      .post(`/v1/programmes/${cast.programmeId}/reminder-policy/preview${query}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);

  const scheduled = async (): Promise<Planned[]> => {
    const res = await world
      .http()
      .get(`/v1/programmes/${cast.programmeId}/reminders?state=scheduled&limit=200`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('answers what saving a policy would plan, as the worker then plans it, and saves nothing', async () => {
    world.travel('2026-11-02T10:00:00+01:00');
    const later = await world.createAction(cast, { deadline: '2026-12-07' });
    const sooner = await world.createAction(cast, {
      deadline: '2026-11-20',
      ownerUserId: undefined,
    });
    await world.scheduled(cast, later.id);
    await world.scheduled(cast, sooner.id);
    await world.settled();

    // The policy in force previews exactly what is scheduled now.
    const current = await preview(POLICY);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ actionsPlanned: 2, total: 2 });
    expect(comparable(current.body.data)).toEqual(comparable(await scheduled()));

    // Another policy: three weeks ahead, and a contact on the official level.
    const changed = {
      ...POLICY,
      daysBefore: [21, 3],
      escalation: POLICY.escalation.map((step, index) =>
        index === 0 ? { ...step, contactUserIds: [cast.coordinator.userId] } : step,
      ),
    };
    const before = await scheduled();
    const proposed = await preview(changed);
    expect(proposed.status).toBe(200);
    // 21 days before 7 December is Monday 16 November; 21 days before 20 November has
    // passed, so that action's next is 3 days before (Tuesday 17 November), at 09:00.
    expect(proposed.body).toEqual({
      data: [
        {
          actionId: later.id,
          kind: 'deadline_upcoming',
          step: '21d',
          dueAt: '2026-11-16T08:00:00.000Z',
          recipientUserIds: [cast.editor.userId],
        },
        {
          actionId: sooner.id,
          kind: 'deadline_upcoming',
          step: '3d',
          dueAt: '2026-11-17T08:00:00.000Z',
          recipientUserIds: [cast.editor.userId],
        },
      ],
      actionsPlanned: 2,
      total: 2,
    });
    // Nothing was saved or planned by the preview.
    const stored = await world
      .http()
      .get(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(stored.body.version).toBe(1);
    expect(comparable(await scheduled())).toEqual(comparable(before));

    // Saving it makes the worker plan what the preview said.
    await world.putPolicy(cast, changed);
    await world.settled();
    expect(comparable(await scheduled())).toEqual(comparable(proposed.body.data));

    // `limit` answers the soonest; the counts stay those of the whole programme.
    const first = await preview(changed, undefined, '?limit=1');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: [proposed.body.data[0]],
      actionsPlanned: 2,
      total: 2,
    });
  });

  it('checks the policy as saving does, and is for coordinators', async () => {
    const wrong = await preview({
      ...POLICY,
      escalation: [
        { level: 'administrative', afterDays: 14, contactUserIds: [cast.outsider.userId] },
        { level: 'official', afterDays: 7, contactUserIds: [] },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'escalation[0].contactUserIds[0]',
      'escalation[1].afterDays',
      'escalation[1].level',
    ]);
    expect((await preview({ ...POLICY, sendHour: 24 })).status).toBe(400);
    expect((await preview(POLICY, undefined, '?limit=0')).status).toBe(400);
    expect((await preview(POLICY, cast.editor.token)).status).toBe(403);
    expect((await preview(POLICY, cast.outsider.token)).status).toBe(404);
  });
});
