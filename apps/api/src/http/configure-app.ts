import { type INestApplication, RequestMethod } from '@nestjs/common';
import cors, { type CorsOptions, type CorsOptionsDelegate } from 'cors';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, JobQueueService, Metrics } from '@app/core';
import { AccessTokens } from '@app/identity';
import { DenialRecorder } from '../access/denial-recorder';
import { API_BASE_PATH } from '../api-version';
import { browserOrigins, CSRF_HEADER } from '../identity/auth/browser-csrf.guard';
import { REFRESH_COOKIE_PATH } from '../identity/auth/refresh-cookie';
import {
  buildOpenApiDocument,
  DOCS_PATH,
  OPENAPI_JSON_PATH,
  OPENAPI_YAML_PATH,
  serveOpenApi,
} from '../openapi/openapi';
import {
  apiVersionHeader,
  auditContext,
  jsonBody,
  noStore,
  onlyServedPaths,
  rejectTrailingSlash,
  requestId,
  requireJsonBody,
  storableQuery,
} from './middleware';
import { chain } from './chain';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestMetrics } from './request-metrics';
import { securityHeaders } from './security-headers';
import { QueueDashboardAudit } from '../queues/queue-dashboard-audit';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from '../queues/queue-dashboard';
import { RateLimits } from '../rate-limit/rate-limits.service';
import { createValidationPipe } from './validation';
import { apiPathMatcher, serveWebApp } from './web-app';

const PUBLIC_DOCUMENTS = new Set([OPENAPI_JSON_PATH, OPENAPI_YAML_PATH]);
/** The probes, outside the versioned API (route-access.ts's UNVERSIONED_CONTROLLERS). */
const UNVERSIONED_ROUTES = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
];
const isApiPath = apiPathMatcher(UNVERSIONED_ROUTES.map((route) => `/${route.path}`));
/** Open data is for any web page to read (CORS `*`); it takes no credentials. */
const OPEN_DATA = /^\/v1\/programmes\/[^/]+\/open-data(?:\/dataset)?$/;

/**
 * CORS by route: the three answers are worked out once at start (their header lists joined
 * once), and each request only picks one.
 */
function corsOptions(config: AppConfig): CorsOptionsDelegate<Request> {
  const cookieOrigins = browserOrigins(config.http);
  const allowedHeaders = [
    'Authorization',
    'Content-Type',
    'If-Match',
    'If-Modified-Since',
    'If-None-Match',
    'Idempotency-Key',
    CSRF_HEADER,
    'X-Request-ID',
    'traceparent',
  ].join(',');
  const exposedHeaders = [
    'API-Version',
    'Content-Disposition',
    'ETag',
    'Idempotent-Replayed',
    'Last-Modified',
    'Link',
    'Location',
    'RateLimit',
    'RateLimit-Policy',
    'Retry-After',
    'X-Request-ID',
  ].join(',');
  const shared = { allowedHeaders, exposedHeaders, maxAge: 600 };
  const publicDocument: CorsOptions = {
    ...shared,
    origin: '*',
    credentials: false,
    methods: 'GET,HEAD',
  };
  // The refresh cookie goes along cross-origin only to origins named in CORS_ORIGINS (never
  // `*`), and only to the routes it is for: every other route takes bearer tokens alone.
  const browserSession: CorsOptions = {
    ...shared,
    origin: (origin, allow) => allow(null, origin !== undefined && cookieOrigins.has(origin)),
    credentials: true,
    methods: 'GET,HEAD,POST,PUT,PATCH,DELETE',
  };
  const anyOrigin = config.http.corsOrigins.includes('*');
  const bearer: CorsOptions = {
    ...browserSession,
    origin: (origin, allow) =>
      allow(null, origin !== undefined && (anyOrigin || config.http.corsOrigins.includes(origin))),
    credentials: false,
  };
  const sessionPrefix = `${REFRESH_COOKIE_PATH}/`;
  return (req, callback) => {
    const path = req.path;
    if (PUBLIC_DOCUMENTS.has(path) || OPEN_DATA.test(path)) callback(null, publicDocument);
    else callback(null, path.startsWith(sessionPrefix) ? browserSession : bearer);
  };
}

/**
 * The HTTP conventions of DESIGN §4, applied once; main.ts and the end-to-end tests share it,
 * so the tests exercise exactly what runs. Order matters: the request id and version header
 * come first so that every later answer, errors included, carries them.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  // ETags are versions of resources, set by the routes that have them; not hashes of bodies.
  app.set('etag', false);
  // Each `chain` is one layer of Express's router, not one per handler (chain.ts).
  // Metrics first, so that every answer is counted, early ones (413, 415, 404) included.
  // CORS before anything that may answer early (413, 415, trailing slash): a browser hides
  // a response without CORS headers from the page, problem details included. (`cors` is what
  // app.enableCors would add as a layer of its own.)
  app.use(
    chain(
      requestMetrics(app.get(Metrics)),
      requestId,
      auditContext,
      apiVersionHeader,
      cors(corsOptions(config)),
    ),
  );
  // The queue dashboard is a page of its own with its own headers and sign-in (a cookie
  // ticket): mounted before the API's and the web app's, which would refuse its assets.
  app.use(
    QUEUE_DASHBOARD_PATH,
    queueDashboard({
      config,
      queues: app.get(JobQueueService),
      tokens: app.get(AccessTokens),
      audit: app.get(QueueDashboardAudit),
      rateLimits: app.get(RateLimits),
    }),
  );
  // The web app (apps/web) is served at `/` beside the API, from the same origin: it needs
  // no CORS, and its session cookie stays first-party.
  app.use(
    chain(
      securityHeaders({ docsPath: DOCS_PATH, isApiPath, publicUrl: config.http.publicUrl }),
      noStore,
      onlyServedPaths(
        API_BASE_PATH,
        UNVERSIONED_ROUTES.map((route) => `/${route.path}`),
        serveWebApp(config.http.webAppDir, isApiPath),
      ),
      rejectTrailingSlash,
      requireJsonBody,
      jsonBody(config.http.bodyLimitBytes),
      storableQuery,
    ),
  );
  app.setGlobalPrefix(API_BASE_PATH.slice(1), { exclude: UNVERSIONED_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(DenialRecorder)));
  app.enableShutdownHooks();
  // Built on the first request for it, then kept: a third of a second that no start (of the
  // API, or of a test file's app) waits for. `npm run lint` builds and checks it.
  serveOpenApi(app, () => buildOpenApiDocument(app, config));
  return app;
}
