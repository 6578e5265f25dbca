import { JobName } from '@app/core';
import { JobHandler } from './job-handler';
import { indexHandlers } from './job-workers.host';

const handler = (jobName: JobName): JobHandler => ({ jobName, process: () => Promise.resolve() });

describe('indexHandlers', () => {
  it('accepts exactly one handler per registered job', () => {
    const handlers = Object.values(JobName).map(handler);
    expect(indexHandlers(handlers).size).toBe(Object.values(JobName).length);
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => indexHandlers([])).toThrow(`job ${JobName.SystemPing} has no handler`);
  });

  it('refuses two handlers for one job', () => {
    expect(() => indexHandlers([handler(JobName.SystemPing), handler(JobName.SystemPing)])).toThrow(
      /two handlers/,
    );
  });
});
