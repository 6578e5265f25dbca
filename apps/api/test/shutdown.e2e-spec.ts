import { ProbeController } from '../../../test/fixtures/probe.controller';
import { startApi, testConfig } from '../../../test/support/e2e';

describe('graceful shutdown of the API', () => {
  it('lets an in-flight request finish, with its database connection, before closing', async () => {
    const app = await startApi({ controllers: [ProbeController] });
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    const inFlight = fetch(`${url}/v1/test-probes/slow`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = app.close();

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();
  });

  it('does not wait longer than SHUTDOWN_TIMEOUT_MS for a request that takes too long', async () => {
    const app = await startApi({
      config: testConfig({ SHUTDOWN_TIMEOUT_MS: '200' }),
      controllers: [ProbeController],
    });
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    const tooSlow = fetch(`${url}/v1/test-probes/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(700);
    expect(await tooSlow).toBe('cut off');
  });
});
