import { retryOnConflict } from './transactions';

const conflict = (code: string) =>
  Object.assign(new Error('conflict'), { name: 'QueryFailedError', driverError: { code } });

describe('retryOnConflict', () => {
  const noWait = jest.fn(() => Promise.resolve());

  beforeEach(() => noWait.mockClear());

  it('runs the work again after a deadlock, a serialisation failure or a lock timeout', async () => {
    for (const code of ['40P01', '40001']) {
      let calls = 0;
      const result = await retryOnConflict(
        () => {
          calls += 1;
          return calls < 3 ? Promise.reject(conflict(code)) : Promise.resolve('done');
        },
        {},
        noWait,
      );
      expect({ code, result, calls }).toEqual({ code, result: 'done', calls: 3 });
    }
  });

  it('gives up after the attempts with the last conflict, waiting longer each time', async () => {
    let calls = 0;
    const waits: number[] = [];
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.999);
    try {
      await expect(
        retryOnConflict(
          () => {
            calls += 1;
            return Promise.reject(conflict('40P01'));
          },
          { attempts: 4 },
          (ms) => {
            waits.push(ms);
            return Promise.resolve();
          },
        ),
      ).rejects.toMatchObject({ driverError: { code: '40P01' } });
    } finally {
      random.mockRestore();
    }
    expect(calls).toBe(4);
    expect(waits.map(Math.round)).toEqual([20, 40, 80]);
  });

  it('tries a lock timeout twice at most: it has waited long already', async () => {
    let calls = 0;
    await expect(
      retryOnConflict(
        () => {
          calls += 1;
          return Promise.reject(conflict('55P03'));
        },
        { attempts: 4 },
        noWait,
      ),
    ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    expect(calls).toBe(2);
  });

  it('never repeats work that failed for another reason', async () => {
    let calls = 0;
    await expect(
      retryOnConflict(
        () => {
          calls += 1;
          return Promise.reject(conflict('23505'));
        },
        {},
        noWait,
      ),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(calls).toBe(1);
    expect(noWait).not.toHaveBeenCalled();
  });
});
