import { isConnectionError, retryDelaySeconds } from './outbox-relay.service';

describe('isConnectionError', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' })],
    [new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    [new Error('Connection is closed.')],
    [new Error('Command timed out')],
    [
      Object.assign(new Error('Reached the max retries per request limit'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
  ])('treats %p as Redis being away', (error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it('treats anything else as a problem of the event', () => {
    expect(isConnectionError(new Error('Custom Id cannot contain :'))).toBe(false);
    expect(isConnectionError('a string')).toBe(false);
  });
});

describe('retryDelaySeconds', () => {
  it('doubles per attempt up to 15 minutes', () => {
    expect([1, 2, 3, 10, 20].map(retryDelaySeconds)).toEqual([2, 4, 8, 900, 900]);
  });
});
