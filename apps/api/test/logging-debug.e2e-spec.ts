import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';

// Its own file: nestjs-pino keeps one root logger per process, so the level and destination
// of the first app started in a test file hold for every later one.
describe('framework lines at LOG_LEVEL=debug', () => {
  it("shows Nest's route mapping, at debug, with the service", async () => {
    const logs = new LogCapture();
    const app = await startApi({ config: testConfig({ LOG_LEVEL: 'debug' }), logs });
    try {
      const mapped = logs.lines().filter((entry) => entry.context === 'RouterExplorer');
      expect(mapped.length).toBeGreaterThan(50);
      expect(mapped.every((entry) => entry.level === 20 && entry.service === 'api')).toBe(true);
      expect(logs.text()).toContain('Mapped {/v1/actions/:id, GET} route');
    } finally {
      await app.close();
    }
  });
});
