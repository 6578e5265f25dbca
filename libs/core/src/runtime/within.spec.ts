import { within } from './within';

describe('within', () => {
  it('is true when the work settles in time, rejected or not', async () => {
    await expect(within(Promise.resolve(1), 50)).resolves.toBe(true);
    await expect(within(Promise.reject(new Error('x')), 50)).resolves.toBe(true);
  });

  it('is false when the work takes longer', async () => {
    await expect(within(new Promise(() => undefined), 20)).resolves.toBe(false);
  });
});
