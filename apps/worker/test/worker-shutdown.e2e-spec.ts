import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { JobName, OutboxService, outboxJobId, QueueName } from '@app/core';
import { SystemPingProcessor } from '../src/processors/system-ping.processor';
import { eventually, startWorker, testConfig } from '../../../test/support/e2e';
import { TcpProxy } from '../../../test/support/tcp-proxy';

describe('graceful shutdown of the worker', () => {
  it('finishes the job in hand before it stops', async () => {
    const config = testConfig({ REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-shutdown` });
    const progress = { started: false, finished: false };
    const note = randomUUID();
    // Only our job counts: the shared outbox may hold other tests' events for this relay.
    const slowHandler = {
      jobName: JobName.SystemPing,
      process: async (data: { note: string }) => {
        if (data.note !== note) return;
        progress.started = true;
        await new Promise((resolve) => setTimeout(resolve, 800));
        progress.finished = true;
      },
    };
    const context = await startWorker(config, (builder) =>
      builder.overrideProvider(SystemPingProcessor).useValue(slowHandler),
    );
    const dataSource = context.get<DataSource>(getDataSourceToken());
    const id = await dataSource.transaction((manager) =>
      context.get(OutboxService).record(manager, { name: JobName.SystemPing, data: { note } }),
    );

    await eventually(() => Promise.resolve(progress.started));
    await context.close();
    expect(progress.finished).toBe(true);

    const redis = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.System, { connection: redis, prefix: config.redis.prefix });
    try {
      expect(await (await queue.getJob(outboxJobId(id)))?.getState()).toBe('completed');
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });

  it('leaves nothing running when Redis hangs with a job in hand', async () => {
    const base = testConfig({ REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-hang` });
    const proxy = TcpProxy.forUrl(base.redis.url);
    const proxied = await proxy.start(base.redis.url);
    const note = randomUUID();
    let started = false;
    const stuckHandler = {
      jobName: JobName.SystemPing,
      process: async (data: { note: string }) => {
        if (data.note !== note) return;
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 3000));
      },
    };
    try {
      const context = await startWorker(
        testConfig({
          REDIS_PREFIX: base.redis.prefix,
          REDIS_URL: proxied,
          REDIS_COMMAND_TIMEOUT_MS: '300',
          SHUTDOWN_TIMEOUT_MS: '500',
        }),
        (builder) => builder.overrideProvider(SystemPingProcessor).useValue(stuckHandler),
      );
      const dataSource = context.get<DataSource>(getDataSourceToken());
      await dataSource.transaction((manager) =>
        context.get(OutboxService).record(manager, { name: JobName.SystemPing, data: { note } }),
      );
      await eventually(() => Promise.resolve(started));
      proxy.stall();
      await context.close();
      // Stopped means stopped: no connection of the worker comes back when Redis answers.
      const before = proxy.accepted;
      proxy.restore();
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(proxy.accepted).toBe(before);
    } finally {
      await proxy.close();
    }
  });
});
