import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, testConfig } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { createOwnDatabase } from '../../../test/support/own-database';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

interface ListedAction {
  id: string;
  status: string;
  health: string;
  percentComplete: number;
  rollupWeight: number | null;
  overdue: boolean;
}

const CLOSED = ['met', 'partially_met', 'lapsed'];
const WORST_FIRST = ['off_track', 'at_risk', 'on_track', 'not_set'];

/**
 * The roll-up of a list of actions, computed here from the rules in the README (not with the
 * API's code): weighted mean with met as 100 and lapsed left out, the worst open health.
 */
function expectedRollup(actions: ListedAction[]) {
  const open = actions.filter((a) => !CLOSED.includes(a.status));
  const counted = actions.filter((a) => a.status !== 'lapsed');
  const weight = counted.reduce((sum, a) => sum + (a.rollupWeight ?? 1), 0);
  const weighted = counted.reduce(
    (sum, a) => sum + (a.rollupWeight ?? 1) * (a.status === 'met' ? 100 : a.percentComplete),
    0,
  );
  const byHealth = Object.fromEntries(
    ['not_set', 'on_track', 'at_risk', 'off_track'].map((h) => [
      h,
      open.filter((a) => a.health === h).length,
    ]),
  );
  const health = WORST_FIRST.find((h) => byHealth[h] > 0) ?? null;
  return {
    percentComplete: weight === 0 ? null : Math.round((weighted / weight) * 10) / 10,
    health,
    healthCount: health ? byHealth[health] : 0,
    byHealth,
    total: actions.length,
    open: open.length,
    closed: actions.length - open.length,
    overdue: actions.filter((a) => a.overdue).length,
  };
}

