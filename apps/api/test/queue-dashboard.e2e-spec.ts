import type { NestExpressApplication } from '@nestjs/platform-express';
import { Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppConfig, JobName, JobQueueService, QueueName, RedisConnections } from '@app/core';
import { eventually, startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

const BOARD = '/v1/admin/queues';
const OPEN = '/v1/admin/queue-dashboard/sessions';

/** Signs `actor` in to the board as the web app does: a POST with the bearer token. */
async function boardCookie(app: NestExpressApplication, actor: Actor): Promise<string> {
  const res = await request(app.getHttpServer())
    .post(OPEN)
    .set('Authorization', `Bearer ${actor.token}`)
    .expect(204);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
  expect(cookie).toMatch(/^sbt_queue_dashboard=[^;]+;/);
  return cookie.split(';')[0];
}

/** A job that ran once on a real BullMQ worker and failed for good. */
async function failedJob(app: NestExpressApplication, config: AppConfig): Promise<string> {
  const jobId = `queue-dashboard-${randomUUID()}`;
  const queue = app.get(JobQueueService).queue(QueueName.System);
  await queue.add(JobName.SystemPing, {}, { jobId, attempts: 1 });
  const worker = new Worker(
    QueueName.System,
    () => Promise.reject(new Error('made to fail by the test')),
    { connection: app.get(RedisConnections).options('worker'), prefix: config.redis.prefix },
  );
  try {
    await eventually(async () => (await queue.getJob(jobId))?.failedReason !== undefined, 10_000);
    await eventually(async () => (await queue.getJobState(jobId)) === 'failed', 10_000);
  } finally {
    await worker.close();
  }
  return jobId;
}

describe('queue dashboard (read-only, the default)', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let config: AppConfig;
  let admin: Actor;

  beforeAll(async () => {
    config = testConfig({ REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-queues-ro` });
    app = await startApi({ config });
    fixtures = new IdentityFixtures(app);
    admin = await fixtures.user({ isPlatformAdmin: true });
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows a platform administrator the board, under its own CSP, and lists every queue with counts', async () => {
    const cookie = await boardCookie(app, admin);
    const page = await request(app.getHttpServer())
      .get(`${BOARD}/`)
      .set('Cookie', cookie)
      .expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('__UI_CONFIG__');
    expect(page.text).not.toContain('fonts.googleapis.com');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');

    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    await request(app.getHttpServer())
      .get(`${BOARD}/${script}`)
      .set('Cookie', cookie)
      .expect(200)
      .expect('content-type', /javascript/);

    const queues = await request(app.getHttpServer())
      .get(`${BOARD}/api/queues`)
      .set('Cookie', cookie)
      .expect(200);
    const listed = (queues.body.queues as { name: string; counts: object; readOnlyMode: boolean }[])
      .map((queue) => queue.name)
      .sort();
    expect(listed).toEqual(Object.values(QueueName).sort());
    for (const queue of queues.body.queues) {
      expect(queue.readOnlyMode).toBe(true);
      expect(queue.counts).toEqual(
        expect.objectContaining({ failed: expect.any(Number), waiting: expect.any(Number) }),
      );
    }
  });

  it('refuses a change to the queues, however it is asked', async () => {
    const jobId = await failedJob(app, config);
    const cookie = await boardCookie(app, admin);
    const res = await request(app.getHttpServer())
      .put(`${BOARD}/api/queues/${QueueName.System}/${jobId}/retry`)
      .set('Cookie', cookie)
      .set('Origin', new URL(config.http.publicUrl).origin)
      .expect(403);
    expect(res.body.code).toBe('QUEUE_DASHBOARD_READ_ONLY');
    expect(await app.get(JobQueueService).queue(QueueName.System).getJobState(jobId)).toBe(
      'failed',
    );
  });

  it('refuses anyone but a platform administrator', async () => {
    const programme = await fixtures.programme();
    for (const role of ['coordinator', 'editor'] as const) {
      const member = await fixtures.user();
      await fixtures.member(programme.id, member.userId, role);
      await request(app.getHttpServer())
        .post(OPEN)
        .set('Authorization', `Bearer ${member.token}`)
        .expect(403);
    }
    await request(app.getHttpServer()).post(OPEN).expect(401);
    await request(app.getHttpServer()).get(`${BOARD}/`).expect(401);
    await request(app.getHttpServer()).get(`${BOARD}/api/queues`).expect(401);
    // The API's own access token is not a board ticket, nor the other way round.
    await request(app.getHttpServer())
      .get(`${BOARD}/api/queues`)
      .set('Cookie', `sbt_queue_dashboard=${admin.token}`)
      .expect(401);
    const cookie = await boardCookie(app, admin);
    await request(app.getHttpServer())
      .get('/v1/system/clock')
      .set('Authorization', `Bearer ${cookie.split('=')[1]}`)
      .expect(401);
  });

  it('stops a ticket once its holder is no longer a platform administrator', async () => {
    const former = await fixtures.user({ isPlatformAdmin: true });
    const cookie = await boardCookie(app, former);
    await app
      .get(DataSource)
      .query('UPDATE users SET is_platform_admin = false WHERE id = $1', [former.userId]);
    await fixtures.principalsChanged(former.userId);
    await request(app.getHttpServer()).get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(403);
  });
});

describe('queue dashboard with QUEUE_DASHBOARD_WRITE=true', () => {
  let app: NestExpressApplication;
  let config: AppConfig;
  let admin: Actor;

  beforeAll(async () => {
    config = testConfig({
      REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-queues-rw`,
      QUEUE_DASHBOARD_WRITE: 'true',
    });
    app = await startApi({ config });
    admin = await new IdentityFixtures(app).user({ isPlatformAdmin: true });
  });

  afterAll(async () => {
    await app.close();
  });

  it('retries a failed job for a platform administrator and puts it on record', async () => {
    const jobId = await failedJob(app, config);
    const cookie = await boardCookie(app, admin);
    const res = await request(app.getHttpServer())
      .put(`${BOARD}/api/queues/${QueueName.System}/${jobId}/retry`)
      .set('Cookie', cookie)
      .set('Origin', new URL(config.http.publicUrl).origin)
      .expect((response) => expect(response.status).toBeLessThan(300));
    const state = await app.get(JobQueueService).queue(QueueName.System).getJobState(jobId);
    expect(['waiting', 'active', 'prioritized']).toContain(state);

    const events: Record<string, any>[] = await app
      .get(DataSource)
      .query('SELECT * FROM audit_events WHERE request_id = $1', [res.headers['x-request-id']]);
    expect(events).toEqual([
      expect.objectContaining({
        operation: 'update',
        result: 'success',
        entity_type: 'queue_job',
        entity_id: `${QueueName.System}:${jobId}`,
        actor_type: 'user',
        actor_id: admin.userId,
        details: expect.objectContaining({ action: 'retry', queue: 'system', jobId }),
      }),
    ]);
  });

  it('puts a change the board could not make on record as a failure', async () => {
    const cookie = await boardCookie(app, admin);
    const res = await request(app.getHttpServer())
      .put(`${BOARD}/api/queues/${QueueName.System}/no-such-job/retry`)
      .set('Cookie', cookie)
      .set('Origin', new URL(config.http.publicUrl).origin)
      .expect(404);
    const events: Record<string, any>[] = await app
      .get(DataSource)
      .query('SELECT * FROM audit_events WHERE request_id = $1', [res.headers['x-request-id']]);
    expect(events).toEqual([
      expect.objectContaining({
        operation: 'update',
        result: 'failure',
        entity_id: `${QueueName.System}:no-such-job`,
        actor_id: admin.userId,
        details: expect.objectContaining({ action: 'retry', status: 404 }),
      }),
    ]);
  });

  it('refuses other changes, and changes sent from another site', async () => {
    const cookie = await boardCookie(app, admin);
    const obliterate = await request(app.getHttpServer())
      .put(`${BOARD}/api/queues/${QueueName.System}/obliterate`)
      .set('Cookie', cookie)
      .set('Origin', new URL(config.http.publicUrl).origin)
      .expect(403);
    expect(obliterate.body.code).toBe('QUEUE_DASHBOARD_ACTION_NOT_ALLOWED');
    const foreign = await request(app.getHttpServer())
      .put(`${BOARD}/api/queues/${QueueName.System}/retry/failed`)
      .set('Cookie', cookie)
      .set('Origin', 'https://elsewhere.example')
      .expect(403);
    expect(foreign.body.code).toBe('CSRF_CHECK_FAILED');
  });
});

