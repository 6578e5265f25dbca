import type { NestExpressApplication } from '@nestjs/platform-express';
import IORedis from 'ioredis';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AccessTokens } from '@app/identity';
import { eventually, LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';
import { TcpProxy } from '../../../test/support/tcp-proxy';

const prefix = (name: string) => `${process.env.SBT_TEST_REDIS_PREFIX}-${name}`;

/** Small budgets, as a runaway script meets the real ones; one window of a minute. */
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_PRINCIPAL_READS: '4',
  RATE_LIMIT_PRINCIPAL_WRITES: '6',
  RATE_LIMIT_PRINCIPAL_EXPENSIVE: '2',
  RATE_LIMIT_ADDRESS_READS: '10',
  RATE_LIMIT_ADDRESS_WRITES: '12',
  RATE_LIMIT_ADDRESS_EXPENSIVE: '4',
};

/**
 * nestjs-pino keeps one pino-http per process: every app of this file logs through the first
 * one started, so that one gets the capture (and level info).
 */
const logs = new LogCapture();
let addresses = 0;
/** A client address of its own for each test (TRUST_PROXY: X-Forwarded-For names it). */
const newAddress = () => `203.0.113.${(addresses += 1)}`;

function expectRateLimited(res: Response, policy: string): number {
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 429,
    code: 'RATE_LIMITED',
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers.ratelimit).toContain(`"${policy}";r=0;t=${retryAfter}`);
  expect(res.headers['ratelimit-policy']).toContain(`"${policy}";q=`);
  return retryAfter;
}

