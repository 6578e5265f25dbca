import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/core';
import { API_TOKEN_BASIC_SCHEME, API_TOKEN_SCHEME, JWT_SCHEME } from '../access/access.decorator';
import { API_BASE_PATH, API_VERSION } from '../api-version';
import { REFRESH_COOKIE, REFRESH_COOKIE_SCHEME } from '../identity/auth/refresh-cookie';
import { ensureApiConventions } from './openapi-conventions';
import { composeOperationExamples } from './openapi-examples';
import { declareRateLimits } from './openapi-rate-limits';

export const OPENAPI_JSON_PATH = `${API_BASE_PATH}/openapi.json`;
export const OPENAPI_YAML_PATH = `${API_BASE_PATH}/openapi.yaml`;
export const DOCS_PATH = `${API_BASE_PATH}/docs`;

/**
 * The tags of the operations, each described: the docs page groups by them (and Spectral's
 * `operation-tag-defined` wants every one declared).
 */
export const API_TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'api', description: 'The entry point: where the OpenAPI document and docs are.' },
  {
    name: 'authentication',
    description:
      'Signing in (password, or the organisation’s own OpenID Connect provider), browser ' +
      'sessions with the refresh cookie, refresh and sign-out, and the links between people ' +
      'and their accounts at their organisation’s provider.',
  },
  {
    name: 'api tokens',
    description: 'Your tokens for integrations: one programme each, read or write, shown once.',
  },
  { name: 'me', description: 'Your own account, preferences and notifications.' },
  {
    name: 'organisations',
    description:
      'The national government, associations, provinces and other bodies that make commitments.',
  },
  { name: 'users', description: 'Accounts, managed by platform administrators.' },
  {
    name: 'identity-providers',
    description: 'Each organisation’s OpenID Connect provider, managed by platform administrators.',
  },
  {
    name: 'programmes',
    description:
      'Programmes (such as the Actieagenda Sterk Bestuur), their tracks and members with their roles.',
  },
  {
    name: 'commitments',
    description:
      'What the governments agreed: UDO trajectories, BOFv and Overhedenoverleg agreements, ROB recommendations and parliamentary pledges, with their sources.',
  },
  {
    name: 'actions',
    description:
      'The work that meets the commitments: owners, partners, deadlines, status, progress updates, comments, reviews and history.',
  },
  {
    name: 'reminders',
    description: 'Reminder policies, update rounds, escalation and the e-mails sent.',
  },
  {
    name: 'reports',
    description:
      'Progress reports (JSON, CSV, XLSX, HTML, PDF), exports, and the deadlines calendar with its calendar links.',
  },
  { name: 'open-data', description: 'What a programme publishes for anyone, without signing in.' },
  {
    name: 'imports',
    description: 'Spreadsheets out and in again: export, dry run, conflicts and apply.',
  },
  {
    name: 'attachments',
    description:
      'Evidence of actions and commitments (letters, decisions, minutes): upload, download, delete; their SHA-256 on record.',
  },
  {
    name: 'webhooks',
    description:
      "A programme's events pushed to your URL: signed CloudEvents (NL GOV profile), at least once, with a delivery log.",
  },
  { name: 'audit-events', description: 'The tamper-evident audit log and its verification.' },
  { name: 'system', description: 'Operating the product: the clock (outside production).' },
];

