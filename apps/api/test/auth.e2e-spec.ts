import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import jwt from 'jsonwebtoken';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { SessionsPurge } from '@app/identity';
import { ProgrammeProbeController } from '../../../test/fixtures/programme-probe.controller';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

const SECRET = 'test-access-secret-0123456789abcdef0123';
const ISSUER = 'sterk-bestuur-tracker';
const AUDIENCE = 'sterk-bestuur-tracker-api';
const PROTECTED = '/v1/me/api-tokens';

/** Each app of this file counts log-in failures under its own Redis prefix: no cross-talk. */
const redisPrefix = (name: string) => `${process.env.SBT_TEST_REDIS_PREFIX}-${name}`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/**
 * nestjs-pino keeps one pino-http per process: every app of this file logs through the first
 * one started, so that one gets the capture (and level info) and the others just pass it on.
 */
const logs = new LogCapture();

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/** What a client sees of a problem, without the parts that differ per request. */
const comparable = (res: Response) => ({
  status: res.status,
  body: { ...res.body, requestId: undefined, instance: undefined },
  authenticate: res.headers['www-authenticate'],
});

describe('authentication', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let db: DataSource;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({
        REDIS_PREFIX: redisPrefix('auth'),
        // The timing test fails one account repeatedly; lockout has its own apps below.
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '50',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
        LOG_LEVEL: 'info',
      }),
      controllers: [ProgrammeProbeController],
      logs,
    });
    fixtures = new IdentityFixtures(app);
    db = app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const login = (email: string, password: string) =>
    http().post('/v1/auth/login').send({ email, password });
  const refresh = (refreshToken: string) => http().post('/v1/auth/refresh').send({ refreshToken });
  const logout = (refreshToken: string) => http().post('/v1/auth/logout').send({ refreshToken });
  const probe = (token: string) => http().get(PROTECTED).set('Authorization', `Bearer ${token}`);

  async function signIn(actor: Actor): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await login(actor.email, actor.password).expect(200);
    return res.body as { accessToken: string; refreshToken: string };
  }

  describe('sessions', () => {
    it('signs in (e-mail case-insensitively) and the access token reaches a protected route', async () => {
      const actor = await fixtures.user();
      const res = await login(actor.email.toUpperCase(), actor.password).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        identityProviderId: null,
        refreshToken: expect.stringMatching(/^sbr_[A-Za-z0-9_-]{43}$/),
        refreshExpiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(res.headers['cache-control']).toMatch(/no-store/);
      await probe(res.body.accessToken).expect(200);
      const [user] = await db.query('SELECT last_login_at FROM users WHERE id = $1', [
        actor.userId,
      ]);
      expect(user.last_login_at).toBeInstanceOf(Date);
      // Only the hash is stored.
      const stored = await db.query('SELECT 1 FROM refresh_tokens WHERE token_hash = $1', [
        sha256(res.body.refreshToken),
      ]);
      expect(stored).toHaveLength(1);
    });

    it('rotates the refresh token: the new one works, the old one stops', async () => {
      const first = await signIn(await fixtures.user());
      const second = (await refresh(first.refreshToken).expect(200)).body;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await probe(second.accessToken).expect(200);
      expectProblem(await refresh(first.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('revokes the whole session when a spent refresh token is presented again', async () => {
      const actor = await fixtures.user();
      const first = await signIn(actor);
      const second = (await refresh(first.refreshToken).expect(200)).body;
      const third = (await refresh(second.refreshToken).expect(200)).body;
      await probe(third.accessToken).expect(200);

      // A thief replays a token the owner already used.
      expectProblem(await refresh(first.refreshToken), 401, 'INVALID_REFRESH_TOKEN');

      expectProblem(await refresh(third.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await probe(third.accessToken), 401, 'UNAUTHENTICATED');
      const live = await db.query(
        'SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [actor.userId],
      );
      expect(live).toHaveLength(1); // the fixture's own session, untouched
    });

    it('lets only one of two concurrent refreshes with the same token succeed', async () => {
      const session = await signIn(await fixtures.user());
      const results = await Promise.all([
        refresh(session.refreshToken),
        refresh(session.refreshToken),
      ]);
      expect(results.map((res) => res.status).sort()).toEqual([200, 401]);
    });

    it('refuses an expired refresh token', async () => {
      const session = await signIn(await fixtures.user());
      await db.query(
        "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1",
        [sha256(session.refreshToken)],
      );
      expectProblem(await refresh(session.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('refuses a refresh token it never issued', async () => {
      expectProblem(await refresh(`sbr_${'x'.repeat(43)}`), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('logs out one session: its refresh and access token stop, another session keeps working', async () => {
      const actor = await fixtures.user();
      const laptop = await signIn(actor);
      const phone = await signIn(actor);

      await logout(laptop.refreshToken).expect(204);

      expectProblem(await refresh(laptop.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await probe(laptop.accessToken), 401, 'UNAUTHENTICATED');
      await probe(phone.accessToken).expect(200);
      await refresh(phone.refreshToken).expect(200);
    });

    it('answers a repeated or unknown log-out with 204 too, revealing nothing', async () => {
      const session = await signIn(await fixtures.user());
      await logout(session.refreshToken).expect(204);
      await logout(session.refreshToken).expect(204);
      await logout(`sbr_${'y'.repeat(43)}`).expect(204);
    });

    it("purges the tokens of sessions that ended, and keeps a live session's spent ones: reuse is still caught", async () => {
      const actor = await fixtures.user();
      const familyOf = async (token: string): Promise<string> =>
        (
          await db.query('SELECT family_id FROM refresh_tokens WHERE token_hash = $1', [
            sha256(token),
          ])
        )[0].family_id;
      const tokensOf = async (family: string): Promise<number> =>
        (
          await db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = $1', [
            family,
          ])
        )[0].n;
      // A live session, rotated twice, whose first two tokens are spent and long expired.
      const live = await signIn(actor);
      const second = (await refresh(live.refreshToken).expect(200)).body;
      const third = (await refresh(second.refreshToken).expect(200)).body;
      const liveFamily = await familyOf(live.refreshToken);
      await db.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '20 days'
          WHERE token_hash = ANY($1::text[])`,
        [[sha256(live.refreshToken), sha256(second.refreshToken)]],
      );
      // Sessions that ended two days ago (logged out; expired), and one that ended just now.
      const loggedOut = await signIn(actor);
      await logout(loggedOut.refreshToken).expect(204);
      const loggedOutFamily = await familyOf(loggedOut.refreshToken);
      await db.query(
        `UPDATE refresh_tokens SET revoked_at = now() - interval '2 days' WHERE family_id = $1`,
        [loggedOutFamily],
      );
      const expiredFamily = await familyOf((await signIn(actor)).refreshToken);
      await db.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '2 days' WHERE family_id = $1`,
        [expiredFamily],
      );
      const justEnded = await signIn(actor);
      await logout(justEnded.refreshToken).expect(204);
      const justEndedFamily = await familyOf(justEnded.refreshToken);

      expect(await app.get(SessionsPurge).purge()).toBeGreaterThanOrEqual(2);
      expect(await tokensOf(loggedOutFamily)).toBe(0);
      expect(await tokensOf(expiredFamily)).toBe(0);
      expect(await tokensOf(justEndedFamily)).toBe(1);
      expect(await tokensOf(liveFamily)).toBe(3);
      // The live session works, until its first token, spent long ago, is presented again.
      await probe(third.accessToken).expect(200);
      expectProblem(await refresh(live.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await refresh(third.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await probe(third.accessToken), 401, 'UNAUTHENTICATED');
    });

    it('rejects a log-in body with missing or extra fields as a 400 problem', async () => {
      const res = await http()
        .post('/v1/auth/login')
        .send({ email: 'someone@example.nl', isPlatformAdmin: true });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      const names = new Set(res.body.invalidParams.map((param: { name: string }) => param.name));
      expect([...names].sort()).toEqual(['isPlatformAdmin', 'password']);
    });
  });

  describe('access tokens that are not what they seem', () => {
    let actor: Actor;
    let sessionId: string;

    beforeAll(async () => {
      actor = await fixtures.user();
      sessionId = (jwt.decode(actor.token) as { sid: string }).sid;
    });

    const sign = (claims: object, secret = SECRET, options: jwt.SignOptions = {}) =>
      jwt.sign({ sid: sessionId, ...claims }, secret, {
        algorithm: 'HS256',
        subject: actor.userId,
        issuer: ISSUER,
        audience: AUDIENCE,
        expiresIn: 600,
        ...options,
      });

    it('accepts the genuine article (so the refusals below are about the tampering)', async () => {
      await probe(actor.token).expect(200);
      await probe(sign({})).expect(200);
    });

    it('refuses an expired access token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt.sign(
        {
          sid: sessionId,
          sub: actor.userId,
          iss: ISSUER,
          aud: AUDIENCE,
          iat: now - 120,
          exp: now - 60,
        },
        SECRET,
        { algorithm: 'HS256' },
      );
      expectProblem(await probe(expired), 401, 'UNAUTHENTICATED');
    });

    it.each([
      [
        'a flipped signature character',
        (token: string) => {
          const [header, payload, signature] = token.split('.');
          // Not the last character: its low bits are padding and may not change the bytes.
          const i = 10;
          const flipped = signature[i] === 'A' ? 'B' : 'A';
          return `${header}.${payload}.${signature.slice(0, i)}${flipped}${signature.slice(i + 1)}`;
        },
      ],
      [
        'a payload changed to another user',
        (token: string) => {
          const [header, payload, signature] = token.split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
          return `${header}.${b64({ ...claims, sub: randomUUID() })}.${signature}`;
        },
      ],
      [
        'alg: none',
        (token: string) => {
          const [, payload] = token.split('.');
          return `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
        },
      ],
      [
        'an RS256 header over an HMAC signature made with our secret (key confusion)',
        (token: string) => {
          const [, payload] = token.split('.');
          const header = b64({ alg: 'RS256', typ: 'JWT' });
          const signature = createHmac('sha256', SECRET)
            .update(`${header}.${payload}`)
            .digest('base64url');
          return `${header}.${payload}.${signature}`;
        },
      ],
    ])('refuses a token with %s', async (_name, tamper) => {
      expectProblem(await probe(tamper(sign({}))), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token signed with another secret', async () => {
      expectProblem(
        await probe(sign({}, 'another-secret-0123456789abcdef0123456')),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('refuses a token signed with our secret but another HMAC algorithm (HS512)', async () => {
      expectProblem(await probe(sign({}, SECRET, { algorithm: 'HS512' })), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token for another issuer or audience', async () => {
      expectProblem(await probe(sign({}, SECRET, { issuer: 'elsewhere' })), 401, 'UNAUTHENTICATED');
      expectProblem(
        await probe(sign({}, SECRET, { audience: 'elsewhere' })),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('refuses a well-signed token of a session that does not exist', async () => {
      expectProblem(await probe(sign({ sid: randomUUID() })), 401, 'UNAUTHENTICATED');
    });
  });

  describe('a deactivated user', () => {
    it('loses their tokens at once and cannot sign in, told the same as a wrong password', async () => {
      const actor = await fixtures.user();
      const session = await signIn(actor);
      await db.query('UPDATE users SET is_active = false WHERE id = $1', [actor.userId]);

      expectProblem(await probe(session.accessToken), 401, 'UNAUTHENTICATED');
      expectProblem(await refresh(session.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      const rightPassword = await login(actor.email, actor.password);
      const wrongPassword = await login(actor.email, `${actor.password}!`);
      expectProblem(rightPassword, 401, 'INVALID_CREDENTIALS');
      expect(comparable(rightPassword)).toEqual(comparable(wrongPassword));
    });
  });

  describe('enumeration', () => {
    it('answers an unknown e-mail and a wrong password alike, in similar time', async () => {
      const actor = await fixtures.user();
      const unknown = () => login(`nobody-${randomUUID()}@example.nl`, actor.password);
      const wrong = () => login(actor.email, `${actor.password}?`);
      const passwordless = await fixtures.user();
      await db.query('UPDATE users SET password_hash = NULL WHERE id = $1', [passwordless.userId]);

      const answers = [
        await unknown(),
        await wrong(),
        await login(passwordless.email, 'x'.repeat(12)),
      ];
      expectProblem(answers[0], 401, 'INVALID_CREDENTIALS');
      expect(comparable(answers[1])).toEqual(comparable(answers[0]));
      expect(comparable(answers[2])).toEqual(comparable(answers[0]));

      const timed = async (call: () => Promise<Response>) => {
        const started = performance.now();
        await call();
        return performance.now() - started;
      };
      const unknownTimes: number[] = [];
      const wrongTimes: number[] = [];
      // Interleaved, so that drift on a busy machine hits both alike.
      for (let i = 0; i < 7; i += 1) {
        unknownTimes.push(await timed(unknown));
        wrongTimes.push(await timed(wrong));
      }
      const [a, b] = [median(unknownTimes), median(wrongTimes)];
      // Both run one argon2 verify (tens of ms); a missing verify would show as a gap.
      expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(100, 0.5 * Math.max(a, b)));
      expect(Math.min(a, b)).toBeGreaterThan(5);
    });
  });

  describe('API tokens', () => {
    let owner: Actor;
    let programmeA: string;
    let programmeB: string;

    beforeAll(async () => {
      owner = await fixtures.user();
      programmeA = (await fixtures.programme()).id;
      programmeB = (await fixtures.programme()).id;
      await fixtures.member(programmeA, owner.userId, 'coordinator');
      await fixtures.member(programmeB, owner.userId, 'coordinator');
    });

    const createToken = (actor: Actor, body: Record<string, unknown>): Promise<Response> =>
      http().post(PROTECTED).set('Authorization', `Bearer ${actor.token}`).send(body);
    const readProbe = (token: string, programmeId: string) =>
      http()
        .get(`/v1/test-programme-probes/${programmeId}`)
        .set('Authorization', `Bearer ${token}`);
    const writeProbe = (token: string, programmeId: string) =>
      http()
        .post(`/v1/test-programme-probes/${programmeId}`)
        .set('Authorization', `Bearer ${token}`)
        .send({});

    async function newToken(
      actor: Actor,
      scope: 'read' | 'write',
      programmeId: string,
    ): Promise<{ id: string; token: string }> {
      const res = await createToken(actor, { name: `${scope} token`, programmeId, scope });
      expect(res.status).toBe(201);
      return res.body as { id: string; token: string };
    }

    it('shows a new token once, and stores only its hash', async () => {
      const res = await createToken(owner, {
        name: 'Dashboard',
        programmeId: programmeA,
        scope: 'read',
        expiresAt: '2099-01-01T00:00:00+01:00',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Dashboard',
        programmeId: programmeA,
        scope: 'read',
        token: expect.stringMatching(/^sbt_[A-Za-z0-9_-]{43}$/),
        tokenPrefix: res.body.token.slice(0, 10),
        expiresAt: '2098-12-31T23:00:00.000Z',
        lastUsedAt: null,
        createdAt: expect.any(String),
        revokedAt: null,
      });
      const [row] = await db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [
        res.body.id,
      ]);
      expect(row.token_hash).toBe(sha256(res.body.token));
    });

    it('lets a read token read its programme but not write (403)', async () => {
      const { token } = await newToken(owner, 'read', programmeA);
      expect((await readProbe(token, programmeA).expect(200)).body.did).toBe('read');
      expectProblem(await writeProbe(token, programmeA), 403, 'FORBIDDEN');
    });

    it('lets a write token write, but never more than its owner may', async () => {
      const { token } = await newToken(owner, 'write', programmeA);
      expect((await writeProbe(token, programmeA).expect(200)).body.did).toBe('write');

      const viewer = await fixtures.user();
      await fixtures.member(programmeA, viewer.userId, 'viewer');
      const viewersToken = (await newToken(viewer, 'write', programmeA)).token;
      await readProbe(viewersToken, programmeA).expect(200);
      expectProblem(await writeProbe(viewersToken, programmeA), 403, 'FORBIDDEN');
    });

    it('hides every other programme from a token (404), even one its owner is in', async () => {
      const { token } = await newToken(owner, 'write', programmeA);
      expectProblem(await readProbe(token, programmeB), 404, 'PROGRAMME_NOT_FOUND');
      expectProblem(await writeProbe(token, programmeB), 404, 'PROGRAMME_NOT_FOUND');
    });

    it('refuses a revoked token (401), and revoking twice is fine', async () => {
      const { id, token } = await newToken(owner, 'read', programmeA);
      const revoke = () =>
        http().delete(`${PROTECTED}/${id}`).set('Authorization', `Bearer ${owner.token}`);
      await revoke().expect(204);
      expectProblem(await readProbe(token, programmeA), 401, 'UNAUTHENTICATED');
      await revoke().expect(204);
    });

    it('refuses an API token it never issued (401)', async () => {
      const forged = `sbt_${randomUUID().replace(/-/g, '')}${'a'.repeat(11)}`;
      expectProblem(await probe(forged), 401, 'UNAUTHENTICATED');
      expectProblem(await readProbe(forged, programmeA), 401, 'UNAUTHENTICATED');
    });

    it('refuses an expired token (401)', async () => {
      const { id, token } = await newToken(owner, 'read', programmeA);
      await readProbe(token, programmeA).expect(200);
      await db.query(
        "UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1",
        [id],
      );
      expectProblem(await readProbe(token, programmeA), 401, 'UNAUTHENTICATED');
    });

    it('does not let an API token manage API tokens (403)', async () => {
      const { token } = await newToken(owner, 'write', programmeA);
      expectProblem(await probe(token), 403, 'FORBIDDEN');
      const res = await http()
        .post(PROTECTED)
        .set('Authorization', `Bearer ${token}`)
        .send({ name: 'Escalation', programmeId: programmeA, scope: 'write' });
      expectProblem(res, 403, 'FORBIDDEN');
    });

    it('lists the caller’s tokens with their last use, never a token or its hash', async () => {
      const lister = await fixtures.user();
      await fixtures.member(programmeA, lister.userId, 'editor');
      const used = await newToken(lister, 'read', programmeA);
      const unused = await newToken(lister, 'read', programmeA);
      await readProbe(used.token, programmeA).expect(200);
      await newToken(owner, 'read', programmeA); // someone else's

      const res = await probe(lister.token).expect(200);
      expect(res.body.data.map((token: { id: string }) => token.id)).toEqual([unused.id, used.id]);
      expect(res.body.data[1].lastUsedAt).toEqual(expect.any(String));
      expect(res.body.data[0].lastUsedAt).toBeNull();
      expect(res.body._links.self.href).toMatch(/\/v1\/me\/api-tokens$/);
      expect(res.text).not.toContain(used.token);
      expect(res.text).not.toContain(sha256(used.token));
      expect(Object.keys(res.body.data[0])).not.toEqual(expect.arrayContaining(['token']));

      const page = await http()
        .get(`${PROTECTED}?limit=1`)
        .set('Authorization', `Bearer ${lister.token}`)
        .expect(200);
      expect(page.body.data.map((token: { id: string }) => token.id)).toEqual([unused.id]);
      const next = new URL(page.body._links.next.href);
      const second = await http()
        .get(`${next.pathname}${next.search}`)
        .set('Authorization', `Bearer ${lister.token}`)
        .expect(200);
      expect(second.body.data.map((token: { id: string }) => token.id)).toEqual([used.id]);
    });

    it('answers 404 for a programme the caller is not in, existing or not', async () => {
      const outsider = await fixtures.user();
      for (const programmeId of [programmeA, randomUUID()]) {
        const res = await createToken(outsider, { name: 'Probe', programmeId, scope: 'read' });
        expectProblem(res, 404, 'PROGRAMME_NOT_FOUND');
      }
    });

    it('lets a platform administrator name any existing programme', async () => {
      const admin = await fixtures.user({ isPlatformAdmin: true });
      const res = await createToken(admin, {
        name: 'Audit',
        programmeId: programmeA,
        scope: 'read',
      });
      expect(res.status).toBe(201);
      expectProblem(
        await createToken(admin, { name: 'Audit', programmeId: randomUUID(), scope: 'read' }),
        404,
        'PROGRAMME_NOT_FOUND',
      );
    });

    it('rejects a past or zone-less expiry, a bad scope and extra fields as a 400 problem', async () => {
      const past = await createToken(owner, {
        name: 'Old',
        programmeId: programmeA,
        scope: 'read',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expectProblem(past, 400, 'VALIDATION_FAILED');
      expect(past.body.invalidParams).toEqual([
        { name: 'expiresAt', reason: 'must be in the future' },
      ]);

      const bad = await createToken(owner, {
        name: 'Bad',
        programmeId: programmeA,
        scope: 'admin',
        expiresAt: '2099-01-01T00:00:00',
        userId: randomUUID(),
      });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(
        [...new Set(bad.body.invalidParams.map((param: { name: string }) => param.name))].sort(),
      ).toEqual(['expiresAt', 'scope', 'userId']);
    });

    it('revokes only the caller’s own tokens: someone else’s is not found', async () => {
      const { id, token } = await newToken(owner, 'read', programmeA);
      const stranger = await fixtures.user();
      const res = await http()
        .delete(`${PROTECTED}/${id}`)
        .set('Authorization', `Bearer ${stranger.token}`);
      expectProblem(res, 404, 'API_TOKEN_NOT_FOUND');
      await readProbe(token, programmeA).expect(200);
    });
  });
});

describe('log-in throttling', () => {
  describe('per account', () => {
    let app: NestExpressApplication;
    let fixtures: IdentityFixtures;
    let redis: IORedis;
    const prefix = redisPrefix('lock-account');

    beforeAll(async () => {
      app = await startApi({
        config: testConfig({
          REDIS_PREFIX: prefix,
          LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
          LOGIN_LOCKOUT_SECONDS: '60',
          LOG_LEVEL: 'info',
        }),
        logs,
      });
      fixtures = new IdentityFixtures(app);
      redis = new IORedis(process.env.SBT_TEST_REDIS_URL as string);
    });

    afterAll(async () => {
      redis.disconnect();
      await app.close();
    });

    const login = (email: string, password: string) =>
      request(app.getHttpServer()).post('/v1/auth/login').send({ email, password });

    it('locks an account after 3 failures, even for the right password, and logs it', async () => {
      const actor = await fixtures.user();
      for (let i = 0; i < 3; i += 1) {
        expectProblem(await login(actor.email, `wrong password ${i}`), 401, 'INVALID_CREDENTIALS');
      }
      const locked = await login(actor.email, actor.password);
      expectProblem(locked, 429, 'LOGIN_LOCKED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      const account = sha256(actor.email).slice(0, 16);
      const events = logs.lines().filter((line) => line.account === account);
      expect(events.map((line): unknown => line.event)).toEqual(
        expect.arrayContaining(['login_failed', 'login_lockout_started', 'login_locked_out']),
      );
      expect(logs.text()).not.toContain('wrong password');
      expect(logs.text()).not.toContain(actor.password);
    });

    it('locks an unknown e-mail exactly like a real one', async () => {
      const email = `nobody-${randomUUID()}@example.nl`;
      for (let i = 0; i < 3; i += 1) {
        expectProblem(await login(email, 'some password'), 401, 'INVALID_CREDENTIALS');
      }
      const locked = await login(email.toUpperCase(), 'some password');
      expectProblem(locked, 429, 'LOGIN_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('lifts the lockout when its time has passed', async () => {
      const actor = await fixtures.user();
      for (let i = 0; i < 3; i += 1) await login(actor.email, 'wrong password').expect(401);
      await login(actor.email, actor.password).expect(429);
      // The window is a Redis expiry: let it pass now rather than wait a minute.
      const key = `${prefix}:login:account:${sha256(actor.email)}`;
      expect(await redis.ttl(key)).toBeGreaterThan(0);
      await redis.pexpire(key, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await login(actor.email, actor.password).expect(200);
    });

    it('forgets an account’s failures after a successful log-in', async () => {
      const actor = await fixtures.user();
      for (let round = 0; round < 3; round += 1) {
        await login(actor.email, 'wrong password').expect(401);
        await login(actor.email, 'wrong password').expect(401);
        await login(actor.email, actor.password).expect(200);
      }
    });

    it('counts a burst of parallel guesses before any is verified', async () => {
      const actor = await fixtures.user();
      const guesses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => login(actor.email, `guess ${i}`)),
      );
      const statuses = guesses.map((res) => res.status).sort();
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    });
  });

  describe('per client address', () => {
    let app: NestExpressApplication;
    let fixtures: IdentityFixtures;

    beforeAll(async () => {
      app = await startApi({
        config: testConfig({
          REDIS_PREFIX: redisPrefix('lock-address'),
          LOG_LEVEL: 'info',
          // Behind a proxy, the address is the one X-Forwarded-For names.
          TRUST_PROXY: 'true',
          LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
          LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
          LOGIN_LOCKOUT_SECONDS: '60',
        }),
        logs,
      });
      fixtures = new IdentityFixtures(app);
    });

    afterAll(async () => {
      await app.close();
    });

    const loginFrom = (address: string, email: string, password: string) =>
      request(app.getHttpServer())
        .post('/v1/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password });

    it('locks an address that tries many accounts, and only that address', async () => {
      const actor = await fixtures.user();
      for (let i = 0; i < 3; i += 1) {
        await loginFrom('203.0.113.7', `nobody-${randomUUID()}@example.nl`, 'password').expect(401);
      }
      const locked = await loginFrom('203.0.113.7', actor.email, actor.password);
      expectProblem(locked, 429, 'LOGIN_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      await loginFrom('203.0.113.8', actor.email, actor.password).expect(200);
    });

    it('keys IPv6 clients by their /64', async () => {
      for (let i = 1; i <= 3; i += 1) {
        await loginFrom(`2001:db8:1:2::${i}`, `nobody-${randomUUID()}@example.nl`, 'pw').expect(
          401,
        );
      }
      const actor = await fixtures.user();
      expectProblem(
        await loginFrom('2001:db8:1:2::99', actor.email, actor.password),
        429,
        'LOGIN_LOCKED',
      );
      await loginFrom('2001:db8:1:3::1', actor.email, actor.password).expect(200);
    });
  });
});
