import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

/**
 * Events that real requests record verify as they are: whatever a client sends (a capitalised
 * id, any Unicode), the hash is taken over what the database keeps.
 */
describe('audit events recorded through HTTP stay verifiable', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: IdentityFixtures;
  let admin: Actor;
  let outsider: Actor;
  let programmeId: string;

  const call = (method: 'get' | 'post' | 'patch', path: string, token: string, body?: object) => {
    const req = request(app.getHttpServer())[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };
  const eventsOf = (res: Response) =>
    db.query<{ operation: string; programme_id: string | null; details: any }[]>(
      'SELECT operation, programme_id, details FROM audit_events WHERE request_id = $1',
      [res.get('X-Request-ID')],
    );
  const verify = async () => {
    const res = await call('get', '/v1/audit-events/verify', admin.token).expect(200);
    return res.body as { valid: boolean; checked: number; reason?: string };
  };

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new IdentityFixtures(app);
    admin = await fixtures.user({ isPlatformAdmin: true });
    outsider = await fixtures.user();
    programmeId = (await fixtures.programme()).id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('verifies after a refusal that names the programme id in capitals', async () => {
    const res = await call(
      'get',
      `/v1/programmes/${programmeId.toUpperCase()}/members`,
      outsider.token,
    );
    expect(res.status).toBe(404);
    expect(await eventsOf(res)).toEqual([
      expect.objectContaining({ operation: 'permission_denied', programme_id: programmeId }),
    ]);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('verifies after an API token made for a programme id in capitals', async () => {
    const res = await call('post', '/v1/me/api-tokens', admin.token, {
      name: 'Koppeling',
      programmeId: programmeId.toUpperCase(),
      scope: 'read',
    });
    expect(res.status).toBe(201);
    expect(await eventsOf(res)).toEqual([
      expect.objectContaining({ operation: 'token_created', programme_id: programmeId }),
    ]);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('verifies after changes written in any script, astral characters included', async () => {
    const res = await call('post', '/v1/organisations', admin.token, {
      code: `U${Date.now().toString(36)}`.slice(0, 16).toUpperCase(),
      name: 'Provinsje Fryslân — “Ljouwert” 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀 \\ "quote" \u0007',
      kind: 'province',
    });
    expect(res.status).toBe(201);
    expect(await eventsOf(res)).toHaveLength(1);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('refuses text that is not valid Unicode before anything is written', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/organisations')
      .set('Authorization', `Bearer ${admin.token}`)
      .set('Content-Type', 'application/json')
      .send('{"code": "SURROGATE", "name": "half \\ud83d", "kind": "province"}');
    expect(res.status).toBe(400);
    expect(await eventsOf(res)).toEqual([]);
  });

  it('records a repeated refusal once a minute, then with the count of the ones in between', async () => {
    const other = (await fixtures.programme()).id;
    const first = await call('get', `/v1/programmes/${other}`, outsider.token);
    const second = await call('get', `/v1/programmes/${other}`, outsider.token);
    expect([first.status, second.status]).toEqual([404, 404]);
    expect(await eventsOf(first)).toHaveLength(1);
    expect(await eventsOf(second)).toEqual([]);
    expect(await verify()).toMatchObject({ valid: true });
  });
});
