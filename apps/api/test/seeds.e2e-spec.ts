import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ClientSecretCipher, Passwords } from '@app/identity';
import { runSeeds, type SeedConfig } from '../../../seeds';
import { DEMO_USERS } from '../../../seeds/demo-users';
import { ACTIEAGENDA, ORGANISATIONS } from '../../../seeds/identity.seed';
import { startApi, testConfig } from '../../../test/support/e2e';
import {
  expectSummaryMatches,
  independentCounts,
  staleTimelineHeads,
} from '../../../test/support/report-counts';
import { createOwnDatabase } from '../../../test/support/own-database';

const NO_ADMIN: SeedConfig = { bootstrapAdmin: undefined, demoUsers: true };
const CODES = ORGANISATIONS.map((organisation) => organisation.code);
const EMAILS = DEMO_USERS.map((user) => user.email);

/**
 * Everything the identity seeds own, found by natural key. The file runs on a database of its
 * own, so that the demo data it loads does not show up in other files' lists.
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

let app: NestExpressApplication;
let dataSource: DataSource;
let database: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  database = await createOwnDatabase('seeds');
  app = await startApi({ config: testConfig({ DATABASE_URL: database.url }) });
  dataSource = app.get<DataSource>(getDataSourceToken());
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('identity seeds', () => {
  const passwords = new Passwords();

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

  it("reports the demo programme's progress with the numbers an independent count gives", async () => {
    const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator')!;
    const login = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: coordinator.email, password: coordinator.password })
      .expect(200);
    const [programme] = (await seeded(dataSource)).programmes as { id: string }[];
    const res = await request(app.getHttpServer())
      .get(`/v1/programmes/${programme.id}/reports/progress`)
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(res.body.summary.total).toBeGreaterThan(20);
    expect(res.body.actions).toHaveLength(res.body.summary.total);
    expectSummaryMatches(res.body.summary, await independentCounts(dataSource, programme.id));
    // The reports read each action's newest entries from its timeline head: seeded ones too.
    expect(await staleTimelineHeads(dataSource)).toEqual([]);
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

  describe("npm start's development identity provider", () => {
    const providers = (): Promise<
      {
        code: string;
        id: string;
        issuer: string;
        client_id: string;
        allowed_domains: string[];
        secret: Buffer;
      }[]
    > =>
      dataSource.query(
        `SELECT o.code, p.id, p.issuer, p.client_id, p.allowed_domains,
                p.client_secret_encrypted AS secret
           FROM identity_providers p JOIN organisations o ON o.id = p.organisation_id
          ORDER BY o.code`,
      );
    const dev = (port: number, clientSecret: string) => ({
      ...NO_ADMIN,
      devIdentityProvider: {
        url: `http://localhost:${port}`,
        clientId: 'sterk-bestuur-tracker',
        clientSecret,
        secretKey: testConfig().identityProviders.secretKey,
      },
    });

    it('is registered as the provider of BZK, VNG, IPO and UvW, only when start.ts runs it', async () => {
      await runSeeds(dataSource, NO_ADMIN);
      expect(await providers()).toEqual([]);
      await runSeeds(dataSource, dev(3090, 'first-start-client-secret'));
      const registered = await providers();
      expect(registered.map((p) => [p.code, p.issuer, p.client_id, p.allowed_domains])).toEqual(
        ['BZK', 'IPO', 'UVW', 'VNG'].map((code) => [
          code,
          `http://localhost:3090/${code.toLowerCase()}`,
          'sterk-bestuur-tracker',
          ['demo.sterk-bestuur.nl'],
        ]),
      );
      const cipher = app.get(ClientSecretCipher);
      for (const provider of registered) {
        expect(cipher.decrypt(provider.secret, provider.id)).toBe('first-start-client-secret');
      }
    });

    it("follows the next start's port and secret, but keeps a provider an administrator set", async () => {
      await dataSource.query(
        `UPDATE identity_providers SET issuer = 'https://login.ipo.example.nl'
          WHERE organisation_id = (SELECT id FROM organisations WHERE code = 'IPO')`,
      );
      await runSeeds(dataSource, dev(3091, 'second-start-client-secret'));
      const after = await providers();
      expect(after.map((p) => p.issuer)).toEqual([
        'http://localhost:3091/bzk',
        'https://login.ipo.example.nl',
        'http://localhost:3091/uvw',
        'http://localhost:3091/vng',
      ]);
      const bzk = after[0];
      expect(app.get(ClientSecretCipher).decrypt(bzk.secret, bzk.id)).toBe(
        'second-start-client-secret',
      );
    });
  });
});

describe('Actieagenda demo data', () => {
  const q = (sql: string, params: unknown[] = []): Promise<any[]> => dataSource.query(sql, params);
  const IN_PROGRAMME = `programme_id = (SELECT id FROM programmes WHERE slug = '${ACTIEAGENDA.slug}')`;

  /** Row count and a checksum of every row of every table the seeds write. */
  async function checksums(): Promise<Record<string, { rows: number; checksum: string }>> {
    const tables = [
      'organisations',
      'users',
      'memberships',
      'programmes',
      'tracks',
      'commitments',
      'commitment_parties',
      'commitment_references',
      'commitment_lineage',
      'actions',
      'action_partners',
      'progress_updates',
      'comments',
      'audit_events',
    ];
    const result: Record<string, { rows: number; checksum: string }> = {};
    for (const table of tables) {
      const [row] = await q(
        `SELECT count(*)::int AS rows,
                md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS checksum
           FROM ${table} t`,
      );
      result[table] = row;
    }
    return result;
  }

  beforeAll(async () => {
    await runSeeds(dataSource, NO_ADMIN);
  });

  it('loads at least 30 commitments of all six kinds, each with a source reference', async () => {
    const kinds = await q(
      `SELECT kind, count(*)::int AS count FROM commitments WHERE ${IN_PROGRAMME} GROUP BY kind`,
    );
    expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual([
      'agenda_item',
      'bofv_agreement',
      'overhedenoverleg_agreement',
      'parliamentary_pledge',
      'rob_recommendation',
      'udo_trajectory',
    ]);
    expect(
      kinds.reduce((sum: number, k: { count: number }) => sum + k.count, 0),
    ).toBeGreaterThanOrEqual(30);
    expect(
      await q(
        `SELECT c.title FROM commitments c WHERE c.${IN_PROGRAMME}
            AND (NOT EXISTS (SELECT 1 FROM commitment_references r WHERE r.commitment_id = c.id)
              OR NOT EXISTS (SELECT 1 FROM commitment_parties p WHERE p.commitment_id = c.id))`,
      ),
    ).toEqual([]);
    const [lineage] = await q('SELECT count(*)::int AS count FROM commitment_lineage');
    expect(lineage.count).toBeGreaterThan(0);
  });

  it('takes its facts from the source documents', async () => {
    const [opschalingskorting] = await q(
      `SELECT c.attributes, array_agg(r.kamerstuk ORDER BY r.position) AS kamerstukken
         FROM commitments c JOIN commitment_references r ON r.commitment_id = c.id
        WHERE c.title LIKE 'Oploop van de opschalingskorting%' GROUP BY c.id`,
    );
    expect(opschalingskorting).toEqual({
      attributes: {
        meetingDate: '2024-04-15',
        financialEffect: { amountEuroPerYear: 675_000_000, fromYear: 2026 },
      },
      kamerstukken: ['29362-M', null],
    });
    const rob = await q(
      `SELECT c.attributes->>'recommendationNumber' AS number, c.attributes->>'cabinetResponse' AS response
         FROM commitments c JOIN commitment_references r ON r.commitment_id = c.id
        WHERE c.attributes->>'adviceTitle' = 'Rol nemen, Ruimte geven' AND r.kamerstuk = '29362-296'
        ORDER BY 1`,
    );
    expect(rob).toEqual([
      { number: '1', response: 'embraced' },
      { number: '2', response: 'embraced' },
      { number: '3', response: 'partially_embraced' },
    ]);
    const udo = await q(
      `SELECT o.kind FROM commitments c
         LEFT JOIN organisations o ON o.id::text = c.attributes->>'leadMinistryId'
        WHERE c.kind = 'udo_trajectory'`,
    );
    expect(udo.length).toBeGreaterThan(0);
    expect(new Set(udo.map((row: { kind: string }) => row.kind))).toEqual(new Set(['ministry']));
    const [provinces] = await q(
      `SELECT count(*)::int AS count FROM organisations WHERE kind = 'province'`,
    );
    expect(provinces.count).toBe(12);
  });

  it('loads at least 40 actions whose status, health, verification and timeline keep the rules', async () => {
    const actions = await q(
      `SELECT a.id, a.status, a.health, a.verification, a.percent_complete, a.closed_at, a.track_id,
              a.latest_narrative, a.parent_action_id, a.programme_id,
              (SELECT p.narrative FROM progress_updates p WHERE p.action_id = a.id AND p.kind = 'progress'
                ORDER BY p.created_at DESC, p.id DESC LIMIT 1) AS last_narrative,
              EXISTS (SELECT 1 FROM progress_updates p WHERE p.action_id = a.id
                       AND coalesce(p.reason, '') <> '') AS has_reason
         FROM actions a WHERE a.${IN_PROGRAMME}`,
    );
    expect(actions.length).toBeGreaterThanOrEqual(40);
    const closed = ['met', 'partially_met', 'lapsed'];
    for (const a of actions) {
      const isClosed = closed.includes(a.status);
      expect({ id: a.id, closedAt: a.closed_at !== null, track: a.track_id !== null }).toEqual({
        id: a.id,
        closedAt: isClosed,
        track: true,
      });
      if (isClosed) expect(a.health).toBe('not_set');
      else expect(a.verification).toBe('self_reported');
      if (a.status === 'met') expect(a.percent_complete).toBe(100);
      if (
        ['at_risk', 'off_track'].includes(a.health) ||
        ['partially_met', 'lapsed'].includes(a.status)
      )
        expect({ id: a.id, reason: a.has_reason }).toEqual({ id: a.id, reason: true });
      expect(a.latest_narrative).toBe(a.last_narrative);
      if (a.parent_action_id) {
        const parent = actions.find((p: { id: string }) => p.id === a.parent_action_id);
        expect({ parentInProgramme: !!parent, nested: !!parent?.parent_action_id }).toEqual({
          parentInProgramme: true,
          nested: false,
        });
      }
    }
    const statuses = new Set(actions.map((a: { status: string }) => a.status));
    expect(statuses).toEqual(new Set(['not_started', 'in_progress', ...closed]));
    const [reviews] = await q(
      `SELECT count(*) FILTER (WHERE c.position IS NOT NULL)::int AS positions,
              count(DISTINCT o.code) FILTER (WHERE o.code IN ('VNG', 'IPO', 'UVW'))::int AS partners
         FROM comments c JOIN organisations o ON o.id = c.author_organisation_id`,
    );
    expect(reviews).toEqual({ positions: expect.any(Number), partners: 3 });
    expect(reviews.positions).toBeGreaterThanOrEqual(10);
  });

  it('has a demo user for every role in BZK, VNG, IPO and UvW', async () => {
    const rows = await q(
      `SELECT DISTINCT o.code, m.role FROM memberships m
         JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = u.organisation_id
        WHERE m.${IN_PROGRAMME} AND o.code IN ('BZK', 'VNG', 'IPO', 'UVW')`,
    );
    const pairs = new Set(
      rows.map((row: { code: string; role: string }) => `${row.code}:${row.role}`),
    );
    for (const code of ['BZK', 'VNG', 'IPO', 'UVW'])
      for (const role of ['coordinator', 'editor', 'liaison', 'viewer'])
        expect(pairs).toContain(`${code}:${role}`);
  });

  it('writes no audit events for the demo data', async () => {
    const [events] = await q(
      `SELECT count(*)::int AS count FROM audit_events
        WHERE entity_id IN (SELECT id::text FROM commitments UNION ALL SELECT id::text FROM actions)`,
    );
    expect(events.count).toBe(0);
  });

  it('changes nothing when run again, and finds everything in well under a second', async () => {
    const before = await checksums();
    const started = performance.now();
    await runSeeds(dataSource, NO_ADMIN);
    const elapsed = performance.now() - started;
    await runSeeds(dataSource, NO_ADMIN);
    expect(await checksums()).toEqual(before);
    expect(elapsed).toBeLessThan(1000);
  });

  async function signIn(email: string): Promise<string> {
    const user = DEMO_USERS.find((demo) => demo.email === email)!;
    const login = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    return `Bearer ${login.body.accessToken}`;
  }

  it('reads through the API as a demo user sees it', async () => {
    const auth = await signIn('viewer.vng@demo.sterk-bestuur.nl');
    const get = (url: string) =>
      request(app.getHttpServer()).get(url).set('Authorization', auth).expect(200);
    const [programme] = (await get('/v1/programmes')).body.data;
    const commitments = (await get(`/v1/commitments?programme=${programme.id}&limit=200`)).body
      .data;
    expect(commitments.length).toBeGreaterThanOrEqual(30);
    const actions = (await get(`/v1/actions?programme=${programme.id}&limit=200`)).body.data;
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(actions.filter((a: { overdue: boolean }) => a.overdue).length).toBeGreaterThanOrEqual(3);
    const reviewed = actions.find((a: { positions: { position: string }[] }) =>
      a.positions.some((p) => p.position === 'objects'),
    );
    expect(reviewed).toBeDefined();
    const timeline = (await get(`/v1/actions/${reviewed.id}/progress-updates`)).body.data;
    expect(timeline[0]).toMatchObject({ narrative: reviewed.latestNarrative });
    expect(timeline.some((u: { reason: string | null }) => !!u.reason)).toBe(true);
    expect((await get(`/v1/actions/${reviewed.id}/comments`)).body.data.length).toBeGreaterThan(0);
    await get(`/v1/actions/${reviewed.id}/history`);
  });

  it('leaves what people changed since alone', async () => {
    const [action] = await q(
      `SELECT a.id FROM actions a WHERE a.${IN_PROGRAMME}
          AND EXISTS (SELECT 1 FROM action_partners p WHERE p.action_id = a.id)
        ORDER BY a.title LIMIT 1`,
    );
    await q(
      `UPDATE actions SET title = 'Eigen titel', percent_complete = 0 WHERE id = $1 AND status <> 'met'`,
      [action.id],
    );
    await q(
      `UPDATE actions SET description = 'Eigen omschrijving', version = version + 1 WHERE id = $1`,
      [action.id],
    );
    await q('DELETE FROM action_partners WHERE action_id = $1', [action.id]);
    await q(
      `UPDATE commitments SET title = 'Hernoemde afspraak' WHERE id =
         (SELECT id FROM commitments WHERE ${IN_PROGRAMME} ORDER BY title LIMIT 1)`,
    );
    await q(
      `DELETE FROM commitment_references WHERE position > 0 AND commitment_id =
         (SELECT commitment_id FROM commitment_references WHERE position = 1 LIMIT 1)`,
    );
    const before = await checksums();
    await runSeeds(dataSource, NO_ADMIN);
    expect(await checksums()).toEqual(before);
  });

  it('lets the owner carry on with a seeded action through the API', async () => {
    const auth = await signIn('editor.bzk@demo.sterk-bestuur.nl');
    const [action] = await q(
      `SELECT a.id FROM actions a JOIN users u ON u.id = a.owner_user_id
        WHERE u.email = 'editor.bzk@demo.sterk-bestuur.nl' AND a.status = 'in_progress'
        ORDER BY a.deadline LIMIT 1`,
    );
    const current = await request(app.getHttpServer())
      .get(`/v1/actions/${action.id}`)
      .set('Authorization', auth)
      .expect(200);
    const posted = await request(app.getHttpServer())
      .post(`/v1/actions/${action.id}/progress-updates`)
      .set('Authorization', auth)
      .set('If-Match', current.headers.etag)
      .send({ percentComplete: 95, narrative: 'Bijna klaar; afronding deze week.' });
    expect(posted.status).toBeLessThan(300);
    const [after] = await q(
      'SELECT percent_complete, latest_narrative FROM actions WHERE id = $1',
      [action.id],
    );
    expect(after).toEqual({
      percent_complete: 95,
      latest_narrative: 'Bijna klaar; afronding deze week.',
    });
  });
});
