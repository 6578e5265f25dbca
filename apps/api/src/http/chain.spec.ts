import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { chain } from './chain';

const req = {} as Request;
const res = {} as Response;

/** Runs `handler` and answers what it passed to the outer next, once it did. */
function run(handler: RequestHandler): Promise<unknown[]> {
  return new Promise((resolve) => {
    void handler(req, res, ((...args: unknown[]) => resolve(args)) as NextFunction);
  });
}

describe('chain', () => {
  it('runs the handlers in order, then the outer next without an error', async () => {
    const seen: string[] = [];
    const mark =
      (name: string): RequestHandler =>
      (_req, _res, next) => {
        seen.push(name);
        next();
      };
    await expect(run(chain(mark('a'), mark('b'), mark('c')))).resolves.toEqual([]);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('goes on when a handler calls next later', async () => {
    const seen: string[] = [];
    const later: RequestHandler = (_req, _res, next) => {
      setImmediate(() => {
        seen.push('later');
        next();
      });
    };
    const after: RequestHandler = (_req, _res, next) => {
      seen.push('after');
      next();
    };
    await run(chain(later, after));
    expect(seen).toEqual(['later', 'after']);
  });

  it('stops at a handler that answers, and never calls next', () => {
    const outer = jest.fn();
    const skipped = jest.fn();
    chain(() => undefined, skipped)(req, res, outer);
    expect(skipped).not.toHaveBeenCalled();
    expect(outer).not.toHaveBeenCalled();
  });

  it('hands an error passed, thrown or rejected to Express and skips the rest', async () => {
    const skipped = jest.fn();
    const passed = new Error('passed');
    const thrown = new Error('thrown');
    const rejected = new Error('rejected');
    await expect(run(chain((_req, _res, next) => next(passed), skipped))).resolves.toEqual([
      passed,
    ]);
    await expect(
      run(
        chain(() => {
          throw thrown;
        }, skipped),
      ),
    ).resolves.toEqual([thrown]);
    await expect(run(chain(() => Promise.reject(rejected), skipped))).resolves.toEqual([rejected]);
    expect(skipped).not.toHaveBeenCalled();
  });

  it("goes on after next('route'), as Express does after a middleware's", async () => {
    const after = jest.fn((_req: Request, _res: Response, next: NextFunction) => next());
    await expect(run(chain((_req, _res, next) => next('route'), after))).resolves.toEqual([]);
    expect(after).toHaveBeenCalled();
  });

  it('hands a falsy rejection to Express as an error', async () => {
    // A thenable, as a handler's library might answer: rejected without a reason.
    const rejectsWithoutReason = () => ({
      then: (_ok: () => void, failed: (reason: unknown) => void) => failed(undefined),
    });
    const [error] = await run(chain(rejectsWithoutReason));
    expect(error).toBeInstanceOf(Error);
  });

  it('runs later handlers inside what an earlier one wrapped next in', async () => {
    const { AsyncLocalStorage } = await import('node:async_hooks');
    const store = new AsyncLocalStorage<string>();
    let seen: string | undefined;
    await run(
      chain(
        (_req, _res, next) => store.run('context', next),
        (_req, _res, next) => {
          seen = store.getStore();
          next();
        },
      ),
    );
    expect(seen).toBe('context');
  });
});
