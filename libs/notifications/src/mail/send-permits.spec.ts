import { SendPermits } from './send-permits';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SendPermits', () => {
  it('never lets more than its capacity out at once', async () => {
    const permits = new SendPermits(3);
    let out = 0;
    let most = 0;
    await Promise.all(
      [2, 1, 3, 1, 2, 1].map(async (count) => {
        const release = await permits.acquire(count);
        out += count;
        most = Math.max(most, out);
        await tick();
        out -= count;
        release();
      }),
    );
    expect(most).toBeLessThanOrEqual(3);
  });

  it('serves in order: a large group is not overtaken by later small ones', async () => {
    const permits = new SendPermits(2);
    const first = await permits.acquire(1);
    const order: string[] = [];
    const group = permits.acquire(2).then((release) => (order.push('group'), release));
    const single = permits.acquire(1).then((release) => (order.push('single'), release));
    await tick();
    expect(order).toEqual([]);
    first();
    (await group)();
    (await single)();
    expect(order).toEqual(['group', 'single']);
  });

  it('caps a request at the capacity and ignores a second release', async () => {
    const permits = new SendPermits(2);
    const release = await permits.acquire(5);
    release();
    release();
    const a = await permits.acquire(1);
    const b = await permits.acquire(1);
    let third = false;
    void permits.acquire(1).then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    a();
    b();
    await tick();
    expect(third).toBe(true);
  });
});
