import { randomUUID } from 'node:crypto';
import { type Job, Worker } from 'bullmq';
import {
  JobName,
  type JobPlacement,
  JobQueueService,
  QueueName,
  RedisConnections,
} from '@app/core';
import { deleteRedisKeys } from '../scripts/services/scratch-database';
import { eventually, testConfig } from './support/e2e';
import { TcpProxy } from './support/tcp-proxy';

/**
 * `JobQueueService.ensure` against a real Redis: a job that is running when more work is
 * committed for it runs once more (`newWork`), so the work committed while it ran is not left
 * to the reconciler (seen as a reminder of an update round sent minutes late).
 */
describe('JobQueueService.ensure', () => {
  const prefix = `${process.env.SBT_TEST_REDIS_PREFIX}-ensure`;
  const config = testConfig({ REDIS_PREFIX: prefix });
  const redis = new RedisConnections(config);
  const queues = new JobQueueService(config, redis);
  let worker: Worker;
  const started: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));

  beforeAll(() => {
    worker = new Worker(
      QueueName.Reminders,
      async (job: Job) => {
        started.push(job.id!);
        // The first run holds until the test has committed more work for it.
        if (started.length === 1) await held;
      },
      { connection: redis.options('worker'), prefix, concurrency: 2 },
    );
  });

  afterAll(async () => {
    release();
    await worker.close();
    await queues.onApplicationShutdown();
    await redis.onApplicationShutdown();
    await deleteRedisKeys(config.redis.url, prefix);
  });

  it('runs a job that is running now once more when new work comes for it, and only then', async () => {
    const placement: JobPlacement = {
      job: {
        name: JobName.ReminderDue,
        data: { programmeId: randomUUID(), dueAt: new Date().toISOString() },
      },
      jobId: `reminders-${randomUUID()}`,
    };
    expect(await queues.ensure(placement, { newWork: true })).toBe('added');
    await eventually(() => started.length === 1);
    // Running: a reconciler's check leaves it be; new work makes it run again after all.
    expect(await queues.ensure(placement)).toBe('present');
    expect(await queues.ensure(placement, { newWork: true })).toBe('again');
    await eventually(() => started.length === 2);
    expect(started[1]).toMatch(new RegExp(`^${placement.jobId}-again-`));
    release();
  });
});

/**
 * The repeating jobs live in Redis: the worker checks they are there (on a timer, and when its
 * connection comes back) and registers them again if Redis lost them.
 */
describe('JobQueueService schedules after Redis lost its data', () => {
  const prefix = `${process.env.SBT_TEST_REDIS_PREFIX}-schedules`;
  const base = testConfig();
  const proxy = TcpProxy.forUrl(base.redis.url);
  let config: ReturnType<typeof testConfig>;
  let redis: RedisConnections;
  let queues: JobQueueService;
  const ping = { name: JobName.SystemPing, data: { note: 'schedule probe' } } as const;

  beforeAll(async () => {
    config = testConfig({ REDIS_PREFIX: prefix, REDIS_URL: await proxy.start(base.redis.url) });
    redis = new RedisConnections(config);
    queues = new JobQueueService(config, redis);
  });

  afterAll(async () => {
    proxy.restore();
    await queues.onApplicationShutdown();
    await redis.onApplicationShutdown();
    await proxy.close();
    await deleteRedisKeys(base.redis.url, prefix);
  });

  it('registers a schedule that Redis lost, and leaves one that is there alone', async () => {
    expect(await queues.ensureScheduled('probe', 3_600_000, ping)).toBe('registered');
    expect(await queues.ensureScheduled('probe', 3_600_000, ping)).toBe('present');
    await deleteRedisKeys(base.redis.url, prefix);
    expect(await queues.ensureScheduled('probe', 3_600_000, ping)).toBe('registered');
    expect(await queues.queue(QueueName.System).getJobScheduler('probe')).toMatchObject({
      key: 'probe',
      every: 3_600_000,
    });
  });

  it('tells when its connection to Redis is back, as after a restart that may have lost it all', async () => {
    let heard = 0;
    const stop = queues.onReconnect(() => (heard += 1));
    await queues.queue(QueueName.System).getJobCounts('waiting');
    expect(heard).toBe(0);
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.restore();
    await eventually(() => heard > 0);
    stop();
  });
});
