import { Metrics } from './metrics';

describe('Metrics.gauge', () => {
  it('reads its samples on every scrape', async () => {
    const metrics = new Metrics();
    let jobs = 3;
    metrics.gauge('sbt_test_jobs', 'Jobs.', ['state'], () =>
      Promise.resolve([{ labels: { state: 'waiting' }, value: jobs }]),
    );
    expect(await metrics.registry.metrics()).toContain('sbt_test_jobs{state="waiting"} 3');
    jobs = 5;
    expect(await metrics.registry.metrics()).toContain('sbt_test_jobs{state="waiting"} 5');
  });

  it('leaves a gauge without samples when its reading fails, and the scrape goes on', async () => {
    const metrics = new Metrics();
    metrics.gauge('sbt_test_broken', 'Broken.', [], () => Promise.reject(new Error('db down')));
    metrics.gauge('sbt_test_fine', 'Fine.', [], () => Promise.resolve([{ value: 1 }]));
    const text = await metrics.registry.metrics();
    expect(text).toContain('# HELP sbt_test_broken Broken.');
    expect(text).not.toMatch(/^sbt_test_broken /m);
    expect(text).toMatch(/^sbt_test_fine 1$/m);
  });

  it('leaves out a reading that takes longer than the timeout, instead of stalling the scrape', async () => {
    const metrics = new Metrics();
    metrics.collectTimeoutMs = 20;
    metrics.gauge('sbt_test_slow', 'Slow.', [], () => new Promise(() => undefined));
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/^sbt_test_slow /m);
  });

  it('keeps one registry per instance, so two apps in one process do not mix', async () => {
    const api = new Metrics();
    const worker = new Metrics();
    api.httpRequests.inc({ method: 'GET', route: '/v1/actions', status: '200' });
    expect(await api.registry.metrics()).toMatch(/^sbt_http_requests_total\{.*\} 1$/m);
    expect(await worker.registry.metrics()).not.toMatch(/^sbt_http_requests_total\{/m);
  });
});
