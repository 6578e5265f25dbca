import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, retryOnConflict, Transactions } from './transactions';

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

describe('afterCommit', () => {
  /** A DataSource whose transactions run `body`, the first `conflicts` of them ending in a deadlock. */
  function transactionsWith(conflicts: number) {
    let attempts = 0;
    const dataSource = {
      transaction: async (body: (manager: EntityManager) => Promise<unknown>) => {
        attempts += 1;
        const result = await body({ attempt: attempts } as unknown as EntityManager);
        if (attempts <= conflicts) throw conflict('40P01');
        return result;
      },
    } as unknown as DataSource;
    return new Transactions(dataSource);
  }

  it('runs the tasks of the attempt that committed, after it, before run answers', async () => {
    const ran: string[] = [];
    const answer = await transactionsWith(1).run((manager) => {
      const attempt = (manager as unknown as { attempt: number }).attempt;
      afterCommit(manager, () => {
        ran.push(`task of attempt ${attempt}`);
        return Promise.resolve();
      });
      ran.push(`work of attempt ${attempt}`);
      return Promise.resolve('answer');
    });
    expect(answer).toBe('answer');
    expect(ran).toEqual(['work of attempt 1', 'work of attempt 2', 'task of attempt 2']);
  });

  it('runs nothing when the transaction rolls back', async () => {
    const task = jest.fn(() => Promise.resolve());
    await expect(
      transactionsWith(0).run((manager) => {
        afterCommit(manager, task);
        return Promise.reject(new Error('refused'));
      }),
    ).rejects.toThrow('refused');
    expect(task).not.toHaveBeenCalled();
  });

  it('answers the committed result when a task fails (logged), and runs the next task', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const next = jest.fn(() => Promise.resolve());
    try {
      const answer = await transactionsWith(0).run((manager) => {
        afterCommit(manager, () => Promise.reject(new Error('redis away')));
        afterCommit(manager, next);
        return Promise.resolve('committed');
      });
      expect(answer).toBe('committed');
      expect(next).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalledWith(
        { event: 'after_commit_failed', error: 'redis away' },
        'a task after a commit failed',
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses a manager that no run watches (its task would never run)', () => {
    expect(() => afterCommit({} as EntityManager, () => Promise.resolve())).toThrow(
      'afterCommit needs a transaction of Transactions.run',
    );
  });
});
