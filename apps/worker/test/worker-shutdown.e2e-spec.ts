import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { JobName, OutboxService, outboxJobId, QueueName } from '@app/core';
import { SystemPingProcessor } from '../src/processors/system-ping.processor';
import { eventually, startWorker, testConfig } from '../../../test/support/e2e';

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
});
