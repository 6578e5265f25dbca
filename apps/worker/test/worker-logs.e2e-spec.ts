import type { INestApplicationContext } from '@nestjs/common';
import { eventually, LogCapture, startWorker, testConfig } from '../../../test/support/e2e';

// Its own file: nestjs-pino keeps one root logger per process (see logging-debug.e2e-spec).
describe('worker logs', () => {
  let worker: INestApplicationContext | undefined;
  const logs = new LogCapture();

  afterAll(async () => {
    await worker?.close();
  });

  it('carry service "worker" on every line, and no framework module lines at info', async () => {
    worker = await startWorker(testConfig({ LOG_LEVEL: 'info' }), undefined, logs);
    const started = await eventually(() =>
      logs.lines().find((entry) => String(entry.msg).startsWith('processing queues')),
    );
    expect(started).toMatchObject({ service: 'worker', context: 'JobWorkersHost', level: 30 });
    expect(logs.lines().every((entry) => entry.service === 'worker')).toBe(true);
    expect(logs.text()).not.toContain('dependencies initialized');
  });
});