describe('roll-ups: commitments, tracks and parent actions derive progress from their actions', () => {
  let app: NestExpressApplication;
  let database: Awaited<ReturnType<typeof createOwnDatabase>> | undefined;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let commitmentId: string;
  let secondTrack: string;
  const ids: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const get = (actor: Actor, path: string) =>
    http().get(path).set('Authorization', `Bearer ${actor.token}`).expect(200);
  const listed = async (query: string): Promise<ListedAction[]> =>
    (await get(cast.viewer, `/v1/actions?programme=${cast.programmeId}&limit=200&${query}`)).body
      .data;
  const summary = async (query = '') =>
    (await get(cast.viewer, `/v1/programmes/${cast.programmeId}/reports/progress/summary?${query}`))
      .body.summary;

  async function progress(name: string, body: Record<string, unknown>): Promise<void> {
    const current = await get(cast.coordinator, `/v1/actions/${ids[name]}`);
    await http()
      .post(`/v1/actions/${ids[name]}/progress-updates`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', current.get('ETag') ?? '')
      .send({ narrative: `Voortgang van ${name}`, ...body })
      .expect(201);
  }

  function patch(actor: Actor, name: string, body: object, etag: string | undefined) {
    return http()
      .patch(`/v1/actions/${ids[name]}`)
      .set('Authorization', `Bearer ${actor.token}`)
      .set('If-Match', etag ?? '')
      .send(body);
  }

  async function create(name: string, body: Record<string, unknown>): Promise<void> {
    const res = await fixtures.action(cast.coordinator, {
      ...TrackingFixtures.actionBody(cast, name),
      ...body,
    });
    ids[name] = res.body.id;
  }

  beforeAll(async () => {
    // A database of its own: a report of the past reads audit times, and other files move the
    // clock forward (clock travel) in the shared one, so a moment taken here could come
    // before changes made "later" on the travelled clock.
    database = await createOwnDatabase('rollups');
    app = await startApi({ config: testConfig({ DATABASE_URL: database.url }) });
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    secondTrack = await fixtures.track(cast.programmeId, 'Financiële verhoudingen');
    const commitment = await http()
      .post('/v1/commitments')
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({
        programmeId: cast.programmeId,
        kind: 'agenda_item',
        title: 'Opschalingskorting structureel oplossen',
        attributes: {},
      })
      .expect(201);
    commitmentId = commitment.body.id;
    expect(commitment.body.rollup).toMatchObject({ total: 0, percentComplete: null, health: null });
    // A parent with three sub-actions and a second action of the commitment; one more action
    // on another track, without a commitment.
    await create('parent', { commitmentId });
    for (const name of ['sub 1', 'sub 2', 'sub 3']) {
      await create(name, { commitmentId, parentActionId: ids.parent, trackId: undefined });
    }
    await create('other', { commitmentId, trackId: secondTrack, deadline: '2025-01-31' });
    await create('loose', { trackId: secondTrack });
    await progress('parent', { status: 'in_progress', percentComplete: 30, health: 'on_track' });
    await progress('sub 1', { status: 'in_progress', percentComplete: 40 });
    await progress('sub 2', {
      status: 'in_progress',
      percentComplete: 10,
      health: 'at_risk',
      reason: 'Wachten op het BOFv',
    });
    await progress('sub 3', { status: 'lapsed', reason: 'Opgegaan in het wetsvoorstel' });
    await progress('other', { status: 'in_progress', percentComplete: 70 });
    await progress('other', { status: 'partially_met', reason: 'Deels' });
    await progress('loose', {
      status: 'in_progress',
      percentComplete: 80,
      health: 'off_track',
      reason: 'Capaciteit',
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Every roll-up the API shows, against the one computed here from the lists behind it. */
  async function checkAll(query = ''): Promise<void> {
    const commitment = await get(cast.viewer, `/v1/commitments/${commitmentId}`);
    expect(commitment.body.rollup).toEqual(
      expectedRollup(await listed(`commitment=${commitmentId}`)),
    );
    const parent = await get(cast.viewer, `/v1/actions/${ids.parent}`);
    expect(parent.body.rollup).toEqual(expectedRollup(await listed(`parent=${ids.parent}`)));
    const s = await summary(query);
    for (const track of s.byTrack) {
      expect(track.rollup).toEqual(expectedRollup(await listed(`track=${track.track.id}`)));
    }
    expect(
      s.byCommitment.map((c: { commitment: { id: string } | null }) => c.commitment?.id ?? null),
    ).toEqual([commitmentId, null]);
    expect(s.byCommitment[0].rollup).toEqual(commitment.body.rollup);
    // The commitments list carries the same roll-up.
    const list = await get(cast.viewer, `/v1/commitments?programme=${cast.programmeId}`);
    expect(list.body.data[0].rollup).toEqual(commitment.body.rollup);
  }

  it('derives percentage, worst health and counts as computed from the actions', async () => {
    await checkAll();
    const commitment = await get(cast.viewer, `/v1/commitments/${commitmentId}`);
    // parent 30, sub 1 40, sub 2 10, other 70 (partially met); sub 3 lapsed: left out.
    expect(commitment.body.rollup).toEqual({
      percentComplete: 37.5,
      health: 'at_risk',
      healthCount: 1,
      byHealth: { not_set: 1, on_track: 1, at_risk: 1, off_track: 0 },
      total: 5,
      open: 3,
      closed: 2,
      overdue: 0,
    });
    // Only an action with sub-actions has a roll-up of its own.
    const parent = await get(cast.viewer, `/v1/actions/${ids.parent}`);
    expect(parent.body.rollup).toMatchObject({ percentComplete: 25, total: 3, closed: 1 });
    expect((await get(cast.viewer, `/v1/actions/${ids['sub 1']}`)).body.rollup).toBeNull();
    const page = await listed(`parent=${ids.parent}`);
    expect(page.map((a) => (a as unknown as { rollup: unknown }).rollup)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('lets coordinators weight an action, audited; editors get a 403, bad weights a 400', async () => {
    const before = await get(cast.coordinator, `/v1/actions/${ids['sub 1']}`);
    const refused = await patch(cast.editor, 'sub 1', { rollupWeight: 3 }, before.get('ETag'));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ROLLUP_WEIGHT_FORBIDDEN');
    // Rights before versions: a stale If-Match changes nothing to the answer.
    const stale = await patch(cast.editor, 'sub 1', { rollupWeight: 3 }, '"1"');
    expect(stale.status).toBe(403);
    const bad = await patch(cast.coordinator, 'sub 1', { rollupWeight: 0 }, before.get('ETag'));
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['rollupWeight']);
    for (const weight of [1.5, 1001, '3']) {
      const res = await patch(
        cast.coordinator,
        'sub 1',
        { rollupWeight: weight },
        before.get('ETag'),
      );
      expect(res.status).toBe(400);
    }
    const weighted = await patch(
      cast.coordinator,
      'sub 1',
      { rollupWeight: 3 },
      before.get('ETag'),
    );
    expect(weighted.status).toBe(200);
    expect(weighted.body.rollupWeight).toBe(3);
    const [event] = await db.query(`SELECT changes FROM audit_events WHERE request_id = $1`, [
      weighted.get('X-Request-ID'),
    ]);
    expect(event.changes).toEqual({ rollupWeight: { old: null, new: 3 } });
    // The parent: (3 × 40 + 10) / 4 = 32.5.
    const parent = await get(cast.viewer, `/v1/actions/${ids.parent}`);
    expect(parent.body.rollup.percentComplete).toBe(32.5);
    await checkAll();
    // An editor may still change the rest of the action.
    const retitled = await patch(
      cast.editor,
      'sub 1',
      { title: 'Sub 1, herzien' },
      weighted.get('ETag'),
    );
    expect(retitled.status).toBe(200);
  });

  it("moves the parent's figures when a sub-action closes, and keeps the past as it was", async () => {
    const before = await get(cast.viewer, `/v1/actions/${ids.parent}`);
    const summaryBefore = await summary();
    const moment = new Date().toISOString();
    await progress('sub 2', { status: 'met' });
    const after = await get(cast.viewer, `/v1/actions/${ids.parent}`);
    expect(before.body.rollup).toMatchObject({ open: 2, closed: 1, health: 'at_risk' });
    // sub 1 (weight 3) at 40 and sub 2 met: (120 + 100) / 4 = 55; no more at risk.
    expect(after.body.rollup).toMatchObject({
      percentComplete: 55,
      open: 1,
      closed: 2,
      health: 'not_set',
      healthCount: 1,
    });
    await checkAll();
    // The same figures for a filtered report: only the open actions.
    const open = await summary('status=not_started,in_progress');
    for (const track of open.byTrack) {
      expect(track.rollup).toEqual(
        expectedRollup(await listed(`track=${track.track.id}&status=not_started,in_progress`)),
      );
    }
    // A report of the moment before: rewound from the audit log, weights too.
    await patch(
      cast.coordinator,
      'other',
      { rollupWeight: 5 },
      (await get(cast.coordinator, `/v1/actions/${ids.other}`)).get('ETag'),
    ).expect(200);
    const past = await summary(`asOf=${moment}`);
    expect(past.byTrack).toEqual(summaryBefore.byTrack);
    expect(past.byCommitment).toEqual(summaryBefore.byCommitment);
    expect((await summary()).byCommitment[0].rollup.percentComplete).not.toBe(
      summaryBefore.byCommitment[0].rollup.percentComplete,
    );
  });

  it('carries the roll-ups into the rendered report', async () => {
    const html = await get(
      cast.viewer,
      `/v1/programmes/${cast.programmeId}/reports/progress?format=html`,
    );
    expect(html.text).toContain('Voortgang per spoor');
    expect(html.text).toContain('Voortgang per afspraak');
    expect(html.text).toContain('Opschalingskorting structureel oplossen');
    const json = await get(cast.viewer, `/v1/programmes/${cast.programmeId}/reports/progress`);
    const body = JSON.parse(json.text);
    expect(body.summary.byCommitment[0].rollup).toEqual(
      (await get(cast.viewer, `/v1/commitments/${commitmentId}`)).body.rollup,
    );
    expect(body.actions.find((a: { id: string }) => a.id === ids['sub 1']).rollupWeight).toBe(3);
  });
});
