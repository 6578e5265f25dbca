import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import request, { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { Passwords } from '@app/identity';
import { startApi } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

type Method = 'get' | 'post' | 'patch' | 'put';

/** A tag unique to this run, so that searches find only what this file made. */
const TAG = `D${Date.now().toString(36).toUpperCase().slice(-6)}`;
/** The same in lower case, for e-mail addresses (stored lower-case). */
const tag = TAG.toLowerCase();

describe('directory: organisations, users and /me', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let db: DataSource;
  let admin: Actor;
  let member: Actor;
  /** Every response body this file received, to prove no password hash ever leaves. */
  const bodies: string[] = [];

  beforeAll(async () => {
    app = await startApi();
    fixtures = new IdentityFixtures(app);
    db = app.get<DataSource>(getDataSourceToken());
    admin = await fixtures.user({ isPlatformAdmin: true });
    member = await fixtures.user();
  });

  afterAll(async () => {
    await app.close();
  });

  async function call(
    method: Method,
    path: string,
    token?: string,
    body?: object,
  ): Promise<Response> {
    let req = request(app.getHttpServer())[method](path);
    if (token !== undefined) req = req.set('Authorization', `Bearer ${token}`);
    const res = body === undefined ? await req : await req.send(body);
    bodies.push(res.text);
    return res;
  }

  function expectProblem(res: Response, status: number, code: string): void {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }

  const invalidNames = (res: Response): string[] =>
    (res.body.invalidParams as { name: string }[]).map((param) => param.name).sort();

  /** The path and query of a `_links` href, to follow it through supertest. */
  const pathOf = (href: string) => {
    const url = new URL(href);
    return `${url.pathname}${url.search}`;
  };

  /** Follows `_links.next` from `path` and gathers every item. */
  async function walk<T>(path: string, token: string): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let next: string | undefined = path;
    let pages = 0;
    while (next !== undefined) {
      const res = await call('get', next, token);
      expect(res.status).toBe(200);
      items.push(...(res.body.data as T[]));
      next = res.body._links.next ? pathOf(res.body._links.next.href) : undefined;
      pages += 1;
      if (pages > 50) throw new Error('pagination did not end');
    }
    return { items, pages };
  }

  async function newApiToken(userId: string): Promise<string> {
    const programme = await fixtures.programme();
    await fixtures.member(programme.id, userId, 'viewer');
    const token = `sbt_${randomBytes(32).toString('base64url')}`;
    await db.query(
      `INSERT INTO api_tokens (user_id, programme_id, name, scope, token_hash, token_prefix)
       VALUES ($1, $2, 'integration', 'read', $3, $4)`,
      [userId, programme.id, createHash('sha256').update(token).digest('hex'), token.slice(0, 12)],
    );
    return token;
  }

  /** The user's row as stored, to prove what a refused request did not change. */
  async function userRow(id: string): Promise<Record<string, any>> {
    const rows: Record<string, any>[] = await db.query(
      `SELECT email, display_name, organisation_id, password_hash, is_active, is_platform_admin,
              updated_at FROM users WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  describe('organisations', () => {
    it('lets a platform administrator create one: 201, Location, and it can be read back', async () => {
      const res = await call('post', '/v1/organisations', admin.token, {
        code: `${TAG}-BZK`,
        name: `Ministerie ${TAG}`,
        kind: 'ministry',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code: `${TAG}-BZK`,
        name: `Ministerie ${TAG}`,
        kind: 'ministry',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(res.headers.location).toMatch(new RegExp(`/v1/organisations/${res.body.id}$`));
      const read = await call('get', pathOf(res.headers.location), member.token);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('refuses a code in use with 409 ORGANISATION_CODE_TAKEN, on create and on update', async () => {
      const taken = await fixtures.organisation();
      const res = await call('post', '/v1/organisations', admin.token, {
        code: taken.code,
        name: 'Copy',
        kind: 'other',
      });
      expectProblem(res, 409, 'ORGANISATION_CODE_TAKEN');
      const other = await fixtures.organisation();
      const update = await call('patch', `/v1/organisations/${other.id}`, admin.token, {
        code: taken.code,
      });
      expectProblem(update, 409, 'ORGANISATION_CODE_TAKEN');
      const [row] = await db.query('SELECT code FROM organisations WHERE id = $1', [other.id]);
      expect(row.code).toBe(other.code);
    });

    it('reports every invalid property at once', async () => {
      const res = await call('post', '/v1/organisations', admin.token, {
        code: 'vng',
        name: '',
        kind: 'club',
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect([...new Set(invalidNames(res))]).toEqual(['code', 'kind', 'name']);
    });

    it('refuses fields a client may not set (mass assignment) and creates nothing', async () => {
      const code = `${TAG}-MASS`;
      const res = await call('post', '/v1/organisations', admin.token, {
        code,
        name: 'Mass assignment',
        kind: 'other',
        id: '00000000-0000-4000-8000-000000000000',
        isPlatformAdmin: true,
        createdAt: '2000-01-01T00:00:00Z',
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(invalidNames(res)).toEqual(['createdAt', 'id', 'isPlatformAdmin']);
      const rows = await db.query('SELECT 1 FROM organisations WHERE code = $1', [code]);
      expect(rows).toHaveLength(0);
    });

    it('lists a page at a time, filtered by kind and search, sorted by name or code', async () => {
      const made: { code: string; name: string; kind: string }[] = [
        { code: `${TAG}-E`, name: `${TAG} echo waterschap`, kind: 'water_board' },
        { code: `${TAG}-A`, name: `${TAG} Alfa`, kind: 'ministry' },
        { code: `${TAG}-D`, name: `${TAG} delta`, kind: 'province' },
        { code: `${TAG}-C`, name: `${TAG} Charlie`, kind: 'ministry' },
        { code: `${TAG}-B`, name: `${TAG} bravo`, kind: 'municipality' },
      ];
      for (const organisation of made) {
        expect((await call('post', '/v1/organisations', admin.token, organisation)).status).toBe(
          201,
        );
      }
      // The search is case-insensitive and finds the tag in every name made here.
      const byName = await walk<{ name: string }>(
        `/v1/organisations?q=${tag}%20&limit=2`,
        member.token,
      );
      expect(byName.pages).toBe(3);
      expect(byName.items.map((organisation) => organisation.name)).toEqual([
        `${TAG} Alfa`,
        `${TAG} bravo`,
        `${TAG} Charlie`,
        `${TAG} delta`,
        `${TAG} echo waterschap`,
      ]);

      const byCode = await walk<{ code: string }>(
        `/v1/organisations?q=${TAG}-&sort=-code&limit=3`,
        member.token,
      );
      expect(byCode.items.map((organisation) => organisation.code)).toEqual([
        `${TAG}-E`,
        `${TAG}-D`,
        `${TAG}-C`,
        `${TAG}-BZK`,
        `${TAG}-B`,
        `${TAG}-A`,
      ]);

      const ministries = await call(
        'get',
        `/v1/organisations?kind=ministry&q=${TAG}%20`,
        member.token,
      );
      expect(
        ministries.body.data.map((organisation: { code: string }) => organisation.code),
      ).toEqual([`${TAG}-A`, `${TAG}-C`]);

      // The way back from the second page leads to the first.
      const first = await call('get', `/v1/organisations?q=${TAG}%20&limit=2`, member.token);
      expect(first.body._links.prev).toBeUndefined();
      const second = await call('get', pathOf(first.body._links.next.href), member.token);
      const back = await call('get', pathOf(second.body._links.prev.href), member.token);
      expect(back.body.data).toEqual(first.body.data);
    });

    it('answers a bad sort, kind, limit or unknown filter with 400', async () => {
      expectProblem(
        await call('get', '/v1/organisations?sort=createdAt', member.token),
        400,
        'INVALID_SORT',
      );
      const res = await call(
        'get',
        '/v1/organisations?kind=club&limit=500&colour=red',
        member.token,
      );
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect([...new Set(invalidNames(res))]).toEqual(['colour', 'kind', 'limit']);
    });

    it('takes LIKE wildcards in a search literally', async () => {
      const res = await call('get', '/v1/organisations?q=%25', member.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    });

    it('changes only what a PATCH sends', async () => {
      const organisation = await fixtures.organisation('association');
      const res = await call('patch', `/v1/organisations/${organisation.id}`, admin.token, {
        name: '  Unie van Waterschappen  ',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: organisation.id,
        code: organisation.code,
        name: 'Unie van Waterschappen',
        kind: 'association',
      });
      expect(res.body.updatedAt > res.body.createdAt).toBe(true);
      const nulled = await call('patch', `/v1/organisations/${organisation.id}`, admin.token, {
        name: null,
      });
      expectProblem(nulled, 400, 'VALIDATION_FAILED');
    });

    it('answers a malformed id with 400 and an unknown one with 404', async () => {
      const bad = await call('get', '/v1/organisations/not-a-uuid', member.token);
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(invalidNames(bad)).toEqual(['id']);
      expectProblem(
        await call('get', '/v1/organisations/5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f', member.token),
        404,
        'ORGANISATION_NOT_FOUND',
      );
      expectProblem(
        await call('patch', '/v1/organisations/5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f', admin.token, {
          name: 'x',
        }),
        404,
        'ORGANISATION_NOT_FOUND',
      );
    });

    it('keeps changes to platform administrators (403) and reading to signed-in callers (401)', async () => {
      const organisation = await fixtures.organisation();
      expectProblem(
        await call('post', '/v1/organisations', member.token, {
          code: `${TAG}-NO`,
          name: 'No',
          kind: 'other',
        }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await call('patch', `/v1/organisations/${organisation.id}`, member.token, { name: 'No' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await call('get', '/v1/organisations'), 401, 'UNAUTHENTICATED');
      expectProblem(
        await call('get', `/v1/organisations/${organisation.id}`),
        401,
        'UNAUTHENTICATED',
      );
      expectProblem(
        await call('post', '/v1/organisations', undefined, {
          code: `${TAG}-NO`,
          name: 'No',
          kind: 'other',
        }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('lets an API token read the directory', async () => {
      const token = await newApiToken(member.userId);
      expect((await call('get', '/v1/organisations?limit=1', token)).status).toBe(200);
      expectProblem(
        await call('post', '/v1/organisations', token, {
          code: `${TAG}-T`,
          name: 'T',
          kind: 'other',
        }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('users', () => {
    let organisation: { id: string; code: string };

    beforeAll(async () => {
      organisation = await fixtures.organisation('municipality');
    });

    it('creates a user with a lower-cased e-mail and a hashed initial password', async () => {
      const res = await call('post', '/v1/users', admin.token, {
        email: `Anna.DeVries.${TAG}@Gemeente.example.NL`,
        displayName: 'Anna de Vries',
        organisationId: organisation.id,
        password: 'Thorbecke blijft actueel',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: `anna.devries.${tag}@gemeente.example.nl`,
        displayName: 'Anna de Vries',
        organisation: {
          id: organisation.id,
          code: organisation.code,
          name: `Organisation ${organisation.code}`,
        },
        isActive: true,
        isPlatformAdmin: false,
        lastLoginAt: null,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(res.headers.location).toMatch(new RegExp(`/v1/users/${res.body.id}$`));
      const read = await call('get', pathOf(res.headers.location), admin.token);
      expect(read.body).toEqual(res.body);
      const row = await userRow(res.body.id);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      await expect(
        app.get(Passwords).verify(row.password_hash, 'Thorbecke blijft actueel'),
      ).resolves.toBe(true);
    });

    it('creates a user without a password, who then has none', async () => {
      const res = await call('post', '/v1/users', admin.token, {
        email: `no-password-${TAG}@example.nl`,
        displayName: 'No Password',
        organisationId: organisation.id,
        isPlatformAdmin: true,
      });
      expect(res.status).toBe(201);
      expect(res.body.isPlatformAdmin).toBe(true);
      expect((await userRow(res.body.id)).password_hash).toBeNull();
    });

    it('refuses an e-mail address in use, in any case, with 409 EMAIL_TAKEN', async () => {
      const existing = await fixtures.user({ email: `taken-${tag}@example.nl` });
      const res = await call('post', '/v1/users', admin.token, {
        email: existing.email.toUpperCase(),
        displayName: 'Copy',
        organisationId: organisation.id,
      });
      expectProblem(res, 409, 'EMAIL_TAKEN');
    });

    it.each([
      ['too short', 'kort-2026'],
      ['common', 'password1234'],
      ['made of the e-mail address', `weak-${tag}-but-long`],
    ])('refuses a %s password with 400 naming it, and creates nothing', async (_kind, password) => {
      const email = `weak-${tag}@example.nl`;
      const res = await call('post', '/v1/users', admin.token, {
        email,
        displayName: 'Weak',
        organisationId: organisation.id,
        password,
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(invalidNames(res)).toEqual(['password']);
      expect(await db.query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
    });

    it('reports an unknown organisation together with a weak password', async () => {
      const res = await call('post', '/v1/users', admin.token, {
        email: `orphan-${TAG}@example.nl`,
        displayName: 'Orphan',
        organisationId: '5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f',
        password: 'password1234',
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(invalidNames(res)).toEqual(['organisationId', 'password']);
    });

    it('refuses fields a client may not set on create (mass assignment)', async () => {
      const res = await call('post', '/v1/users', admin.token, {
        email: `mass-${TAG}@example.nl`,
        displayName: 'Mass',
        organisationId: organisation.id,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$forged',
        isActive: false,
        role: 'coordinator',
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(invalidNames(res)).toEqual(['isActive', 'passwordHash', 'role']);
    });

    it('lists users a page at a time, filtered by organisation, active flag and search', async () => {
      const team = await fixtures.organisation('province');
      const made = [
        await fixtures.user({ organisationId: team.id, email: `cees-${tag}@example.nl` }),
        await fixtures.user({ organisationId: team.id, email: `bea-${tag}@example.nl` }),
        await fixtures.user({
          organisationId: team.id,
          email: `arie-${tag}@example.nl`,
          isActive: false,
        }),
      ];
      const all = await walk<{ email: string; organisation: { id: string } }>(
        `/v1/users?organisationId=${team.id}&limit=2`,
        admin.token,
      );
      expect(all.pages).toBe(2);
      expect(all.items.map((user) => user.email)).toEqual(made.map((user) => user.email).sort());
      expect(all.items.every((user) => user.organisation.id === team.id)).toBe(true);

      const active = await call(
        'get',
        `/v1/users?organisationId=${team.id}&isActive=true`,
        admin.token,
      );
      expect(active.body.data.map((user: { email: string }) => user.email)).toEqual([
        `bea-${tag}@example.nl`,
        `cees-${tag}@example.nl`,
      ]);
      const inactive = await call('get', `/v1/users?isActive=false&q=${TAG}`, admin.token);
      expect(inactive.body.data.map((user: { email: string }) => user.email)).toEqual([
        `arie-${tag}@example.nl`,
      ]);
      const search = await call('get', `/v1/users?q=BEA-${TAG}&sort=-createdAt`, admin.token);
      expect(search.body.data.map((user: { email: string }) => user.email)).toEqual([
        `bea-${tag}@example.nl`,
      ]);
      expectProblem(
        await call('get', '/v1/users?isActive=maybe&organisationId=x', admin.token),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('changes name, organisation and administration; refuses an unknown organisation', async () => {
      const user = await fixtures.user();
      const elsewhere = await fixtures.organisation('ministry');
      const res = await call('patch', `/v1/users/${user.userId}`, admin.token, {
        displayName: 'Bert Bakker',
        organisationId: elsewhere.id,
        isPlatformAdmin: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: user.userId,
        displayName: 'Bert Bakker',
        organisation: { id: elsewhere.id, code: elsewhere.code },
        isPlatformAdmin: true,
        isActive: true,
      });
      const unknown = await call('patch', `/v1/users/${user.userId}`, admin.token, {
        organisationId: '5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f',
        displayName: 'Not this',
      });
      expectProblem(unknown, 400, 'VALIDATION_FAILED');
      expect(invalidNames(unknown)).toEqual(['organisationId']);
      expect((await userRow(user.userId)).display_name).toBe('Bert Bakker');
    });

    it('deactivating a user revokes every session and API token at once', async () => {
      const user = await fixtures.user();
      const secondSession = await fixtures.token(user.userId);
      await newApiToken(user.userId);
      expect((await call('get', '/v1/me', user.token)).status).toBe(200);

      const res = await call('patch', `/v1/users/${user.userId}`, admin.token, { isActive: false });
      expect(res.status).toBe(200);
      expect(res.body.isActive).toBe(false);

      expectProblem(await call('get', '/v1/me', user.token), 401, 'UNAUTHENTICATED');
      expectProblem(await call('get', '/v1/me', secondSession), 401, 'UNAUTHENTICATED');
      const open = await db.query(
        `SELECT 'session' FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL
         UNION ALL SELECT 'api token' FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.userId],
      );
      expect(open).toEqual([]);

      // Reactivating does not bring the old credentials back.
      const back = await call('patch', `/v1/users/${user.userId}`, admin.token, { isActive: true });
      expect(back.body.isActive).toBe(true);
      expectProblem(await call('get', '/v1/me', user.token), 401, 'UNAUTHENTICATED');
      expectProblem(await call('get', '/v1/me', secondSession), 401, 'UNAUTHENTICATED');
    });

    it('refuses API tokens that are made up, or whose owner was deactivated', async () => {
      expectProblem(
        await call('get', '/v1/organisations', 'sbt_made-up-token'),
        401,
        'UNAUTHENTICATED',
      );
      const user = await fixtures.user();
      const apiToken = await newApiToken(user.userId);
      expect((await call('get', '/v1/organisations?limit=1', apiToken)).status).toBe(200);
      await call('patch', `/v1/users/${user.userId}`, admin.token, { isActive: false });
      expectProblem(await call('get', '/v1/organisations', apiToken), 401, 'UNAUTHENTICATED');
    });

    it('refuses to let administrators deactivate or demote themselves (409 SELF_LOCKOUT)', async () => {
      const self = await fixtures.user({ isPlatformAdmin: true });
      const before = await userRow(self.userId);
      for (const change of [{ isActive: false }, { isPlatformAdmin: false }]) {
        const res = await call('patch', `/v1/users/${self.userId}`, self.token, {
          displayName: 'Changed',
          ...change,
        });
        expectProblem(res, 409, 'SELF_LOCKOUT');
      }
      expect(await userRow(self.userId)).toEqual(before);
      expect((await call('get', '/v1/users?limit=1', self.token)).status).toBe(200);
      // Another administrator may.
      const demoted = await call('patch', `/v1/users/${self.userId}`, admin.token, {
        isPlatformAdmin: false,
      });
      expect(demoted.body.isPlatformAdmin).toBe(false);
      expectProblem(await call('get', '/v1/users?limit=1', self.token), 403, 'FORBIDDEN');
    });

    it('sets a checked password for a user and ends their sessions', async () => {
      const user = await fixtures.user();
      const weak = await call('put', `/v1/users/${user.userId}/password`, admin.token, {
        password: 'password1234',
      });
      expectProblem(weak, 400, 'VALIDATION_FAILED');
      expect(invalidNames(weak)).toEqual(['password']);
      expect((await call('get', '/v1/me', user.token)).status).toBe(200);

      const res = await call('put', `/v1/users/${user.userId}/password`, admin.token, {
        password: 'Decentraal waar het kan',
      });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectProblem(await call('get', '/v1/me', user.token), 401, 'UNAUTHENTICATED');
      const row = await userRow(user.userId);
      await expect(
        app.get(Passwords).verify(row.password_hash, 'Decentraal waar het kan'),
      ).resolves.toBe(true);
    });

    it('answers a malformed id with 400 and an unknown user with 404', async () => {
      const bad = await call('patch', '/v1/users/123', admin.token, { displayName: 'x' });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(invalidNames(bad)).toEqual(['id']);
      const unknown = '5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f';
      expectProblem(await call('get', `/v1/users/${unknown}`, admin.token), 404, 'USER_NOT_FOUND');
      expectProblem(
        await call('patch', `/v1/users/${unknown}`, admin.token, { displayName: 'x' }),
        404,
        'USER_NOT_FOUND',
      );
      expectProblem(
        await call('put', `/v1/users/${unknown}/password`, admin.token, {
          password: 'Decentraal waar het kan',
        }),
        404,
        'USER_NOT_FOUND',
      );
    });

    it('keeps every user route to platform administrators', async () => {
      const target = await fixtures.user();
      const routes: [Method, string, object?][] = [
        ['get', '/v1/users'],
        ['get', `/v1/users/${target.userId}`],
        [
          'post',
          '/v1/users',
          { email: `x-${TAG}@example.nl`, displayName: 'X', organisationId: organisation.id },
        ],
        ['patch', `/v1/users/${target.userId}`, { isPlatformAdmin: true }],
        ['put', `/v1/users/${target.userId}/password`, { password: 'Decentraal waar het kan' }],
      ];
      for (const [method, path, body] of routes) {
        expectProblem(await call(method, path, member.token, body), 403, 'FORBIDDEN');
        expectProblem(await call(method, path, undefined, body), 401, 'UNAUTHENTICATED');
      }
      const row = await userRow(target.userId);
      expect(row.is_platform_admin).toBe(false);
    });
  });

  describe('/me', () => {
    it('shows your account, organisation and programme roles', async () => {
      const me = await fixtures.user();
      const [first, second] = [await fixtures.programme(), await fixtures.programme()];
      await fixtures.member(first.id, me.userId, 'editor');
      await fixtures.member(second.id, me.userId, 'viewer');
      const res = await call('get', '/v1/me', me.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: me.userId,
        email: me.email,
        organisation: { id: me.organisationId, code: expect.any(String), name: expect.any(String) },
        isActive: true,
        isPlatformAdmin: false,
      });
      expect(res.body.memberships).toEqual([
        { programmeId: first.id, role: 'editor' },
        { programmeId: second.id, role: 'viewer' },
      ]);
    });

    it('answers anonymous callers with 401 and API tokens with 403', async () => {
      expectProblem(await call('get', '/v1/me'), 401, 'UNAUTHENTICATED');
      const token = await newApiToken(member.userId);
      expectProblem(await call('get', '/v1/me', token), 403, 'FORBIDDEN');
      expectProblem(
        await call('put', '/v1/me/password', token, {
          currentPassword: member.password,
          newPassword: 'Decentraal waar het kan',
        }),
        403,
        'FORBIDDEN',
      );
    });

    it('changes your display name', async () => {
      const me = await fixtures.user();
      const res = await call('patch', '/v1/me', me.token, { displayName: 'Mila Meijer' });
      expect(res.status).toBe(200);
      expect(res.body.displayName).toBe('Mila Meijer');
      expect(res.body.memberships).toEqual([]);
      expect((await userRow(me.userId)).display_name).toBe('Mila Meijer');
    });

    it.each([
      ['isPlatformAdmin', true],
      ['organisationId', '5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f'],
      ['role', 'coordinator'],
      ['id', '5f0c2d4e-8f5b-4a4e-9d39-1f7f0f0f0f0f'],
      ['passwordHash', '$argon2id$v=19$m=19456,t=2,p=1$forged'],
      ['email', 'someone-else@example.nl'],
      ['isActive', false],
    ])('refuses %s in PATCH /me with 400 and changes nothing', async (field, value) => {
      const me = await fixtures.user();
      const other = await fixtures.organisation();
      const before = await userRow(me.userId);
      const res = await call('patch', '/v1/me', me.token, {
        displayName: 'Sneaky',
        [field]: field === 'organisationId' ? other.id : value,
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(invalidNames(res)).toEqual([field]);
      expect(await userRow(me.userId)).toEqual(before);
    });

    it('changes your password only with the right current one, and ends your other sessions', async () => {
      const me = await fixtures.user();
      const otherSession = await fixtures.token(me.userId);
      const newPassword = 'Sterk bestuur begint lokaal';

      const wrong = await call('put', '/v1/me/password', me.token, {
        currentPassword: 'not my password at all',
        newPassword,
      });
      expectProblem(wrong, 400, 'VALIDATION_FAILED');
      expect(invalidNames(wrong)).toEqual(['currentPassword']);
      const weak = await call('put', '/v1/me/password', me.token, {
        currentPassword: me.password,
        newPassword: 'password1234',
      });
      expectProblem(weak, 400, 'VALIDATION_FAILED');
      expect(invalidNames(weak)).toEqual(['newPassword']);
      const same = await call('put', '/v1/me/password', me.token, {
        currentPassword: me.password,
        newPassword: me.password,
      });
      expect(invalidNames(same)).toEqual(['newPassword']);
      const passwords = app.get(Passwords);
      await expect(
        passwords.verify((await userRow(me.userId)).password_hash, me.password),
      ).resolves.toBe(true);
      expect((await call('get', '/v1/me', otherSession)).status).toBe(200);

      const res = await call('put', '/v1/me/password', me.token, {
        currentPassword: me.password,
        newPassword,
      });
      expect(res.status).toBe(204);
      expectProblem(await call('get', '/v1/me', otherSession), 401, 'UNAUTHENTICATED');
      expect((await call('get', '/v1/me', me.token)).status).toBe(200);
      await expect(
        passwords.verify((await userRow(me.userId)).password_hash, newPassword),
      ).resolves.toBe(true);
    });
  });

  describe('responses', () => {
    it('never shows a password hash in any response', async () => {
      expect((await call('get', `/v1/users?q=${TAG}&limit=200`, admin.token)).status).toBe(200);
      expect((await call('get', '/v1/me', admin.token)).status).toBe(200);
      expect(bodies.length).toBeGreaterThan(50);
      for (const body of bodies) {
        expect(body).not.toMatch(/passwordHash"\s*:|password_hash|\$argon2/);
      }
    });
  });
});
