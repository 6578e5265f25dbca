import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * `handlers` run in order as one Express layer, as Express itself would run them: each one's
 * `next()` starts the following one, and a handler that throws, rejects or passes an error
 * hands it to Express (`next(error)`), skipping the rest. Express's router does for every
 * layer of its stack, on every request, a path match and parameter, URL and prefix
 * book-keeping: a dozen middleware of a request's own (`app.use(a, b, c)` makes three
 * layers) cost about a tenth of what a simple read spends in the API process (issue 23).
 * For request handlers only, not error handlers (four parameters) nor routers.
 */
export function chain(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) {
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
        const answered: unknown = handler(req, res, step);
        if (answered instanceof Promise) {
          answered.catch((rejection: unknown) => next(rejection ?? new Error('Rejected promise')));
        }
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
