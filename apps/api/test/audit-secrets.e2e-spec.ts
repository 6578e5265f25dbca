import type { NestExpressApplication } from '@nestjs/platform-express';
import IORedis from 'ioredis';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

/** Unique strings that would betray a leak wherever they turn up. */
const canary = (name: string) => `Canary-${name}-${randomUUID()}`;

/** Every value Redis holds under `prefix`, whatever the type of its key (BullMQ uses several). */
async function redisValues(redis: IORedis, prefix: string): Promise<string[]> {
  const values: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') values.push((await redis.get(key)) ?? '');
      else if (type === 'hash') values.push(...Object.values(await redis.hgetall(key)));
      else if (type === 'list') values.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'set') values.push(...(await redis.smembers(key)));
      else if (type === 'zset') values.push(...(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') {
        for (const [, fields] of await redis.xrange(key, '-', '+')) values.push(...fields);
      }
    }
  } while (cursor !== '0');
  return values;
}

/**
 * BIO2 8.15 and the audit design: no password, API token, refresh token or access token
 * ends up in the audit log, the logs, the outbox or the queues, whatever path a secret
 * takes through the identity routes. One app only: nestjs-pino keeps one logger per process.
 */
describe('secrets stay out of the audit log, the logs, the outbox and the queues', () => {
  const logs = new LogCapture();
  const prefix = process.env.SBT_TEST_REDIS_PREFIX as string;
  let app: NestExpressApplication;
  let db: DataSource;
  let redis: IORedis;
  let fixtures: IdentityFixtures;
  let admin: Actor;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({ REDIS_PREFIX: `${prefix}-audit-secrets`, LOG_LEVEL: 'debug' }),
      logs,
    });
    db = app.get(DataSource);
    fixtures = new IdentityFixtures(app);
    redis = new IORedis(process.env.SBT_TEST_REDIS_URL as string);
    admin = await fixtures.user({ isPlatformAdmin: true });
  });

  afterAll(async () => {
    redis.disconnect();
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({
    post: (path: string, body: object) =>
      http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) =>
      http().put(path).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string) => http().get(path).set('Authorization', `Bearer ${token}`),
  });

  it('records the events of a password’s and a token’s whole life without any of them', async () => {
    const passwords = {
      initial: canary('initial-password'),
      wrong: canary('wrong-password'),
      changed: canary('changed-password'),
      reset: canary('reset-password'),
    };
    const organisation = await fixtures.organisation();
    const programme = await fixtures.programme();
    const email = `canary-${randomUUID()}@example.nl`;

    const created = await as(admin.token)
      .post('/v1/users', {
        email,
        displayName: 'Canary',
        organisationId: organisation.id,
        password: passwords.initial,
      })
      .expect(201);
    const userId = created.body.id as string;
    await fixtures.member(programme.id, userId, 'coordinator');

    await http().post('/v1/auth/login').send({ email, password: passwords.wrong }).expect(401);
    const session = await http()
      .post('/v1/auth/login')
      .send({ email, password: passwords.initial })
      .expect(200);
    const { accessToken, refreshToken } = session.body as Record<string, string>;

    await as(accessToken)
      .put('/v1/me/password', {
        currentPassword: passwords.initial,
        newPassword: passwords.changed,
      })
      .expect(204);
    const apiToken = await as(accessToken)
      .post('/v1/me/api-tokens', { name: 'Canary feed', programmeId: programme.id, scope: 'read' })
      .expect(201);
    const token = apiToken.body.token as string;
    await as(token).get(`/v1/programmes/${programme.id}`).expect(200);
    await as(token).post(`/v1/programmes/${programme.id}/tracks`, { name: 'Nope' }).expect(403);

    const rotated = await http().post('/v1/auth/refresh').send({ refreshToken }).expect(200);
    await http().post('/v1/auth/refresh').send({ refreshToken }).expect(401);
    await as(admin.token)
      .put(`/v1/users/${userId}/password`, { password: passwords.reset })
      .expect(204);

    const sessionId = (jwt.decode(accessToken) as { sid: string }).sid;
    const events: { operation: string }[] = await db.query(
      `SELECT operation FROM audit_events
        WHERE entity_id IN ($1, $2, $3) OR actor_id::text IN ($1, $2)
        ORDER BY sequence`,
      [userId, apiToken.body.id, sessionId],
    );
    expect(events.map((event) => event.operation)).toEqual([
      'create',
      'login_failed',
      'login',
      'password_change',
      'token_created',
      'permission_denied',
      'refresh_token_reuse',
      'password_change',
    ]);

    const secrets = {
      ...passwords,
      accessToken,
      refreshToken,
      rotatedRefreshToken: rotated.body.refreshToken as string,
      rotatedAccessToken: rotated.body.accessToken as string,
      apiToken: token,
    };
    const [audit]: { text: string }[] = await db.query(
      `SELECT string_agg(t::text, E'\\n') AS text FROM audit_events t`,
    );
    const [outbox]: { text: string | null }[] = await db.query(
      `SELECT string_agg(payload::text, E'\\n') AS text FROM outbox_events`,
    );
    const places = {
      audit: audit.text,
      logs: logs.text(),
      outbox: outbox.text ?? '',
      redis: (await redisValues(redis, prefix)).join('\n'),
    };
    expect(places.audit).toContain(userId);
    expect(places.logs).toContain(userId);
    const leaks = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(secrets)
        .filter(([, secret]) => text.includes(secret))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(leaks).toEqual([]);
    expect(places.audit).not.toMatch(/\$argon2/);
  });
});
