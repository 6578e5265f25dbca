import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type HeaderStep = readonly [name: string, value: string] | readonly [name: string];

/** What `middleware` does to a response, or undefined if it looks at the request, fails or waits. */
function record(middleware: RequestHandler): HeaderStep[] | undefined {
  const steps: HeaderStep[] = [];
  let looked = false;
  let done = false;
  const req = new Proxy({} as Request, {
    get: () => {
      looked = true;
      return undefined;
    },
  });
  const res = {
    setHeader: (name: string, value: unknown) => {
      if (typeof value === 'string') steps.push([name, value]);
      else looked = true;
    },
    removeHeader: (name: string) => steps.push([name]),
  };
  void middleware(req, res as unknown as Response, (error?: unknown) => {
    done = error === undefined;
  });
  return done && !looked ? steps : undefined;
}

/**
 * Helmet's headers, worked out once: none of ours depends on the request (no nonces), so
 * helmet runs at start against a recording response, and every request replays what it did,
 * in its order and with its values (byte-identical headers), instead of going through
 * helmet's dozen sub-middlewares. A policy whose headers could differ per request (it reads
 * the request, answers differently twice, fails or does not finish at once) keeps helmet.
 */
export function fixedHeaders(middleware: RequestHandler): RequestHandler {
  const steps = record(middleware);
  if (steps === undefined || JSON.stringify(steps) !== JSON.stringify(record(middleware))) {
    return middleware;
  }
  return (_req, res, next) => {
    for (const step of steps) {
      if (step.length === 2) res.setHeader(step[0], step[1]);
      else res.removeHeader(step[0]);
    }
    next();
  };
}

/**
 * API Design Rules security headers: no framing (X-Frame-Options DENY and CSP
 * frame-ancestors 'none'), nosniff, HSTS. An API serves no scripts, so its CSP allows nothing;
 * only the human docs page needs its own scripts and styles.
 */
const common = {
  frameguard: { action: 'deny' as const },
  hsts: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' as const },
  noSniff: true,
  crossOriginEmbedderPolicy: false,
};

const apiHeaders = fixedHeaders(
  helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  }),
);

const docsHeaders = fixedHeaders(
  helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  }),
);

/**
 * The web app's pages: everything from our own origin and nothing inline, so that text a
 * person wrote can never run as script or restyle the page, even where the app would fail to
 * escape it. `data:` images and fonts are what design-system stylesheets embed. The app talks
 * only to its own origin (the API at /v1, DESIGN §7).
 *
 * Referrer-Policy `same-origin`, not the API's `no-referrer`: the page links out to the
 * source documents (Kamerstukken, advice reports) and must not tell those sites which action
 * a person was reading, which both allow; but under `no-referrer` a browser sends no Referer
 * to our own routes either, and `Origin: null` on the page's own form posts (Fetch standard,
 * "append a request Origin header"; `fetch()` keeps its Origin): the very headers a cookie
 * session's CSRF defence checks.
 * `strict-origin-when-cross-origin` would keep those but give our host name to every site
 * linked; `same-origin` gives other sites nothing and our own routes everything.
 */
function webAppHeaders(upgradeInsecureRequests: boolean): RequestHandler {
  return fixedHeaders(
    helmet({
      ...common,
      referrerPolicy: { policy: 'same-origin' },
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          // Over plain http (development) it would send the page's requests to an https that
          // is not there.
          ...(upgradeInsecureRequests ? { upgradeInsecureRequests: [] } : {}),
        },
      },
    }),
  );
}

export interface SecurityHeaderOptions {
  /** The human docs page of the API, which runs its own inline scripts. */
  docsPath: string;
  /** Whether a path is the API's (it keeps the API's headers) rather than the web app's. */
  isApiPath: (path: string) => boolean;
  /** PUBLIC_URL: on https, the app's pages upgrade any http request they make. */
  publicUrl: string;
}

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const webApp = webAppHeaders(new URL(options.publicUrl).protocol === 'https:');
  const { docsPath, isApiPath } = options;
  const docsPrefix = `${docsPath}/`;
  return (req, res, next) => {
    const path = req.path;
    if (path === docsPath || path.startsWith(docsPrefix)) docsHeaders(req, res, next);
    else if (isApiPath(path)) apiHeaders(req, res, next);
    else webApp(req, res, next);
  };
}