describe('API rate limits', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let programmeId: string;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({
        ...LIMITS,
        REDIS_PREFIX: prefix('rl'),
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '100',
        LOGIN_LOCKOUT_SECONDS: '60',
        LOG_LEVEL: 'info',
      }),
      logs,
    });
    fixtures = new IdentityFixtures(app);
    programmeId = (await fixtures.programme()).id;
  });

  afterAll(async () => {
    await app.close();
  });

  /** A client at one address, signed in as `actor` or anonymous. */
  const client = (address: string, actor?: Actor) => {
    const send = (method: 'get' | 'patch' | 'put' | 'post', path: string, body?: object) => {
      let req = request(app.getHttpServer())[method](path).set('X-Forwarded-For', address);
      if (actor) req = req.set('Authorization', `Bearer ${actor.token}`);
      return body === undefined ? req : req.send(body);
    };
    return {
      me: () => send('get', '/v1/me'),
      rename: () => send('patch', '/v1/me', { displayName: 'Renamed' }),
      summary: () => send('get', `/v1/programmes/${programmeId}/reports/progress/summary`),
      openData: () => send('get', `/v1/programmes/${programmeId}/open-data`),
      send,
    };
  };

  const viewer = async () => {
    const actor = await fixtures.user();
    await fixtures.member(programmeId, actor.userId, 'viewer');
    return actor;
  };

  it('counts a request against its address and its principal, and says so in the RateLimit fields', async () => {
    const res = await client(newAddress(), await fixtures.user())
      .me()
      .expect(200);
    expect(res.headers['ratelimit-policy']).toBe(
      '"address-read";q=10;w=60, "principal-read";q=4;w=60',
    );
    expect(res.headers.ratelimit).toMatch(/^"address-read";r=9;t=\d+, "principal-read";r=3;t=\d+$/);
    const [, reset] = /t=(\d+)/.exec(res.headers.ratelimit) ?? [];
    expect(Number(reset)).toBeGreaterThanOrEqual(59);
    expect(Number(reset)).toBeLessThanOrEqual(60);
  });

  it('refuses a principal past its read budget, but not its writes, its expensive requests or another principal', async () => {
    const address = newAddress();
    const reader = client(address, await viewer());
    for (let i = 0; i < 4; i += 1) await reader.me().expect(200);
    expectRateLimited(await reader.me(), 'principal-read');

    await reader.rename().expect(200);
    await reader.summary().expect(200);
    await client(address, await fixtures.user())
      .me()
      .expect(200);
  });

  it('counts a person’s API tokens against the person’s budget, so tokens do not multiply it', async () => {
    const person = await viewer();
    const address = newAddress();
    const tokens: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const created = await client(address, person)
        .send('post', '/v1/me/api-tokens', { name: `Script ${i}`, programmeId, scope: 'read' })
        .expect(201);
      tokens.push((created.body as { token: string }).token);
    }
    const read = (token: string) =>
      request(app.getHttpServer())
        .get(`/v1/programmes/${programmeId}`)
        .set('X-Forwarded-For', newAddress())
        .set('Authorization', `Bearer ${token}`);
    await client(address, person).me().expect(200);
    await client(address, person).me().expect(200);
    await read(tokens[0]).expect(200);
    await read(tokens[1]).expect(200);
    expectRateLimited(await read(tokens[1]), 'principal-read');
    expectRateLimited(await read(tokens[0]), 'principal-read');
    expectRateLimited(await client(address, person).me(), 'principal-read');
  });

  it('refuses a principal past its write budget, and still lets it read', async () => {
    const writer = client(newAddress(), await fixtures.user());
    for (let i = 0; i < 6; i += 1) await writer.rename().expect(200);
    expectRateLimited(await writer.rename(), 'principal-write');
    await writer.me().expect(200);
  });

  it('refuses a principal past its budget for expensive routes, whichever of them it calls', async () => {
    const analyst = client(newAddress(), await viewer());
    await analyst.summary().expect(200);
    await analyst.summary().expect(200);
    expectRateLimited(await analyst.summary(), 'principal-expensive');
    expectRateLimited(
      await analyst.send('get', `/v1/programmes/${programmeId}/reports/progress`),
      'principal-expensive',
    );
    await analyst.send('get', `/v1/programmes/${programmeId}`).expect(200);
  });

  it('holds anonymous callers to their address’s budget, and everyone else behind that address', async () => {
    const address = newAddress();
    const anonymous = client(address);
    for (let i = 0; i < 4; i += 1) await anonymous.openData().expect(200);
    const refused = await anonymous.openData();
    expectRateLimited(refused, 'address-expensive');
    expect(refused.headers['ratelimit-policy']).toBe('"address-expensive";q=4;w=60');

    const member = await viewer();
    expectRateLimited(await client(address, member).summary(), 'address-expensive');
    await client(newAddress(), member).summary().expect(200);
  });

  it('takes the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    // The proxy in front (TRUST_PROXY=true: one) appends the address it saw to what the client
    // sent: an address the client makes up each time neither escapes the limit nor spends
    // someone else's budget.
    const real = newAddress();
    const victim = newAddress();
    const behindProxy = (made: string) =>
      request(app.getHttpServer())
        .get(`/v1/programmes/${programmeId}/open-data`)
        .set('X-Forwarded-For', `${made}, ${real}`);
    for (let i = 0; i < 4; i += 1) await behindProxy(`198.51.100.${i + 1}`).expect(200);
    expectRateLimited(await behindProxy('198.51.100.99'), 'address-expensive');
    for (let i = 0; i < 4; i += 1) await behindProxy(victim).expect(429);
    await client(victim).openData().expect(200);
  });

  it('stops a flood of made-up tokens at the address budget, before looking them up', async () => {
    const lookups = jest.spyOn(app.get(AccessTokens), 'authenticate');
    try {
      const address = newAddress();
      const forged = (i: number) =>
        request(app.getHttpServer())
          .get('/v1/me')
          .set('X-Forwarded-For', address)
          .set('Authorization', `Bearer sbt_madeUpToken${i}`);
      for (let i = 0; i < 10; i += 1) await forged(i).expect(401);
      expect(lookups).toHaveBeenCalledTimes(10);
      expectRateLimited(await forged(10), 'address-read');
      expect(lookups).toHaveBeenCalledTimes(10);
    } finally {
      lookups.mockRestore();
    }
  });

  it('does not let a token of an ended session spend its owner’s budget', async () => {
    const person = await fixtures.user();
    const signIn = async () =>
      (
        await request(app.getHttpServer())
          .post('/v1/auth/login')
          .set('X-Forwarded-For', newAddress())
          .send({ email: person.email, password: person.password })
          .expect(200)
      ).body as { accessToken: string; refreshToken: string };
    const as = (token: string) =>
      request(app.getHttpServer())
        .get('/v1/me')
        .set('X-Forwarded-For', newAddress())
        .set('Authorization', `Bearer ${token}`);
    const leaked = await signIn();
    await as(leaked.accessToken).expect(200);
    await request(app.getHttpServer())
      .post('/v1/auth/logout')
      .set('X-Forwarded-For', newAddress())
      .send({ refreshToken: leaked.refreshToken })
      .expect(204);
    // Someone holding the ended session's token, from addresses of their own.
    for (let i = 0; i < 6; i += 1) await as(leaked.accessToken).expect(401);
    // The owner's budget (4 reads) has the one read of the ended session spent, no more.
    const now = await signIn();
    for (let i = 0; i < 3; i += 1) await as(now.accessToken).expect(200);
    expectRateLimited(await as(now.accessToken), 'principal-read');
  });

  it('leaves the health probes and the OpenAPI document alone', async () => {
    const address = newAddress();
    const anonymous = client(address);
    for (let i = 0; i < 10; i += 1) await anonymous.send('get', '/v1').expect(200);
    expectRateLimited(await anonymous.send('get', '/v1'), 'address-read');

    for (const path of ['/health/live', '/health/ready', '/v1/openapi.json', '/v1/docs']) {
      const res = await anonymous.send('get', path).expect(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
  });

  it('keeps the log-in lockout beside the limits', async () => {
    const actor = await fixtures.user();
    const anonymous = client(newAddress());
    const login = (password: string) =>
      anonymous.send('post', '/v1/auth/login', { email: actor.email, password });
    for (let i = 0; i < 3; i += 1) await login(`wrong password ${i}`).expect(401);
    const locked = await login(actor.password);
    expect({ status: locked.status, code: locked.body.code }).toEqual({
      status: 429,
      code: 'LOGIN_LOCKED',
    });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.headers.ratelimit).toMatch(/^"address-write";r=8;t=\d+$/);
  });

  it('locks password changes after wrong current passwords, with Retry-After, and log-in with them', async () => {
    const actor = await fixtures.user();
    const address = newAddress();
    const me = client(address, actor);
    const change = (currentPassword: string) =>
      me.send('put', '/v1/me/password', {
        currentPassword,
        newPassword: 'Een nieuw en sterk wachtwoord',
      });
    for (let i = 0; i < 3; i += 1) {
      const wrong = await change(`not my password ${i}`).expect(400);
      expect(wrong.body.invalidParams).toEqual([
        { name: 'currentPassword', reason: 'is not your current password' },
      ]);
    }
    const locked = await change(actor.password);
    expect({ status: locked.status, code: locked.body.code }).toEqual({
      status: 429,
      code: 'PASSWORD_CHANGE_LOCKED',
    });
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const login = await client(address).send('post', '/v1/auth/login', {
      email: actor.email,
      password: actor.password,
    });
    expect({ status: login.status, code: login.body.code }).toEqual({
      status: 429,
      code: 'LOGIN_LOCKED',
    });

    const ours = logs.lines().filter((line) => line.userId === actor.userId);
    expect(ours.map((line): unknown => line.event)).toEqual([
      'password_change_failed',
      'password_change_failed',
      'password_change_failed',
      'login_lockout_started',
    ]);
    expect(logs.text()).not.toContain('not my password');
    const recorded: { result: string; actorId: string; details: Record<string, unknown> }[] =
      await app.get(DataSource).query(
        `SELECT result, actor_id AS "actorId", details FROM audit_events
          WHERE operation = 'password_change' AND entity_id = $1 ORDER BY sequence`,
        [actor.userId],
      );
    expect(recorded).toEqual([
      ...Array.from({ length: 2 }, () => ({
        result: 'failure',
        actorId: actor.userId,
        details: { via: 'self', reason: 'wrong_current_password' },
      })),
      {
        result: 'failure',
        actorId: actor.userId,
        details: {
          via: 'self',
          reason: 'wrong_current_password',
          lockoutStarted: ['account'],
          lockoutSeconds: 60,
        },
      },
    ]);
  });

  it('gives the account its guesses back when the current password is right', async () => {
    const actor = await fixtures.user();
    const me = client(newAddress(), actor);
    let password = actor.password;
    for (let round = 0; round < 2; round += 1) {
      for (const guess of ['wrong one', 'wrong two']) {
        await me
          .send('put', '/v1/me/password', { currentPassword: guess, newPassword: 'Nooit geraden' })
          .expect(400);
      }
      const next = `Een nieuw wachtwoord nummer ${round}`;
      await me
        .send('put', '/v1/me/password', { currentPassword: password, newPassword: next })
        .expect(204);
      password = next;
    }
  });
});

