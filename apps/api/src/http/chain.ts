import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * `handlers` run in order as one Express layer, as Express itself would run them: each one's
 * `next()` (or `next('route')`, which a middleware's Express takes for the same) starts the
 * following one, and a handler that throws, rejects or passes an error (or `'router'`) hands
 * it to Express, skipping the rest. Express's router does for every layer of its stack, on
 * every request, a path match and parameter, URL and prefix book-keeping: run as layers of
 * their own, the API's dozen middleware (`app.use(a, b, c)` makes three layers) cost about
 * 8 % of the CPU one action's read spends in the API process (issue 23). For request handlers only, not error
 * handlers (four parameters) nor routers. A tracer on Express's `express.router.request`
 * channel sees a chain as one layer.
 */
export function chain(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error && error !== 'route') {
        next(error);
        return;
      }
      const handler = handlers[index];
      index += 1;
      if (handler === undefined) {
        next();
        return;
      }
      try {
        const answered = handler(req, res, step);
        const then = (answered as { then?: unknown } | undefined)?.then;
        if (typeof then === 'function') {
          (then as (ok: () => void, failed: (rejection: unknown) => void) => void).call(
            answered,
            () => undefined,
            (rejection) => next(rejection || new Error('Rejected promise')),
          );
        }
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
