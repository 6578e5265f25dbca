import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Passwords } from '@app/identity';
import { runSeeds, type SeedConfig } from '../../../seeds';
import { DEMO_USERS } from '../../../seeds/demo-users';
import { ACTIEAGENDA, ORGANISATIONS } from '../../../seeds/identity.seed';
import { startApi } from '../../../test/support/e2e';

const NO_ADMIN: SeedConfig = { bootstrapAdmin: undefined, demoUsers: true };
const CODES = ORGANISATIONS.map((organisation) => organisation.code);
const EMAILS = DEMO_USERS.map((user) => user.email);

/**
 * Everything the identity seeds own, found by natural key (the test database is shared with
 * the other test files, so nothing else in it is assumed).
 */
async function seeded(dataSource: DataSource) {
  const q = (sql: string, params: unknown[]) => dataSource.query(sql, params);
  return {
    organisations: await q(
      'SELECT id, code, name, kind, updated_at FROM organisations WHERE code = ANY($1) ORDER BY code',
      [CODES],
    ),
    programmes: await q(
      'SELECT id, name, description, status, updated_at FROM programmes WHERE slug = $1',
      [ACTIEAGENDA.slug],
    ),
    tracks: await q(
      `SELECT t.id, t.name, t.position, t.updated_at FROM tracks t
         JOIN programmes p ON p.id = t.programme_id WHERE p.slug = $1 ORDER BY t.position`,
      [ACTIEAGENDA.slug],
    ),
    users: await q(
      `SELECT u.id, u.email, u.display_name, u.password_hash, u.is_platform_admin, o.code, u.updated_at
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.email = ANY($1) ORDER BY u.email`,
      [EMAILS],
    ),
    memberships: await q(
      `SELECT m.id, u.email, m.role, m.updated_at FROM memberships m
         JOIN users u ON u.id = m.user_id JOIN programmes p ON p.id = m.programme_id
        WHERE p.slug = $1 AND u.email = ANY($2) ORDER BY u.email`,
      [ACTIEAGENDA.slug, EMAILS],
    ),
  };
}

