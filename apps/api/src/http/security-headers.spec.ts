import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { fixedHeaders } from './security-headers';

/** What a middleware does to a response: its header calls, in order, and whether it went on. */
function run(middleware: RequestHandler): { calls: string[][]; next: unknown[] } {
  const calls: string[][] = [];
  const next: unknown[] = [];
  const res = {
    setHeader: (name: string, value: string) => calls.push(['set', name, value]),
    removeHeader: (name: string) => calls.push(['remove', name]),
  };
  void middleware({} as Request, res as unknown as Response, (error?: unknown) => next.push(error));
  return { calls, next };
}

describe('fixedHeaders', () => {
  it("replays helmet's headers: the same calls, values and order", () => {
    const policy = helmet({
      frameguard: { action: 'deny' },
      hsts: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
    });
    const fixed = fixedHeaders(policy);

    expect(fixed).not.toBe(policy);
    const expected = run(policy);
    expect(expected.calls.length).toBeGreaterThan(10);
    expect(run(fixed)).toEqual(expected);
    expect(run(fixed)).toEqual(expected);
  });

  it('keeps helmet itself for a policy whose headers could differ per request', () => {
    const nonce = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'self'"], scriptSrc: [() => `'nonce-${Math.random()}'`] },
      },
    });
    const byRequest = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'self'"], scriptSrc: [(req) => `'nonce-${req.url}'`] },
      },
    });
    const unfinished: RequestHandler = () => undefined;
    const failing: RequestHandler = (_req, _res, next) => next(new Error('no'));

    for (const middleware of [nonce, byRequest, unfinished, failing]) {
      expect(fixedHeaders(middleware)).toBe(middleware);
    }
  });
});
