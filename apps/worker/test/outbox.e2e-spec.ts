import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AppConfig,
  JobName,
  JobQueueService,
  OutboxRelayService,
  OutboxService,
  outboxJobId,
  QueueName,
} from '@app/core';
import { eventually, startWorker, testConfig } from '../../../test/support/e2e';
import { TcpProxy } from '../../../test/support/tcp-proxy';

describe('transactional outbox', () => {
  // Each scenario gets its own queue prefix, so job counts belong to it alone.
  const prefix = () => `${process.env.SBT_TEST_REDIS_PREFIX}-outbox-${randomUUID().slice(0, 8)}`;
  const contexts: INestApplicationContext[] = [];
  const inspectors: { queue: Queue; redis: IORedis }[] = [];

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await Promise.all(
      inspectors.splice(0).map(async ({ queue, redis }) => {
        await queue.close();
        redis.disconnect();
      }),
    );
  });

  async function worker(config: AppConfig): Promise<INestApplicationContext> {
    const context = await startWorker(config);
    contexts.push(context);
    return context;
  }

  /** A queue on the real Redis (never through a proxy), to see what a client would see. */
  function inspect(config: AppConfig): Queue {
    const redis = new IORedis(testConfig().redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.System, { connection: redis, prefix: config.redis.prefix });
    inspectors.push({ queue, redis });
    return queue;
  }

  async function jobsWithNote(queue: Queue, note: string) {
    const jobs = await queue.getJobs([
      'waiting',
      'active',
      'completed',
      'delayed',
      'failed',
      'prioritized',
    ]);
    return jobs.filter((job) => job.data.note === note);
  }

  async function recordPing(
    context: INestApplicationContext,
    note: string,
    rollback = false,
  ): Promise<string> {
    const dataSource = context.get<DataSource>(getDataSourceToken());
    const outbox = context.get(OutboxService);
    let id = '';
    await dataSource
      .transaction(async (manager) => {
        id = await outbox.record(manager, { name: JobName.SystemPing, data: { note } });
        if (rollback) throw new Error('business rule failed');
      })
      .catch((error: Error) => {
        if (!rollback) throw error;
      });
    return id;
  }

  const publishedAt = async (context: INestApplicationContext, id: string) => {
    const rows: { published_at: Date | null }[] = await context
      .get<DataSource>(getDataSourceToken())
      .query('SELECT published_at FROM outbox_events WHERE id = $1', [id]);
    return rows[0]?.published_at ?? undefined;
  };

  it('publishes a committed event as exactly one job, even when published again', async () => {
    const config = testConfig({ REDIS_PREFIX: prefix() });
    const context = await worker(config);
    const queue = inspect(config);
    const note = `committed-${randomUUID()}`;

    const id = await recordPing(context, note);
    await eventually(() => publishedAt(context, id));
    const jobs = await eventually(async () => {
      const found = await jobsWithNote(queue, note);
      return found.length > 0 && found;
    });
    expect(jobs.map((job) => job.id)).toEqual([outboxJobId(id)]);
    await eventually(async () => (await queue.getJob(outboxJobId(id)))?.finishedOn !== undefined);

    // A relay that died after adding the job but before marking the row publishes it again.
    await context
      .get<DataSource>(getDataSourceToken())
      .query('UPDATE outbox_events SET published_at = NULL WHERE id = $1', [id]);
    await eventually(() => publishedAt(context, id));
    expect(await jobsWithNote(queue, note)).toHaveLength(1);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const config = testConfig({ REDIS_PREFIX: prefix() });
    const context = await worker(config);
    const queue = inspect(config);
    const note = `rolled-back-${randomUUID()}`;

    const id = await recordPing(context, note, true);
    expect(await publishedAt(context, id)).toBeUndefined();
    // Give the relay several rounds, and a marker event committed after, to prove it ran.
    const marker = await recordPing(context, `marker-${note}`);
    await eventually(() => publishedAt(context, marker));
    expect(await jobsWithNote(queue, note)).toHaveLength(0);
    const rows = await context
      .get<DataSource>(getDataSourceToken())
      .query('SELECT 1 FROM outbox_events WHERE id = $1', [id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses to record an event outside a transaction', async () => {
    const context = await worker(testConfig({ REDIS_PREFIX: prefix() }));
    const manager = context.get<DataSource>(getDataSourceToken()).manager;
    await expect(
      context.get(OutboxService).record(manager, { name: JobName.SystemPing, data: { note: 'x' } }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('keeps events while Redis is away and delivers them when it returns', async () => {
    const base = testConfig({ REDIS_PREFIX: prefix() });
    const proxy = TcpProxy.forUrl(base.redis.url);
    const proxied = await proxy.start(base.redis.url);
    try {
      const config = testConfig({ REDIS_PREFIX: base.redis.prefix, REDIS_URL: proxied });
      const context = await worker(config);
      const queue = inspect(config);
      const warmUp = await recordPing(context, `warm-up-${randomUUID()}`);
      await eventually(() => publishedAt(context, warmUp));

      proxy.cut();
      const note = `during-outage-${randomUUID()}`;
      const id = await recordPing(context, note);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await publishedAt(context, id)).toBeUndefined();
      expect(await jobsWithNote(queue, note)).toHaveLength(0);

      proxy.restore();
      await eventually(() => publishedAt(context, id), 20_000);
      expect((await jobsWithNote(queue, note)).map((job) => job.id)).toEqual([outboxJobId(id)]);
    } finally {
      proxy.restore();
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      await proxy.close();
    }
  });

  it('publishes each event once when two relays run at the same time', async () => {
    const config = testConfig({ REDIS_PREFIX: prefix(), OUTBOX_BATCH_SIZE: '7' });
    const [first, second] = [await worker(config), await worker(config)];
    const enqueued: string[] = [];
    const published = [0, 0];
    [first, second].forEach((context, index) => {
      const queues = context.get(JobQueueService);
      const original = queues.enqueue.bind(queues);
      jest.spyOn(queues, 'enqueue').mockImplementation(async (job, options) => {
        await original(job, options);
        enqueued.push(options.jobId);
        published[index] += 1;
      });
    });
    const queue = inspect(config);
    const note = `concurrent-${randomUUID()}`;
    const total = 200;
    const dataSource = first.get<DataSource>(getDataSourceToken());
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < total; i += 1) {
        await first
          .get(OutboxService)
          .record(manager, { name: JobName.SystemPing, data: { note } });
      }
    });
    // Drive both relays hard at once as well as their own loops.
    const relays = [first.get(OutboxRelayService), second.get(OutboxRelayService)];
    await Promise.all(
      relays.flatMap((relay) => [relay.relayBatch(), relay.relayBatch(), relay.relayBatch()]),
    );
    await eventually(async () => {
      const rows = await dataSource.query(
        `SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL AND payload->>'note' = $1`,
        [note],
      );
      return rows[0].pending === 0;
    });

    const ours = enqueued.filter((jobId) => jobId.startsWith('outbox-'));
    expect(new Set(ours).size).toBe(ours.length);
    expect(ours.length).toBeGreaterThanOrEqual(total);
    expect(await jobsWithNote(queue, note)).toHaveLength(total);
    expect(published[0]).toBeGreaterThan(0);
    expect(published[1]).toBeGreaterThan(0);
  });

  it('does not hold events locked while Redis hangs, and delivers them when it answers again', async () => {
    const base = testConfig({ REDIS_PREFIX: prefix() });
    const proxy = TcpProxy.forUrl(base.redis.url);
    const proxied = await proxy.start(base.redis.url);
    try {
      const config = testConfig({
        REDIS_PREFIX: base.redis.prefix,
        REDIS_URL: proxied,
        REDIS_COMMAND_TIMEOUT_MS: '300',
        SHUTDOWN_TIMEOUT_MS: '1000',
      });
      const context = await worker(config);
      const queue = inspect(config);
      const warmUp = await recordPing(context, `warm-up-${randomUUID()}`);
      await eventually(() => publishedAt(context, warmUp));

      proxy.stall();
      const note = `during-hang-${randomUUID()}`;
      const id = await recordPing(context, note);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await publishedAt(context, id)).toBeUndefined();
      // The relay's transaction has ended: nobody holds the event's row lock.
      const dataSource = context.get<DataSource>(getDataSourceToken());
      await dataSource.transaction((manager) =>
        manager.query('SELECT id FROM outbox_events WHERE id = $1 FOR UPDATE NOWAIT', [id]),
      );

      proxy.restore();
      await eventually(() => publishedAt(context, id), 20_000);
      expect((await jobsWithNote(queue, note)).map((job) => job.id)).toEqual([outboxJobId(id)]);

      proxy.stall();
      const started = Date.now();
      await Promise.all(contexts.splice(0).map((each) => each.close()));
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      proxy.restore();
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      await proxy.close();
    }
  });

  it('sets aside an event the queue rejects and keeps publishing the others', async () => {
    const config = testConfig({ REDIS_PREFIX: prefix() });
    const context = await worker(config);
    const queue = inspect(config);
    const queues = context.get(JobQueueService);
    const original = queues.enqueue.bind(queues);
    const poison = `poison-${randomUUID()}`;
    jest.spyOn(queues, 'enqueue').mockImplementation(async (job, options) => {
      if ('note' in job.data && job.data.note === poison) throw new Error('job data rejected');
      await original(job, options);
    });

    const bad = await recordPing(context, poison);
    const good = await recordPing(context, `healthy-${randomUUID()}`);
    await eventually(() => publishedAt(context, good));
    const rows: {
      published_at: Date | null;
      attempts: number;
      last_error: string;
      later: boolean;
    }[] = await context
      .get<DataSource>(getDataSourceToken())
      .query(
        'SELECT published_at, attempts, last_error, available_at > now() AS later FROM outbox_events WHERE id = $1',
        [bad],
      );
    expect(rows[0]).toMatchObject({
      published_at: null,
      last_error: 'job data rejected',
      later: true,
    });
    expect(rows[0].attempts).toBeGreaterThanOrEqual(1);
    expect(await jobsWithNote(queue, poison)).toHaveLength(0);
    // Leave no pending event behind for other tests' relays.
    await context
      .get<DataSource>(getDataSourceToken())
      .query('DELETE FROM outbox_events WHERE id = $1', [bad]);
  });

  it('prunes events published longer ago than the retention', async () => {
    const context = await worker(testConfig({ REDIS_PREFIX: prefix() }));
    const dataSource = context.get<DataSource>(getDataSourceToken());
    const [old] = await dataSource.query(
      `INSERT INTO outbox_events (type, payload, published_at) VALUES ('system.ping', '{"note":"old"}', now() - interval '20 days') RETURNING id`,
    );
    const [recent] = await dataSource.query(
      `INSERT INTO outbox_events (type, payload, published_at) VALUES ('system.ping', '{"note":"recent"}', now() - interval '2 days') RETURNING id`,
    );
    // The worker's relay loop prunes at start too; either way the old event must go.
    await context.get(OutboxRelayService).prunePublished(14);
    const left: { id: string }[] = await dataSource.query(
      'SELECT id FROM outbox_events WHERE id = ANY($1::uuid[])',
      [[old.id, recent.id]],
    );
    expect(left.map((row) => row.id)).toEqual([recent.id]);
  });
});