describe('identity seeds', () => {
  let app: NestExpressApplication;
  let dataSource: DataSource;
  const passwords = new Passwords();

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await app.close();
  });

  it('loads the organisations, the Actieagenda with its four lines of work, and a demo user per role', async () => {
    const names = await runSeeds(dataSource, NO_ADMIN);
    expect(names).toEqual(
      expect.arrayContaining([
        'organisations',
        'programme actieagenda-sterk-bestuur',
        'demo users',
        'bootstrap administrator',
      ]),
    );
    const data = await seeded(dataSource);
    expect(data.organisations.map((o: { code: string }) => o.code)).toEqual([...CODES].sort());
    expect(data.programmes).toEqual([
      expect.objectContaining({ name: 'Actieagenda Sterk Bestuur', status: 'active' }),
    ]);
    expect(data.tracks.map((t: { name: string }) => t.name)).toEqual(
      ACTIEAGENDA.tracks.map((track) => track.name),
    );
    expect(data.tracks.map((t: { position: number }) => t.position)).toEqual([0, 1, 2, 3]);
    expect(data.users).toHaveLength(DEMO_USERS.length);

    const roles = Object.fromEntries(
      data.memberships.map((m: { email: string; role: string }) => [m.email, m.role]),
    );
    for (const user of DEMO_USERS) {
      const row = data.users.find((u: { email: string }) => u.email === user.email);
      expect({ email: user.email, code: row.code, admin: row.is_platform_admin }).toEqual({
        email: user.email,
        code: user.organisationCode,
        admin: user.role === 'platform_admin',
      });
      expect(roles[user.email]).toBe(user.role === 'platform_admin' ? undefined : user.role);
    }
    expect(new Set(DEMO_USERS.map((user) => user.role))).toEqual(
      new Set(['platform_admin', 'coordinator', 'editor', 'liaison', 'viewer']),
    );
  });

  it('changes nothing when run again', async () => {
    const before = await seeded(dataSource);
    await runSeeds(dataSource, NO_ADMIN);
    await runSeeds(dataSource, NO_ADMIN);
    expect(await seeded(dataSource)).toEqual(before);
  });

  it('leaves what people changed since alone', async () => {
    const [coordinator] = await dataSource.query('SELECT id FROM users WHERE email = $1', [
      'coordinator@demo.sterk-bestuur.nl',
    ]);
    await dataSource.query(
      `UPDATE tracks SET name = 'Hernoemd' WHERE position = 0
          AND programme_id = (SELECT id FROM programmes WHERE slug = $1)`,
      [ACTIEAGENDA.slug],
    );
    await dataSource.query(`UPDATE users SET display_name = 'Renamed' WHERE id = $1`, [
      coordinator.id,
    ]);
    const before = await seeded(dataSource);
    await runSeeds(dataSource, NO_ADMIN);
    expect(await seeded(dataSource)).toEqual(before);
    expect(before.tracks).toHaveLength(4);
  });

  it('gives every demo user a password that passes the policy and verifies', async () => {
    const users = (await seeded(dataSource)).users as { email: string; password_hash: string }[];
    for (const demo of DEMO_USERS) {
      expect({
        email: demo.email,
        problems: passwords.check(demo.password, 'p', demo.email),
      }).toEqual({ email: demo.email, problems: [] });
      const row = users.find((user) => user.email === demo.email)!;
      await expect(passwords.verify(row.password_hash, demo.password)).resolves.toBe(true);
    }
  });

  it('lets a demo user sign in and see the Actieagenda with its tracks', async () => {
    const viewer = DEMO_USERS.find((user) => user.role === 'viewer')!;
    const login = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: viewer.email, password: viewer.password })
      .expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    const list = await request(app.getHttpServer())
      .get('/v1/programmes')
      .set('Authorization', auth)
      .expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ slug: ACTIEAGENDA.slug, role: 'viewer' }),
    ]);
    const tracks = await request(app.getHttpServer())
      .get(`/v1/programmes/${list.body.data[0].id}/tracks`)
      .set('Authorization', auth)
      .expect(200);
    expect(tracks.body.data).toHaveLength(4);
  });

  describe('bootstrap administrator', () => {
    const email = `bootstrap-${Date.now().toString(36)}@example.nl`;
    const hashOf = async (
      address: string,
    ): Promise<{ password_hash: string; is_platform_admin: boolean; code: string }> => {
      const rows: { password_hash: string; is_platform_admin: boolean; code: string }[] =
        await dataSource.query(
          `SELECT u.password_hash, u.is_platform_admin, o.code FROM users u
             JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1`,
          [address],
        );
      return rows[0];
    };

    it('is created as a platform administrator of BZK when no user has the e-mail', async () => {
      await runSeeds(dataSource, {
        bootstrapAdmin: { email, password: 'Eerste beheerder van het platform' },
        demoUsers: true,
      });
      const row = await hashOf(email);
      expect(row).toMatchObject({ is_platform_admin: true, code: 'BZK' });
      const events = await dataSource.query(
        `SELECT e.actor_type, e.operation, e.details, e.changes FROM audit_events e
         JOIN users u ON u.id::text = e.entity_id WHERE u.email = $1`,
        [email],
      );
      expect(events).toEqual([
        {
          actor_type: 'system',
          operation: 'create',
          details: { via: 'bootstrap' },
          changes: expect.objectContaining({ isPlatformAdmin: { new: true } }),
        },
      ]);
      await expect(
        passwords.verify(row.password_hash, 'Eerste beheerder van het platform'),
      ).resolves.toBe(true);
    });

    it('is never changed on later starts, even with another password', async () => {
      const before = await hashOf(email);
      await runSeeds(dataSource, {
        bootstrapAdmin: { email, password: 'Een ander wachtwoord voor later' },
        demoUsers: true,
      });
      expect(await hashOf(email)).toEqual(before);
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events e
         JOIN users u ON u.id::text = e.entity_id WHERE u.email = $1`,
        [email],
      );
      expect(count).toBe(1);
    });

    it('does not turn an existing account into an administrator', async () => {
      const demo = DEMO_USERS.find((user) => user.role === 'viewer')!;
      const before = await hashOf(demo.email);
      await runSeeds(dataSource, {
        bootstrapAdmin: { email: demo.email, password: 'Overname via de omgeving' },
        demoUsers: true,
      });
      expect(await hashOf(demo.email)).toEqual(before);
      expect(before.is_platform_admin).toBe(false);
    });
  });
});
