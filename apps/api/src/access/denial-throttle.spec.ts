import { DenialThrottle } from './denial-throttle';

describe('DenialThrottle', () => {
  it('records the first refusal of a kind per window and counts the rest', () => {
    const throttle = new DenialThrottle(60_000);
    expect(throttle.admit('u1 GET /x forbidden', 0)).toEqual({ record: true, suppressed: 0 });
    expect(throttle.admit('u1 GET /x forbidden', 1_000).record).toBe(false);
    expect(throttle.admit('u1 GET /x forbidden', 2_000).record).toBe(false);
    expect(throttle.admit('u2 GET /x forbidden', 2_000).record).toBe(true);
    expect(throttle.admit('u1 GET /x forbidden', 60_000)).toEqual({ record: true, suppressed: 2 });
  });

  it('forgets the oldest kind when full', () => {
    const throttle = new DenialThrottle(60_000, 2);
    throttle.admit('a', 0);
    throttle.admit('b', 0);
    throttle.admit('c', 0);
    expect(throttle.admit('a', 1).record).toBe(true);
    expect(throttle.admit('c', 1).record).toBe(false);
  });
});
