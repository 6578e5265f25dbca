import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { RedisConnections } from '@app/core';
import { ProgrammeProbeController } from '../../../test/fixtures/programme-probe.controller';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';
import { TcpProxy } from '../../../test/support/tcp-proxy';

/**
 * A person's principal is kept between requests by each API process (PrincipalCache), and read
 * again at once when it changes: here two API apps share PostgreSQL and Redis, a request keeps
 * the principal, the change goes through the other app, and the very next request must already
 * see it — as a load balancer would send them to two replicas.
 *
 * In one process the two apps share passport's registry of strategies: every request is
 * authenticated by the bearer strategy of the app started last (A), with A's cache. So every
 * change goes through B, whose own cache is not the one read: only the new epoch in Redis can
 * tell A's cache that a principal changed, as it must tell another replica's: the announcement
 * A hears through its subscription, or while that does not stand, the epoch in Redis.
 *
 * A reaches Redis through a proxy, so that a test can take Redis away from A alone.
 */
describe('principals kept between requests, across API processes', () => {
  let a: NestExpressApplication;
  let b: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let db: DataSource;
  let admin: Actor;
  let programmeId: string;
  let proxy: TcpProxy;
  /** nestjs-pino logs every app of the file through the first one started: B. */
  const logs = new LogCapture();

  beforeAll(async () => {
    // One database and one Redis prefix, as two replicas have.
    const config = testConfig({
      REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-principals`,
      LOG_LEVEL: 'info',
    });
    proxy = TcpProxy.forUrl(config.redis.url);
    const throughProxy = {
      ...config,
      redis: { ...config.redis, url: await proxy.start(config.redis.url) },
    };
    // One after the other: A's bearer strategy is the one registered last.
    b = await startApi({ config, controllers: [ProgrammeProbeController], logs });
    a = await startApi({ config: throughProxy, controllers: [ProgrammeProbeController] });
    fixtures = new IdentityFixtures(a);
    db = a.get<DataSource>(getDataSourceToken());
    admin = await fixtures.user({ isPlatformAdmin: true });
    programmeId = (await fixtures.programme()).id;
  });

  afterAll(async () => {
    proxy.restore();
    await Promise.all([a?.close(), b?.close()]);
    await proxy.close();
  });

  const through = (app: NestExpressApplication, token: string) => ({
    get: (path: string) =>
      request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string) =>
      request(app.getHttpServer()).post(path).set('Authorization', `Bearer ${token}`),
    patch: (path: string, body: object) =>
      request(app.getHttpServer()).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) =>
      request(app.getHttpServer()).delete(path).set('Authorization', `Bearer ${token}`),
  });
  const probe = `/v1/test-programme-probes`;

  /** A person signed in with a password, as the web app does: a session, its tokens. */
  async function signedIn(): Promise<Actor & { accessToken: string; refreshToken: string }> {
    const person = await fixtures.user();
    const res = await request(a.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: person.email, password: person.password })
      .expect(200);
    return { ...person, ...(res.body as { accessToken: string; refreshToken: string }) };
  }

  /** The statements the API processes of this file send PostgreSQL while `work` runs. */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const original = pg.Client.prototype.query;
    const query = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const first = args[0] as string | { text?: string };
      sent.push(typeof first === 'string' ? first : (first.text ?? ''));
      return (original as (...all: unknown[]) => unknown).apply(this, args) as never;
    });
    try {
      await work();
    } finally {
      query.mockRestore();
    }
    return sent;
  }

  it('reads a kept principal from memory: the second request sends no identity statement', async () => {
    const person = await signedIn();
    const reads = (sent: string[]) => sent.filter((text) => /FROM refresh_tokens r/.test(text));
    const first = await statementsDuring(() =>
      through(a, person.accessToken).get('/v1/me').expect(200),
    );
    expect(reads(first)).toHaveLength(1);
    const second = await statementsDuring(() =>
      through(a, person.accessToken).get('/v1/me').expect(200),
    );
    expect(second.length).toBeGreaterThan(0);
    expect(reads(second)).toEqual([]);
  });

  it('refuses a session at once after its log-out through another process', async () => {
    const person = await signedIn();
    await through(a, person.accessToken).get('/v1/me').expect(200);
    await request(b.getHttpServer())
      .post('/v1/auth/logout')
      .send({ refreshToken: person.refreshToken })
      .expect(204);
    await through(a, person.accessToken).get('/v1/me').expect(401);
  });

  it('refuses every session at once after signing out everywhere through another process', async () => {
    const person = await signedIn();
    const other = await fixtures.token(person.userId);
    await through(a, other).get('/v1/me').expect(200);
    await through(b, person.accessToken).delete('/v1/me/sessions').expect(204);
    await through(a, other).get('/v1/me').expect(401);
  });

  it('refuses a user at once after deactivation through another process', async () => {
    const person = await signedIn();
    await through(a, person.accessToken).get('/v1/me').expect(200);
    await through(b, admin.token)
      .patch(`/v1/users/${person.userId}`, { isActive: false })
      .expect(200);
    await through(a, person.accessToken).get('/v1/me').expect(401);
  });

  it('takes platform administration away at once', async () => {
    const former = await fixtures.user({ isPlatformAdmin: true });
    await through(a, former.token).get('/v1/users').expect(200);
    await through(b, admin.token)
      .patch(`/v1/users/${former.userId}`, { isPlatformAdmin: false })
      .expect(200);
    await through(a, former.token).get('/v1/users').expect(403);
  });

  it('follows a membership added, its role changed and removed, each at once', async () => {
    const person = await signedIn();
    const reader = through(a, person.accessToken);
    await reader.get(`${probe}/${programmeId}`).expect(404);

    const added = await through(b, admin.token)
      .post(`/v1/programmes/${programmeId}/members`)
      .send({ userId: person.userId, role: 'viewer' })
      .expect(201);
    const membership = `/v1/programmes/${programmeId}/members/${added.body.id as string}`;
    await reader.get(`${probe}/${programmeId}`).expect(200);
    await reader.post(`${probe}/${programmeId}`).expect(403);

    await through(b, admin.token).patch(membership, { role: 'coordinator' }).expect(200);
    await reader.post(`${probe}/${programmeId}`).expect(200);

    // Another coordinator first: the last one cannot be removed.
    await fixtures.member(programmeId, admin.userId, 'coordinator');
    await through(b, admin.token).delete(membership).expect(204);
    await reader.get(`${probe}/${programmeId}`).expect(404);
  });

  it('ends the other sessions at once when a person changes their password', async () => {
    const person = await signedIn();
    const other = await fixtures.token(person.userId);
    await through(a, other).get('/v1/me').expect(200);
    await request(b.getHttpServer())
      .put('/v1/me/password')
      .set('Authorization', `Bearer ${person.accessToken}`)
      .send({ currentPassword: person.password, newPassword: `${person.password} anew, longer` })
      .expect(204);
    await through(a, other).get('/v1/me').expect(401);
    // The session that changed it goes on, through either process.
    await through(a, person.accessToken).get('/v1/me').expect(200);
  });

  it('asks Redis nothing for a kept principal while its process hears every change', async () => {
    const person = await signedIn();
    await through(a, person.accessToken).get('/v1/me').expect(200);
    const shared = a.get(RedisConnections).shared();
    const sent = jest.spyOn(shared, 'sendCommand');
    try {
      await through(a, person.accessToken).get('/v1/me').expect(200);
      // Neither an epoch nor a rate-limit count: both come from memory (the lease of the
      // quota was taken by the first request).
      expect(sent.mock.calls.map(([command]) => command.name)).toEqual([]);
    } finally {
      sent.mockRestore();
    }
  });

  it('refuses a deactivated user at once even while Redis hangs for the process that kept them', async () => {
    const person = await signedIn();
    await through(a, person.accessToken).get('/v1/me').expect(200);
    proxy.stall();
    try {
      // A hears nothing now: B waits for A's confirmation, at most a second, and says so …
      await through(b, admin.token)
        .patch(`/v1/users/${person.userId}`, { isActive: false })
        .expect(200);
      expect(logs.lines().map((line): unknown => line.event)).toContain(
        'principal_change_unconfirmed',
      );
      // … by which time A no longer trusts its subscription (no heartbeat answered), cannot
      // ask Redis for the epoch either, and so reads the principal.
      await through(a, person.accessToken).get('/v1/me').expect(401);
    } finally {
      proxy.restore();
    }
  });

  it('trusts nothing kept while Redis is away: each request reads its principal', async () => {
    const person = await signedIn();
    await through(a, person.accessToken).get('/v1/me').expect(200);
    // A change that announces nothing (made by hand in SQL) is not seen from memory: it
    // takes effect within PRINCIPAL_MAX_AGE_MS (README "Operating it") …
    await db.query('UPDATE users SET is_active = false WHERE id = $1', [person.userId]);
    await through(a, person.accessToken).get('/v1/me').expect(200);
    // … or as soon as Redis is away for A: then the principal is read every request.
    proxy.cut();
    try {
      await through(a, person.accessToken).get('/v1/me').expect(401);
    } finally {
      proxy.restore();
    }
  });
});
