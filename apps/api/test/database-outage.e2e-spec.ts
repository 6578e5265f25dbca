import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { TransactionProbeController } from '../../../test/fixtures/transaction-probe.controller';
import { eventually, startApi, testConfig } from '../../../test/support/e2e';
import { IdentityFixtures } from '../../../test/support/identity-fixtures';
import { PgCrashProxy } from '../../../test/support/pg-crash-proxy';
import { TcpProxy } from '../../../test/support/tcp-proxy';

/** An outage of PostgreSQL, never the caller's fault: 503 problem+json saying when to retry. */
function expectOutage(res: Response): void {
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['www-authenticate']).toBeUndefined();
}

describe('the API while PostgreSQL is away', () => {
  let app: NestExpressApplication;
  // API → TCP proxy (cut: unreachable) → crash proxy (a crash as sessions start) → PostgreSQL.
  let unreachable: TcpProxy;
  let crash: PgCrashProxy;
  let bearer: string;
  let apiToken: string;
  let programmeId: string;
  let fixtures: IdentityFixtures;

  beforeAll(async () => {
    const base = testConfig();
    crash = PgCrashProxy.forUrl(base.database.url);
    const crashUrl = await crash.start(base.database.url);
    unreachable = TcpProxy.forUrl(crashUrl);
    app = await startApi({
      config: testConfig({ DATABASE_URL: await unreachable.start(crashUrl) }),
      controllers: [TransactionProbeController],
    });
    fixtures = new IdentityFixtures(app);
    const user = await fixtures.user();
    programmeId = (await fixtures.programme()).id;
    await fixtures.member(programmeId, user.userId, 'editor');
    bearer = user.token;
    const token = await http()
      .post('/v1/me/api-tokens')
      .set('Authorization', `Bearer ${bearer}`)
      .send({ name: 'Agenda', programmeId, scope: 'read' })
      .expect(201);
    apiToken = token.body.token;
  });

  afterAll(async () => {
    unreachable.restore();
    crash.crashing = false;
    await app.close();
    await Promise.all([unreachable.close(), crash.close()]);
  });

  afterEach(async () => {
    unreachable.restore();
    crash.crashing = false;
    await eventually(async () => (await http().get('/health/ready')).status === 200);
  });

  const http = () => request(app.getHttpServer());
  const calendar = () => `/v1/programmes/${programmeId}/deadlines.ics`;

  it('answers a signed-in request 503 with Retry-After, not 401, and 200 once it is back', async () => {
    await http().get('/v1/me/api-tokens').set('Authorization', `Bearer ${bearer}`).expect(200);
    unreachable.cut();
    expectOutage(await http().get('/v1/me/api-tokens').set('Authorization', `Bearer ${bearer}`));
    // An API token is checked (and its use recorded) in PostgreSQL too, as bearer or as Basic.
    expectOutage(await http().get(calendar()).set('Authorization', `Bearer ${apiToken}`));
    expectOutage(
      await http()
        .get(calendar())
        .set('Authorization', `Basic ${Buffer.from(`feed:${apiToken}`).toString('base64')}`),
    );
    // A token that is no token stays the caller's fault: nothing had to be looked up.
    const garbage = await http().get('/v1/me/api-tokens').set('Authorization', 'Bearer nonsense');
    expect(garbage.status).toBe(401);
    unreachable.restore();
    await eventually(
      async () =>
        (await http().get('/v1/me/api-tokens').set('Authorization', `Bearer ${bearer}`)).status ===
        200,
    );
  });

  it('does not count log-ins that could not reach PostgreSQL toward a lockout', async () => {
    const person = await fixtures.user();
    unreachable.cut();
    // More attempts than an account may fail (5): none was a failure of the person's.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expectOutage(
        await http()
          .post('/v1/auth/login')
          .send({ email: person.email, password: person.password }),
      );
    }
    unreachable.restore();
    await eventually(async () => (await http().get('/health/ready')).status === 200);
    await http()
      .post('/v1/auth/login')
      .send({ email: person.email, password: person.password })
      .expect(200);
  });

  it("keeps a browser session's cookie through the outage: refresh and log-out answer 503 and clear nothing", async () => {
    const person = await fixtures.user();
    const origin = new URL(app.get<AppConfig>(APP_CONFIG).http.publicUrl).origin;
    const cookieOf = (res: Response) =>
      ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((line) => line.startsWith('sbt_refresh='))
        ?.split(';')[0]
        .slice('sbt_refresh='.length);
    const fromApp = (path: string, cookie?: string) => {
      const call = http().post(path).set('Origin', origin).set('X-CSRF-Protection', '1');
      return cookie === undefined ? call : call.set('Cookie', `sbt_refresh=${cookie}`);
    };
    const login = await fromApp('/v1/auth/browser/login')
      .send({ email: person.email, password: person.password })
      .expect(200);
    const cookie = cookieOf(login)!;

    unreachable.cut();
    // Undecided, not refused: the browser must keep its cookie (the web app keeps the person
    // signed in and tries again), and a log-out that did not happen must not look done.
    for (const path of ['/v1/auth/browser/refresh', '/v1/auth/browser/logout']) {
      const res = await fromApp(path, cookie);
      expectOutage(res);
      expect({ path, cookie: cookieOf(res) }).toEqual({ path, cookie: undefined });
    }
    unreachable.restore();
    await eventually(async () => (await http().get('/health/ready')).status === 200);
    const refreshed = await fromApp('/v1/auth/browser/refresh', cookie).expect(200);
    await fromApp('/v1/auth/browser/logout', cookieOf(refreshed)).expect(204);
  });

  it('answers 503 to a request whose database connection dies while it is in flight', async () => {
    TransactionProbeController.arm();
    const inFlight = http()
      .get('/v1/test-transaction-probe')
      .then((res) => res);
    // (A request that fails before it waits would answer first.)
    await Promise.race([TransactionProbeController.waiting, inFlight]);
    // Its connection is cut between two statements of its transaction, as a crash cuts it.
    unreachable.cut();
    await new Promise((resolve) => setTimeout(resolve, 100));
    TransactionProbeController.release();
    expectOutage(await inFlight);
  });

  it('answers 503 to a signed-in request whose authentication was in flight at the cut', async () => {
    unreachable.stall();
    const inFlight = http()
      .get('/v1/me/api-tokens')
      .set('Authorization', `Bearer ${bearer}`)
      .then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 200));
    unreachable.cut();
    expectOutage(await inFlight);
  });

  it('keeps running when PostgreSQL crashes under load, and serves again when it is back', async () => {
    // More requests at once than the pool has connections (5): each connection handed from
    // one request to a waiting one can be the one whose termination arrives with its answer.
    const burst = () =>
      Promise.all(
        Array.from({ length: 16 }, async (_, i) =>
          i % 4 === 0
            ? { probe: true, res: await http().get('/health/ready') }
            : {
                probe: false,
                res: await http().get('/v1/me/api-tokens').set('Authorization', `Bearer ${bearer}`),
              },
        ),
      );
    const first = burst();
    await new Promise((resolve) => setTimeout(resolve, 15));
    crash.crashing = true;
    const answers = [...(await first)];
    for (let round = 0; round < 5; round += 1) answers.push(...(await burst()));
    expect(crash.crashed).toBeGreaterThan(0);
    // Answered, each one: what was done before the crash (200), or an outage (503).
    for (const { probe, res } of answers) {
      if (res.status !== 200 && !probe) expectOutage(res);
    }
    expect(answers.filter(({ res }) => res.status === 503).length).toBeGreaterThan(0);
    crash.crashing = false;
    await eventually(async () => (await http().get('/health/ready')).status === 200);
    await http().get('/v1/me/api-tokens').set('Authorization', `Bearer ${bearer}`).expect(200);
  });
});
