/**
 * The read paths of actions (issue 23): one action and a page of them are read in one
 * statement each, the write paths answer through their own reads; all three must show an
 * action alike, with everything beside its row (owner, partners, positions, roll-up).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

describe('action reads: one action, the list and a change answer the same JSON', () => {
  let app: NestExpressApplication;
  let cast: TrackingCast;
  const ids: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const get = (actor: Actor, path: string) =>
    http().get(path).set('Authorization', `Bearer ${actor.token}`);

  beforeAll(async () => {
    app = await startApi();
    const fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    const create = async (name: string, body: Record<string, unknown> = {}) => {
      const res = await fixtures.action(cast.coordinator, {
        ...TrackingFixtures.actionBody(cast, name),
        ...body,
      });
      ids[name] = res.body.id;
    };
    await create('parent', {
      tags: ['beleidskader'],
      partners: [
        { organisationId: cast.partner.id, role: 'contributor' },
        { organisationId: cast.other.id, role: 'co_owner' },
      ],
    });
    await create('sub', { parentActionId: ids.parent, trackId: undefined });
    await create('plain', { partners: [] });
    await http()
      .post(`/v1/actions/${ids.parent}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .send({ body: 'De VNG heeft zorgen over de uitvoeringslasten.', position: 'concerns' })
      .expect(201);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers GET one action as the list shows it, decorations included', async () => {
    const list = await get(cast.viewer, `/v1/actions?programme=${cast.programmeId}&limit=200`);
    expect(list.status).toBe(200);
    for (const name of ['parent', 'sub', 'plain']) {
      const one = await get(cast.viewer, `/v1/actions/${ids[name]}`).expect(200);
      expect(one.get('ETag')).toBe(`"${one.body.version}"`);
      expect(list.body.data.find((a: { id: string }) => a.id === ids[name])).toEqual(one.body);
    }
    const parent = await get(cast.viewer, `/v1/actions/${ids.parent}`);
    expect(parent.body.partners.map((p: { role: string }) => p.role).sort()).toEqual([
      'co_owner',
      'contributor',
    ]);
    expect(parent.body.positions).toEqual([
      expect.objectContaining({ organisationId: cast.partner.id, position: 'concerns' }),
    ]);
    expect(parent.body.rollup).toMatchObject({ total: 1, open: 1 });
    expect((await get(cast.viewer, `/v1/actions/${ids.sub}`)).body.rollup).toBeNull();
  });

  it('answers the instants of a closed action alike in one action and the list', async () => {
    // One action is read as JSON (its instants as PostgreSQL's text), the list as columns.
    const progress = (body: Record<string, unknown>, version: string) =>
      http()
        .post(`/v1/actions/${ids.plain}/progress-updates`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
        .set('If-Match', version)
        .send(body)
        .expect(201);
    const before = await get(cast.coordinator, `/v1/actions/${ids.plain}`).expect(200);
    await progress({ status: 'in_progress', narrative: 'Gestart' }, before.get('ETag') ?? '');
    await progress({ status: 'met', narrative: 'Afgerond' }, `"${before.body.version + 1}"`);
    const one = await get(cast.viewer, `/v1/actions/${ids.plain}`).expect(200);
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    expect(one.body.closedAt).toMatch(iso);
    expect(one.body.createdAt).toMatch(iso);
    expect(one.body.updatedAt).toMatch(iso);
    const list = await get(cast.viewer, `/v1/actions?programme=${cast.programmeId}&limit=200`);
    expect(list.body.data.find((a: { id: string }) => a.id === ids.plain)).toEqual(one.body);
  });

  it('answers a change as the next read answers the action', async () => {
    const before = await get(cast.coordinator, `/v1/actions/${ids.parent}`).expect(200);
    const changed = await http()
      .patch(`/v1/actions/${ids.parent}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', before.get('ETag') ?? '')
      .send({ title: 'Beleidskader decentraal bestuur, herzien' })
      .expect(200);
    const after = await get(cast.viewer, `/v1/actions/${ids.parent}`).expect(200);
    expect(changed.body).toEqual(after.body);
    const filtered = await get(
      cast.viewer,
      `/v1/actions?programme=${cast.programmeId}&q=herzien&limit=10`,
    ).expect(200);
    expect(filtered.body.data).toEqual([after.body]);
  });
});
