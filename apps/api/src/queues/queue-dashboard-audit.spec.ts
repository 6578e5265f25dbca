import { writeActionOf } from './queue-dashboard-audit';

describe('writeActionOf', () => {
  it('names the allowed changes to one job', () => {
    expect(writeActionOf('PUT', '/api/queues/mail/job-1/retry')).toEqual({
      operation: 'update',
      action: 'retry',
      queue: 'mail',
      jobId: 'job-1',
    });
    expect(writeActionOf('PUT', '/api/queues/reports/export%3A42/clean')).toEqual({
      operation: 'delete',
      action: 'remove',
      queue: 'reports',
      jobId: 'export:42',
    });
    expect(writeActionOf('PUT', '/api/queues/reminders/r-7/promote')).toMatchObject({
      action: 'promote',
      jobId: 'r-7',
    });
  });

  it('reads …/retry/<state> as a retry of the whole state, as bull-board routes it', () => {
    expect(writeActionOf('PUT', '/api/queues/mail/retry/failed')).toEqual({
      operation: 'update',
      action: 'retry_all',
      queue: 'mail',
      state: 'failed',
    });
    expect(writeActionOf('PUT', '/api/queues/mail/clean/completed')).toMatchObject({
      operation: 'delete',
      action: 'clean',
      state: 'completed',
    });
    expect(writeActionOf('PUT', '/api/queues/mail/promote')).toMatchObject({
      action: 'promote_all',
    });
  });

  it('allows nothing else', () => {
    for (const [method, path] of [
      ['PUT', '/api/queues/mail/obliterate'],
      ['PUT', '/api/queues/mail/empty'],
      ['PUT', '/api/queues/mail/pause'],
      ['PUT', '/api/queues/pause'],
      ['POST', '/api/queues/mail/add'],
      ['PATCH', '/api/queues/mail/job-1/update-data'],
      ['PUT', '/api/queues/mail/job-schedulers/s-1/remove'],
      ['POST', '/api/queues/mail/job-1/retry'],
      ['PUT', '/api/queues/mail/job-1/retry/extra'],
    ]) {
      expect(writeActionOf(method, path)).toBeUndefined();
    }
  });
});
