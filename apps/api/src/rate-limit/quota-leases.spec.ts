import type IORedis from 'ioredis';
import { leaseSize, QuotaLeases, type Taken } from './quota-leases';

/** Redis as the leases use it: one counter per key with a window, shared by processes. */
class FakeRedis {
  readonly counts = new Map<string, number>();
  calls = 0;

  defineCommand(): void {}

  sbtTakeQuota(key: string, points: number, windowMs: number): Promise<[number, number]> {
    this.calls += 1;
    const count = (this.counts.get(key) ?? 0) + points;
    this.counts.set(key, count);
    return Promise.resolve([count, windowMs]);
  }
}

const direct = <T>(work: Promise<T>) => work;
const KEY = 'unit:ratelimit:principal-read:user:u1';

describe('QuotaLeases', () => {
  let redis: FakeRedis;
  const opened: QuotaLeases[] = [];
  const process = () => {
    const leases = new QuotaLeases(redis as unknown as IORedis, 60_000);
    opened.push(leases);
    return leases;
  };
  const takeMany = async (leases: QuotaLeases, quota: number, times: number) => {
    const answers: Taken[] = [];
    for (let i = 0; i < times; i += 1) answers.push(await leases.take(KEY, quota, direct));
    return answers;
  };

  beforeEach(() => {
    redis = new FakeRedis();
  });
  afterEach(() => {
    for (const leases of opened.splice(0)) leases.close();
    jest.restoreAllMocks();
  });

  it('takes a fiftieth of a quota at a time, one point at least and a thousand at most', () => {
    expect([4, 49, 50, 600, 6000, 1_000_000].map(leaseSize)).toEqual([1, 1, 1, 12, 120, 1000]);
  });

  it('counts one process exactly: every point admitted once, the rest refused, one round trip a lease', async () => {
    const leases = process();
    const answers = await takeMany(leases, 600, 605);
    expect(answers.slice(0, 3).map((a) => a.remaining)).toEqual([599, 598, 597]);
    expect(answers.filter((a) => !a.exceeded)).toHaveLength(600);
    expect(answers[599]).toMatchObject({ remaining: 0, exceeded: false });
    expect(answers.slice(600).map((a) => [a.exceeded, a.firstRefusal])).toEqual([
      [true, true],
      [true, false],
      [true, false],
      [true, false],
      [true, false],
    ]);
    // 600 / 12 leases; the last one counted the quota full, so refusals need no round trip.
    expect(redis.calls).toBe(50);
  });

  it('never admits more than the quota across processes, and refuses at most a lease early', async () => {
    const here = process();
    const there = process();
    await takeMany(there, 600, 1); // holds 11 unused points of the window
    const answers = await takeMany(here, 600, 600);
    const admitted = answers.filter((a) => !a.exceeded).length;
    expect(admitted).toBe(600 - 12);
    expect(redis.counts.get(KEY)).toBeGreaterThanOrEqual(600);
    // What the other process holds it still admits, and no more.
    const rest = await takeMany(there, 600, 12);
    expect(rest.filter((a) => !a.exceeded)).toHaveLength(11);
  });

  it('lets concurrent requests share one round trip while a lease is taken', async () => {
    const leases = process();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => leases.take(KEY, 600, direct)),
    );
    expect(answers.every((a) => !a.exceeded)).toBe(true);
    expect(redis.calls).toBe(1);
  });

  it('starts over when the window ends', async () => {
    let now = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const leases = process();
    await takeMany(leases, 4, 4);
    expect((await leases.take(KEY, 4, direct)).exceeded).toBe(true);
    now += 60_000;
    redis.counts.delete(KEY); // Redis let the key expire
    expect(await leases.take(KEY, 4, direct)).toMatchObject({ remaining: 3, exceeded: false });
  });

  it('rejects when Redis does not answer in time, and asks again for the next request', async () => {
    const leases = process();
    const late = (work: Promise<unknown>) =>
      work.then(() => Promise.reject(new Error('no answer within 300 ms')));
    await expect(leases.take(KEY, 600, late as typeof direct)).rejects.toThrow('no answer');
    // The late answer's lease was counted in Redis but is never used: lost to this window.
    expect((await leases.take(KEY, 600, direct)).remaining).toBe(600 - 24 + 11);
    expect(redis.calls).toBe(2);
  });
});