describe('queue dashboard under the API’s rate limits', () => {
  let app: NestExpressApplication;
  let fixtures: IdentityFixtures;
  let addresses = 0;
  /** A client address of its own for each test (TRUST_PROXY: X-Forwarded-For names it). */
  const newAddress = () => `198.51.100.${(addresses += 1)}`;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-queues-rl`,
        TRUST_PROXY: 'true',
        RATE_LIMIT_PRINCIPAL_READS: '3',
        RATE_LIMIT_ADDRESS_READS: '5',
      }),
    });
    fixtures = new IdentityFixtures(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const board = (address: string, cookie: string) =>
    request(app.getHttpServer())
      .get(`${BOARD}/api/queues`)
      .set('X-Forwarded-For', address)
      .set('Cookie', cookie);

  it('counts the board’s requests against the person’s budget, and refuses past it with a 429', async () => {
    const cookie = await boardCookie(app, await fixtures.user({ isPlatformAdmin: true }));
    const address = newAddress();
    for (let left = 2; left >= 0; left -= 1) {
      const res = await board(address, cookie).expect(200);
      expect(res.headers.ratelimit).toMatch(
        new RegExp(`"address-read";r=${left + 2};t=\\d+, "principal-read";r=${left};t=\\d+$`),
      );
    }
    const refused = await board(address, cookie).expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers.ratelimit).toContain('"principal-read";r=0;');
  });

  it('stops a flood of made-up tickets at the address budget, before looking them up', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i += 1) {
      await board(address, 'sbt_queue_dashboard=made-up').expect(401);
    }
    const refused = await board(address, 'sbt_queue_dashboard=made-up').expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.headers.ratelimit).toMatch(/^"address-read";r=0;t=\d+$/);
  });
});
