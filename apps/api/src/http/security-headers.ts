import type { RequestHandler } from 'express';
import helmet from 'helmet';

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

const apiHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
});

const docsHeaders = helmet({
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
});

export function securityHeaders(docsPath: string): RequestHandler {
  return (req, res, next) =>
    req.path === docsPath || req.path.startsWith(`${docsPath}/`)
      ? docsHeaders(req, res, next)
      : apiHeaders(req, res, next);
}
