import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request, { type Response, type Test } from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

const APP_ORIGIN = 'http://localhost:3000';
const DEV_SERVER = 'http://localhost:5173';
const COOKIE = 'sbt_refresh';

/** The refresh cookie a response sets (its value and attributes), if it sets one. */
function setCookie(res: Response): { value: string; attributes: string[] } | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = headers.find((header) => header.startsWith(`${COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair.slice(COOKIE.length + 1), attributes };
}

function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('browser sessions: the refresh token in an HttpOnly cookie', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let db: DataSource;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-bs`,
        CORS_ORIGINS: `${DEV_SERVER}, *`,
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
      }),
    });
    fixtures = new IdentityFixtures(app);
    db = app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  /** A request as the web app's page sends it: its origin, the CSRF header, the cookie. */
  const fromApp = (call: Test, cookie?: string, origin = APP_ORIGIN) => {
    let sent = call.set('Origin', origin).set('X-CSRF-Protection', '1');
    if (cookie !== undefined) sent = sent.set('Cookie', `${COOKIE}=${cookie}`);
    return sent;
  };
  const browserLogin = (actor: Pick<Actor, 'email' | 'password'>, origin = APP_ORIGIN) =>
    fromApp(http().post('/v1/auth/browser/login'), undefined, origin).send({
      email: actor.email,
      password: actor.password,
    });
  const browserRefresh = (cookie?: string) =>
    fromApp(http().post('/v1/auth/browser/refresh'), cookie);
  const browserLogout = (cookie?: string) =>
    fromApp(http().post('/v1/auth/browser/logout'), cookie);
  const me = (accessToken: string) =>
    http().get('/v1/me').set('Authorization', `Bearer ${accessToken}`);

  async function signIn(actor: Actor): Promise<{ accessToken: string; cookie: string }> {
    const res = await browserLogin(actor).expect(200);
    return { accessToken: res.body.accessToken as string, cookie: setCookie(res)!.value };
  }

  describe('signing in, refreshing and signing out', () => {
    it('signs in with the refresh token only in an HttpOnly, SameSite=Strict cookie scoped to the browser routes', async () => {
      const actor = await fixtures.user();
      const res = await browserLogin(actor).expect(200);

      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        identityProviderId: null,
      });
      const cookie = setCookie(res);
      expect(cookie?.value).toMatch(/^sbr_[A-Za-z0-9_-]{43}$/);
      expect(cookie?.attributes).toEqual(
        expect.arrayContaining([
          'Max-Age=1209600',
          'Path=/v1/auth/browser',
          'HttpOnly',
          'SameSite=Strict',
        ]),
      );
      // PUBLIC_URL is plain http on localhost here: a browser would drop a Secure cookie.
      expect(cookie?.attributes).not.toContain('Secure');
      expect(res.text).not.toContain(cookie!.value);
      expect(res.headers['cache-control']).toMatch(/no-store/);
      await me(res.body.accessToken).expect(200);
    });

    it('refreshes silently from the cookie, rotating it: the old value stops working', async () => {
      const first = await signIn(await fixtures.user());

      const res = await browserRefresh(first.cookie).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        identityProviderId: null,
      });
      const next = setCookie(res)!;
      expect(next.value).not.toBe(first.cookie);
      expect(next.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Max-Age=1209600']));
      await me(res.body.accessToken).expect(200);

      // A replayed cookie value means it leaked: the whole session ends, and the browser is
      // told to drop the cookie.
      const replay = await browserRefresh(first.cookie);
      expectProblem(replay, 401, 'INVALID_REFRESH_TOKEN');
      expect(setCookie(replay)).toEqual({
        value: '',
        attributes: expect.arrayContaining(['Max-Age=0', 'Path=/v1/auth/browser']),
      });
      expectProblem(await browserRefresh(next.value), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await me(res.body.accessToken), 401, 'UNAUTHENTICATED');
    });

    it('answers a refresh without a cookie with 401 INVALID_REFRESH_TOKEN and clears the cookie', async () => {
      const res = await browserRefresh();
      expectProblem(res, 401, 'INVALID_REFRESH_TOKEN');
      expect(setCookie(res)?.attributes).toContain('Max-Age=0');

      const unknown = await browserRefresh(`sbr_${'z'.repeat(43)}`);
      expectProblem(unknown, 401, 'INVALID_REFRESH_TOKEN');
      expect(setCookie(unknown)?.value).toBe('');
    });

    it('signs out: the session ends, its access token stops, and the cookie is cleared', async () => {
      const session = await signIn(await fixtures.user());

      const res = await browserLogout(session.cookie).expect(204);
      expect(setCookie(res)).toEqual({
        value: '',
        attributes: expect.arrayContaining(['Max-Age=0', 'HttpOnly']),
      });

      expectProblem(await me(session.accessToken), 401, 'UNAUTHENTICATED');
      expectProblem(await browserRefresh(session.cookie), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('answers a log-out without a cookie, or with a spent one, with 204 too', async () => {
      const session = await signIn(await fixtures.user());
      await browserLogout(session.cookie).expect(204);
      await browserLogout(session.cookie).expect(204);
      const res = await browserLogout().expect(204);
      expect(setCookie(res)?.attributes).toContain('Max-Age=0');
    });

    it('records the log-in and the log-out of the session in the audit log', async () => {
      const actor = await fixtures.user();
      const session = await signIn(actor);
      await browserLogout(session.cookie).expect(204);
      const events: { operation: string }[] = await db.query(
        `SELECT operation FROM audit_events
          WHERE entity_type = 'session' AND actor_id = $1 ORDER BY sequence`,
        [actor.userId],
      );
      expect(events.map((event) => event.operation)).toEqual(['login', 'logout']);
    });
  });

  describe('the same log-in as POST /auth/login', () => {
    it('refuses a wrong password with the same 401 INVALID_CREDENTIALS and sets no cookie', async () => {
      const actor = await fixtures.user();
      const res = await browserLogin({ email: actor.email, password: 'not the password' });
      expectProblem(res, 401, 'INVALID_CREDENTIALS');
      expect(setCookie(res)).toBeUndefined();
    });

    it('counts failures with those of POST /auth/login and locks both out', async () => {
      const actor = await fixtures.user();
      const wrong = { email: actor.email, password: 'not the password' };
      await http().post('/v1/auth/login').send(wrong).expect(401);
      await http().post('/v1/auth/login').send(wrong).expect(401);
      await browserLogin(wrong).expect(401);

      const locked = await browserLogin(actor);
      expectProblem(locked, 429, 'LOGIN_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(setCookie(locked)).toBeUndefined();
      await http()
        .post('/v1/auth/login')
        .send({ email: actor.email, password: actor.password })
        .expect(429);
    });

    it('rejects a body with missing or extra fields as a 400 listing them', async () => {
      const res = await fromApp(http().post('/v1/auth/browser/login')).send({
        email: 'someone@example.nl',
        refreshToken: 'sbr_x',
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      const names = res.body.invalidParams.map((param: { name: string }) => param.name);
      expect([...new Set(names)].sort()).toEqual(['password', 'refreshToken']);
    });
  });

  describe('CSRF defence', () => {
    it('refuses a log-in without the X-CSRF-Protection header, or with another value, with 403 CSRF_CHECK_FAILED', async () => {
      const actor = await fixtures.user();
      const body = { email: actor.email, password: actor.password };
      const withoutHeader = await http()
        .post('/v1/auth/browser/login')
        .set('Origin', APP_ORIGIN)
        .send(body);
      expectProblem(withoutHeader, 403, 'CSRF_CHECK_FAILED');
      expect(setCookie(withoutHeader)).toBeUndefined();
      for (const value of ['0', 'true', '']) {
        const res = await http()
          .post('/v1/auth/browser/login')
          .set('Origin', APP_ORIGIN)
          .set('X-CSRF-Protection', value)
          .send(body);
        expectProblem(res, 403, 'CSRF_CHECK_FAILED');
      }
    });

    it('refuses a request without an Origin, or from an origin not allowed (a `*` in CORS_ORIGINS allows none)', async () => {
      const actor = await fixtures.user();
      const withoutOrigin = await http()
        .post('/v1/auth/browser/login')
        .set('X-CSRF-Protection', '1')
        .send({ email: actor.email, password: actor.password });
      expectProblem(withoutOrigin, 403, 'CSRF_CHECK_FAILED');
      for (const origin of [
        'https://evil.example',
        'null',
        `${APP_ORIGIN}.evil.example`,
        'http://localhost:3001',
      ]) {
        expectProblem(await browserLogin(actor, origin), 403, 'CSRF_CHECK_FAILED');
      }
    });

    it('lets a refresh or log-out without the header change nothing: the cookie keeps working', async () => {
      const session = await signIn(await fixtures.user());
      const refresh = await http()
        .post('/v1/auth/browser/refresh')
        .set('Origin', APP_ORIGIN)
        .set('Cookie', `${COOKIE}=${session.cookie}`);
      expectProblem(refresh, 403, 'CSRF_CHECK_FAILED');
      expect(setCookie(refresh)).toBeUndefined();
      const logout = await http()
        .post('/v1/auth/browser/logout')
        .set('Origin', 'https://evil.example')
        .set('X-CSRF-Protection', '1')
        .set('Cookie', `${COOKIE}=${session.cookie}`);
      expectProblem(logout, 403, 'CSRF_CHECK_FAILED');

      await me(session.accessToken).expect(200);
      await browserRefresh(session.cookie).expect(200);
    });

    it('serves a page of an origin listed in CORS_ORIGINS, with credentials allowed for the cookie', async () => {
      const actor = await fixtures.user();
      const preflight = await http()
        .options('/v1/auth/browser/login')
        .set('Origin', DEV_SERVER)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-csrf-protection');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(DEV_SERVER);
      expect(preflight.headers['access-control-allow-credentials']).toBe('true');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/X-CSRF-Protection/);

      const res = await browserLogin(actor, DEV_SERVER).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(DEV_SERVER);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(setCookie(res)?.value).toMatch(/^sbr_/);
    });

    it('never allows credentials to an origin that only the `*` of CORS_ORIGINS admits', async () => {
      const preflight = await http()
        .options('/v1/auth/browser/refresh')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'x-csrf-protection');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      // The bearer-token routes are the `*`'s, without credentials.
      const other = await http()
        .options('/v1/me')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(other.headers['access-control-allow-origin']).toBe('https://evil.example');
      expect(other.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  describe('sign out everywhere: DELETE /v1/me/sessions', () => {
    it('ends every session of the caller, browser and bearer alike, and records a log-out for each', async () => {
      const actor = await fixtures.user();
      const programme = await fixtures.programme();
      await fixtures.member(programme.id, actor.userId, 'viewer');
      const browser = await signIn(actor);
      const laptop = (
        await http()
          .post('/v1/auth/login')
          .send({ email: actor.email, password: actor.password })
          .expect(200)
      ).body as {
        accessToken: string;
        refreshToken: string;
      };
      const apiToken = (
        await http()
          .post('/v1/me/api-tokens')
          .set('Authorization', `Bearer ${laptop.accessToken}`)
          .send({ name: 'Koppeling', programmeId: programme.id, scope: 'read' })
          .expect(201)
      ).body.token as string;
      const bystander = await fixtures.user();

      await http()
        .delete('/v1/me/sessions')
        .set('Authorization', `Bearer ${browser.accessToken}`)
        .expect(204);

      for (const token of [browser.accessToken, laptop.accessToken, actor.token]) {
        expectProblem(await me(token), 401, 'UNAUTHENTICATED');
      }
      expectProblem(await browserRefresh(browser.cookie), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(
        await http().post('/v1/auth/refresh').send({ refreshToken: laptop.refreshToken }),
        401,
        'INVALID_REFRESH_TOKEN',
      );
      // An API token is not a session; someone else's session is not the caller's.
      await http().get('/v1/programmes').set('Authorization', `Bearer ${apiToken}`).expect(200);
      await me(bystander.token).expect(200);
      const logouts: { count: number }[] = await db.query(
        `SELECT count(*)::int AS count FROM audit_events
          WHERE operation = 'logout' AND entity_type = 'session' AND actor_id = $1`,
        [actor.userId],
      );
      // The browser's, the laptop's and the fixture's session.
      expect(logouts[0].count).toBe(3);
    });

    it('is for people signed in: 401 without a token, 403 for an API token', async () => {
      expectProblem(await http().delete('/v1/me/sessions'), 401, 'UNAUTHENTICATED');
      const actor = await fixtures.user();
      const programme = await fixtures.programme();
      await fixtures.member(programme.id, actor.userId, 'editor');
      const apiToken = (
        await http()
          .post('/v1/me/api-tokens')
          .set('Authorization', `Bearer ${actor.token}`)
          .send({ name: 'Koppeling', programmeId: programme.id, scope: 'write' })
          .expect(201)
      ).body.token as string;
      expectProblem(
        await http().delete('/v1/me/sessions').set('Authorization', `Bearer ${apiToken}`),
        403,
        'FORBIDDEN',
      );
      await me(actor.token).expect(200);
    });
  });

  describe('changes since my last visit: previousLoginAt', () => {
    it('shows the sign-in before the current one, null until there is one', async () => {
      const actor = await fixtures.user();
      const first = await signIn(actor);
      const afterFirst = (await me(first.accessToken).expect(200)).body;
      expect(afterFirst.previousLoginAt).toBeNull();
      expect(afterFirst.lastLoginAt).toEqual(expect.any(String));

      const second = await signIn(actor);
      const afterSecond = (await me(second.accessToken).expect(200)).body;
      expect(afterSecond.previousLoginAt).toBe(afterFirst.lastLoginAt);
      expect(Date.parse(afterSecond.lastLoginAt)).toBeGreaterThanOrEqual(
        Date.parse(afterFirst.lastLoginAt),
      );

      // A silent refresh is the same visit: it moves neither.
      const refreshed = await browserRefresh(second.cookie).expect(200);
      const afterRefresh = (await me(refreshed.body.accessToken).expect(200)).body;
      expect(afterRefresh.previousLoginAt).toBe(afterFirst.lastLoginAt);
      expect(afterRefresh.lastLoginAt).toBe(afterSecond.lastLoginAt);
    });
  });
});

describe('browser sessions behind https', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-bs-https`,
        PUBLIC_URL: 'https://tracker.example.nl/',
      }),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('marks the cookie Secure and takes the origin of PUBLIC_URL', async () => {
    const actor = await new IdentityFixtures(app).user();
    const login = (origin: string) =>
      request(app.getHttpServer())
        .post('/v1/auth/browser/login')
        .set('Origin', origin)
        .set('X-CSRF-Protection', '1')
        .send({ email: actor.email, password: actor.password });

    expectProblem(await login(APP_ORIGIN), 403, 'CSRF_CHECK_FAILED');
    const res = await login('https://tracker.example.nl').expect(200);
    expect(setCookie(res)?.attributes).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/v1/auth/browser']),
    );
  });
});
