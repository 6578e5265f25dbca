import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import helmet from 'helmet';
import { AuditContext } from '@app/audit';
import { type AppConfig, DomainError, JobQueueService, QueueName } from '@app/core';
import { AccessTokens, auditActorOf, clientKey, QUEUE_DASHBOARD_AUDIENCE } from '@app/identity';
import { API_BASE_PATH } from '../api-version';
import { principalKey, type RatePartition, rateClassOf } from '../rate-limit/rate-limit-policy';
import type { RateLimits } from '../rate-limit/rate-limits.service';
import { cookieValue } from '../identity/auth/refresh-cookie';
import { noStore } from '../http/middleware';
import { buildProblem, sendProblem } from '../http/problem';
import { QueueDashboardAudit, writeActionOf } from './queue-dashboard-audit';

/** Where the board is served: under the API, so that no web-app route or CSP applies to it. */
export const QUEUE_DASHBOARD_PATH = `${API_BASE_PATH}/admin/queues`;

/** The cookie that carries a dashboard ticket; sent to the board's paths only. */
export const QUEUE_DASHBOARD_COOKIE = 'sbt_queue_dashboard';

/** A ticket lasts a quarter of an hour; the person opens the board again from Beheer after. */
export const QUEUE_DASHBOARD_TICKET_SECONDS = 15 * 60;

/**
 * The board's own page: its scripts, styles and pictures from its own path. It sets inline
 * `style` attributes in its loading screen, hence `'unsafe-inline'` for styles (never for
 * scripts: its `__UI_CONFIG__` script is JSON, which no browser runs). `base-uri 'self'`:
 * its page sets a <base>. The rest of the app keeps its headers (security-headers.ts).
 */
const boardHeaders = helmet({
  frameguard: { action: 'deny' },
  hsts: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' },
  noSniff: true,
  crossOriginEmbedderPolicy: false,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** bull-board's page links to Google Fonts; dropped, so no third party learns who opened it. */
const THIRD_PARTY_FONTS = /<link[^>]+href="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>\s*/g;

/** Serves the board's page without its third-party font link (system fonts instead). */
const withoutThirdPartyFonts: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = ((body: unknown) =>
    send(
      typeof body === 'string' ? body.replace(THIRD_PARTY_FONTS, '') : body,
    )) as Response['send'];
  next();
};

const problem = (req: Request, res: Response, status: number, code: string, detail: string) =>
  sendProblem(res, buildProblem(req, status, code, detail));

const isRead = (req: Request) => req.method === 'GET' || req.method === 'HEAD';

export interface QueueDashboardDependencies {
  config: AppConfig;
  queues: JobQueueService;
  tokens: AccessTokens;
  audit: QueueDashboardAudit;
  rateLimits: RateLimits;
}

/**
 * The queue dashboard (bull-board) for platform administrators, behind the product's own
 * sign-in: a page cannot send the web app's bearer token, so the web app first asks
 * `POST /v1/admin/queue-dashboard/sessions` (bearer, platform administrators) for a ticket in
 * an HttpOnly, SameSite=Strict cookie scoped to this path. Every request here checks the
 * ticket again (session open, account active, still a platform administrator). Read-only
 * unless QUEUE_DASHBOARD_WRITE=true; then retrying, promoting and removing jobs is allowed,
 * each on record in the audit log, and every other change (adding or editing jobs, pausing,
 * emptying or obliterating a queue, schedulers) stays refused: the product's state lives in
 * PostgreSQL and the jobs follow it (README "Queue dashboard"). Its requests count against the
 * API's rate limits as any route's: the address before the ticket is looked up, the person after.
 */
export function queueDashboard(deps: QueueDashboardDependencies): RequestHandler {
  const { config, queues, tokens, audit, rateLimits } = deps;
  const readOnlyMode = !config.queueDashboardWrite;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) =>
        new BullMQAdapter(queues.queue(name), { readOnlyMode, allowRetries: !readOnlyMode }),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Sterk Bestuur Tracker — wachtrijen' } },
  });
  const board = serverAdapter.getRouter() as RequestHandler;
  const ownOrigin = new URL(config.http.publicUrl).origin;

  /** Counts the request as the API's guard does; false once it has answered a 429. */
  const admitted = async (req: Request, res: Response, partition: RatePartition, key: string) => {
    try {
      await rateLimits.admit(res, partition, rateClassOf(req.method) ?? 'read', key);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'rate_limited') throw error;
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      problem(req, res, 429, error.code, error.message);
      return false;
    }
  };

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    // Before the ticket is looked up: a flood of made-up cookies stops here.
    if (!(await admitted(req, res, 'address', clientKey(req.ip)))) return;
    const ticket = cookieValue(req.headers.cookie, QUEUE_DASHBOARD_COOKIE);
    const principal =
      ticket === undefined
        ? undefined
        : await tokens.authenticateTicket(ticket, QUEUE_DASHBOARD_AUDIENCE);
    if (!principal) {
      problem(
        req,
        res,
        401,
        'UNAUTHENTICATED',
        'Open the queue dashboard from Beheer › Wachtrijen, signed in as a platform administrator.',
      );
      return;
    }
    if (!(await admitted(req, res, 'principal', principalKey(principal)))) return;
    if (!principal.isPlatformAdmin) {
      problem(req, res, 403, 'FORBIDDEN', 'Requires permission `platform:admin`.');
      return;
    }
    AuditContext.setActor(auditActorOf(principal));
    next();
  };

  const guardWrites = (req: Request, res: Response, next: NextFunction) => {
    if (isRead(req)) {
      next();
      return;
    }
    if (readOnlyMode) {
      problem(
        req,
        res,
        403,
        'QUEUE_DASHBOARD_READ_ONLY',
        'The queue dashboard is read-only (QUEUE_DASHBOARD_WRITE=false).',
      );
      return;
    }
    // The cookie is SameSite=Strict; a page of another origin is refused here as well.
    if (req.get('origin') !== ownOrigin) {
      problem(req, res, 403, 'CSRF_CHECK_FAILED', 'The Origin is absent or not this site.');
      return;
    }
    const action = writeActionOf(req.method, req.path);
    if (!action) {
      problem(
        req,
        res,
        403,
        'QUEUE_DASHBOARD_ACTION_NOT_ALLOWED',
        'The queue dashboard retries, promotes and removes jobs; other changes are not allowed.',
      );
      return;
    }
    audit.around(action, req, res);
    next();
  };

  const router = Router();
  router.use(boardHeaders, noStore, (req, res, next) => {
    void authenticate(req, res, next).catch(next);
  });
  router.use(guardWrites, withoutThirdPartyFonts, board);
  return router;
}
