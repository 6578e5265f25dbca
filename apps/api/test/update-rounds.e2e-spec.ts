import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

describe('update rounds as their members see them: what is asked of me', () => {
  let app: NestExpressApplication;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let rounds: string;
  let roundId: string;
  const actions: Record<'mine' | 'myOrganisations' | 'elsewhere', { id: string; version: number }> =
    {} as never;

  const http = () => request(app.getHttpServer());
  const get = (actor: Actor, path: string) =>
    http().get(path).set('Authorization', `Bearer ${actor.token}`);
  /** The ids of the round's actions that `actor` sees with `query`. */
  const asked = async (actor: Actor, query: string): Promise<string[]> => {
    const res = await get(actor, `${rounds}/${roundId}/actions?${query}`).expect(200);
    return (res.body.data as { actionId: string }[]).map((row) => row.actionId).sort();
  };

  beforeAll(async () => {
    app = await startApi();
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    rounds = `/v1/programmes/${cast.programmeId}/update-rounds`;
    const create = async (title: string, body: Record<string, unknown>) => {
      const res = await fixtures.action(cast.coordinator, {
        ...TrackingFixtures.actionBody(cast, title),
        ...body,
      });
      return { id: res.body.id as string, version: res.body.version as number };
    };
    actions.mine = await create('Handreiking opstellen', { ownerUserId: cast.editor.userId });
    actions.myOrganisations = await create('Kennisbijeenkomst organiseren', {});
    actions.elsewhere = await create('Provinciale monitor bijwerken', {
      ownerOrganisationId: cast.other.id,
    });
    const round = await http()
      .post(rounds)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({ title: 'Voortgang voorjaar', dueDate: '2099-03-15', message: 'Graag een update.' })
      .expect(201);
    roundId = round.body.id as string;
    const cancelled = await http()
      .post(rounds)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({ title: 'Ingetrokken ronde', dueDate: '2099-03-15' })
      .expect(201);
    await http()
      .delete(`${rounds}/${cancelled.body.id}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets every member list the open rounds of the programme', async () => {
    for (const member of [cast.editor, cast.viewer, cast.liaison]) {
      const res = await get(member, `${rounds}?state=open`).expect(200);
      expect(res.body.data.map((round: { title: string }) => round.title)).toEqual([
        'Voortgang voorjaar',
      ]);
    }
    const all = await get(cast.editor, rounds).expect(200);
    expect(all.body.data.map((round: { state: string }) => round.state)).toEqual([
      'cancelled',
      'open',
    ]);
    await get(cast.viewer, `${rounds}/${roundId}`).expect(200);
  });

  it("shows an owner the round's actions still waiting for their update, and their organisation's", async () => {
    expect(await asked(cast.editor, 'updated=false&ownerUser=me')).toEqual([actions.mine.id]);
    expect(await asked(cast.editor, `updated=false&ownerOrganisation=${cast.owner.id}`)).toEqual(
      [actions.mine.id, actions.myOrganisations.id].sort(),
    );
    expect(
      await asked(cast.otherEditor, `updated=false&ownerOrganisation=${cast.other.id}`),
    ).toEqual([actions.elsewhere.id]);
    expect(await asked(cast.liaison, 'updated=false&ownerUser=me')).toEqual([]);
    expect(await asked(cast.coordinator, `ownerUser=${cast.editor.userId.toUpperCase()}`)).toEqual([
      actions.mine.id,
    ]);
  });

  it('drops an action from what is asked once its owner posts a progress update', async () => {
    await http()
      .post(`/v1/actions/${actions.mine.id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${actions.mine.version}"`)
      .send({ narrative: 'Concept ligt bij de VNG ter bespreking.', percentComplete: 40 })
      .expect(201);

    expect(await asked(cast.editor, 'updated=false&ownerUser=me')).toEqual([]);
    expect(await asked(cast.editor, 'updated=true&ownerUser=me')).toEqual([actions.mine.id]);
    const round = await get(cast.editor, `${rounds}/${roundId}`).expect(200);
    expect(round.body.completion).toEqual({ total: 3, updated: 1, notUpdated: 2 });
  });

  it('leaves starting and cancelling rounds to coordinators', async () => {
    await http()
      .post(rounds)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .send({ title: 'Eigen ronde', dueDate: '2099-03-15' })
      .expect(403);
    await http()
      .delete(`${rounds}/${roundId}`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .expect(403);
  });

  it('refuses bad filters with a 400 naming each, and hides the rounds from outsiders', async () => {
    const res = await get(
      cast.editor,
      `${rounds}/${roundId}/actions?ownerUser=mine&ownerOrganisation=VNG`,
    ).expect(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'ownerOrganisation',
      'ownerUser',
    ]);
    const state = await get(cast.editor, `${rounds}?state=closed`).expect(400);
    expect(state.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['state']);
    await get(cast.outsider, `${rounds}?state=open`).expect(404);
  });
});