/** The docs page's introduction: what an integrator needs for the first calls. */
const API_DESCRIPTION = [
  'Tracks the commitments that the national government, municipalities (VNG), provinces ' +
    '(IPO) and water boards (UvW) made to each other: actions with owners, deadlines and ' +
    'status, progress updates, partner reviews, reminders, an audit log and progress reports.',
  '',
  '## Getting started',
  '',
  '1. **Sign in.** People sign in in the web app. An integration uses an **API token**: a ' +
    'signed-in person makes one at `POST /v1/me/api-tokens` (one programme, `read` or ' +
    '`write`; shown once) and the integration sends it as `Authorization: Bearer sbt_…`. ' +
    'Scripts of a person may also sign in with `POST /v1/auth/login` and use the access token ' +
    '(15 minutes) and refresh token (`POST /v1/auth/refresh`).',
  '2. **First call.** `GET /v1/programmes` lists your programmes; ' +
    '`GET /v1/actions?programme=<id>&limit=50` the actions of one.',
  '3. **Lists** use keyset pagination: follow `_links.next.href` until it is absent; `limit` ' +
    'is at most 200. Sort with `sort=-deadline,title`; filters are camelCase query keys; ' +
    '`updatedSince=<instant>` gives what changed since your last poll.',
  '4. **Changes** need the version you read: every `GET` of a resource answers an `ETag`; send ' +
    'it back as `If-Match` (428 without, 412 when someone changed it meanwhile: read again).',
  '5. **Creating** requests take an `Idempotency-Key` header (a UUID of yours): a retried ' +
    'POST with the same key answers the first result instead of creating twice.',
  '6. **Errors** are RFC 9457 problem details with a stable `code`; invalid input is a 400 ' +
    'listing every problem in `invalidParams`. Rate limits answer 429 with `Retry-After`.',
  '7. **Webhooks** instead of polling: `POST /v1/programmes/{id}/webhooks` (a coordinator, or ' +
    'an API token with `write` scope) with an `https://` URL and the event types you want. ' +
    'Each event is POSTed as a CloudEvent (`application/cloudevents+json`, NL GOV profile: ' +
    '`id`, `source`, `type` such as `nl.sterk-bestuur.action.progress-posted`, `subject`, ' +
    '`time`, `sequence`, `dataref` to the resource), at least once: deduplicate on `id`.',
  '',
  '### Verifying a webhook',
  '',
  'Messages are signed per *Standard Webhooks* with the secret shown when you created the ' +
    'webhook (`whsec_…`): compute HMAC-SHA256, keyed with the base64-decoded part after ' +
    '`whsec_`, over `{webhook-id}.{webhook-timestamp}.{raw body}`, base64-encode it, and ' +
    'accept the message when it equals one of the `v1,` signatures in `webhook-signature` ' +
    '(compare in constant time; there are two while a rotated secret is still valid) and ' +
    '`webhook-timestamp` is within five minutes of now. The `standardwebhooks` libraries ' +
    '(JavaScript, Python, Go, Java, C#, PHP, Ruby) do exactly this. Answer 2xx within 10 ' +
    'seconds; anything else is retried with backoff for about a day, after which the webhook ' +
    'is switched off and its owner told. `POST …/webhooks/{webhookId}/pings` sends a test.',
  '',
  'A request property takes `null` only where its schema says `nullable: true` (null means ' +
    'none; on a change it clears the value); elsewhere null is a 400 naming it.',
].join('\n');

/** The OpenAPI 3.0 document of the API as it is running, conventions and examples applied. */
export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.0.3')
    .setTitle('Sterk Bestuur Tracker API')
    .setDescription(API_DESCRIPTION)
    .setVersion(API_VERSION)
    .setContact(
      'Sterk Bestuur Tracker team',
      'https://github.com/sterk-bestuur/tracker',
      'sterk-bestuur-tracker@example.nl',
    )
    .setLicense('EUPL-1.2', 'https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer(`${config.http.publicUrl}${API_BASE_PATH}`)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Access token from POST /auth/login (15 minutes).',
      },
      JWT_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'sbt_…',
        description: 'API token from POST /me/api-tokens: one programme, read or write.',
      },
      API_TOKEN_SCHEME,
    )
    .addBasicAuth(
      {
        type: 'http',
        scheme: 'basic',
        description:
          'For calendar apps, on the routes that list it: any user name, an API token as the password.',
      },
      API_TOKEN_BASIC_SCHEME,
    )
    .addCookieAuth(
      REFRESH_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The refresh token of a browser session, set by POST /auth/browser/login as an ' +
          'HttpOnly cookie: the browser sends it, scripts never see it.',
      },
      REFRESH_COOKIE_SCHEME,
    );
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    ignoreGlobalPrefix: true,
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}${methodKey.replace(/^./, (c) => c.toUpperCase())}`,
  });
  return composeOperationExamples(ensureApiConventions(declareRateLimits(document)));
}

/**
 * Serves the document as JSON and YAML and the Swagger UI page; `document` is called on the
 * first request for any of them, and its answer kept.
 */
export function serveOpenApi(app: INestApplication, document: () => OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    useGlobalPrefix: false,
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: OPENAPI_YAML_PATH,
    customSiteTitle: 'Sterk Bestuur Tracker API',
    swaggerOptions: { persistAuthorization: false },
  });
}