describe('API rate limits while Redis is away', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let proxy: TcpProxy;
  let redis: IORedis;
  const redisPrefix = prefix('rl-outage');

  beforeAll(async () => {
    const base = testConfig();
    proxy = TcpProxy.forUrl(base.redis.url);
    app = await startApi({
      config: testConfig({
        ...LIMITS,
        RATE_LIMIT_PRINCIPAL_READS: '3',
        REDIS_PREFIX: redisPrefix,
        REDIS_URL: await proxy.start(base.redis.url),
        REDIS_COMMAND_TIMEOUT_MS: '500',
      }),
      logs,
    });
    fixtures = new IdentityFixtures(app);
    redis = new IORedis(base.redis.url);
  });

  afterAll(async () => {
    proxy.restore();
    redis.disconnect();
    await app.close();
    await proxy.close();
  });

  const me = (actor: Actor) =>
    request(app.getHttpServer()).get('/v1/me').set('Authorization', `Bearer ${actor.token}`);
  const countedInRedis = async (actor: Actor) =>
    (await redis.exists(`${redisPrefix}:ratelimit:principal-read:user:${actor.userId}`)) === 1;

  it('keeps answering, counting in memory so that the limits still hold, and back in Redis after', async () => {
    const before = await fixtures.user();
    await me(before).expect(200);
    expect(await countedInRedis(before)).toBe(true);

    proxy.cut();
    try {
      const during = await fixtures.user();
      for (let i = 0; i < 3; i += 1) {
        const res = await me(during).expect(200);
        expect(res.headers.ratelimit).toContain(`"principal-read";r=${2 - i};`);
      }
      expectRateLimited(await me(during), 'principal-read');
      expect(await countedInRedis(during)).toBe(false);
      expect(logs.lines().map((line): unknown => line.event)).toContain(
        'rate_limit_store_unavailable',
      );

      // Password checks fail closed instead: the throttle that guards them cannot count.
      const change = await request(app.getHttpServer())
        .put('/v1/me/password')
        .set('Authorization', `Bearer ${during.token}`)
        .send({ currentPassword: during.password, newPassword: 'Een nieuw en sterk wachtwoord' });
      expect({ status: change.status, code: change.body.code }).toEqual({
        status: 503,
        code: 'PASSWORD_CHANGE_UNAVAILABLE',
      });
      expect(Number(change.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      proxy.restore();
    }

    const after = await fixtures.user();
    await eventually(async () => (await me(after)).status === 200 && countedInRedis(after));
    expect(logs.lines().map((line): unknown => line.event)).toContain('rate_limit_store_recovered');
  });
});
