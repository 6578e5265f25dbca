import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/core';
import { API_TOKEN_BASIC_SCHEME, API_TOKEN_SCHEME, JWT_SCHEME } from '../access/access.decorator';
import { API_BASE_PATH, API_VERSION } from '../api-version';
import { REFRESH_COOKIE, REFRESH_COOKIE_SCHEME } from '../identity/auth/refresh-cookie';
import { ensureApiConventions } from './openapi-conventions';
import { declareRateLimits } from './openapi-rate-limits';

export const OPENAPI_JSON_PATH = `${API_BASE_PATH}/openapi.json`;
export const OPENAPI_YAML_PATH = `${API_BASE_PATH}/openapi.yaml`;
export const DOCS_PATH = `${API_BASE_PATH}/docs`;

/** The OpenAPI 3.0 document of the API as it is running, conventions applied. */
export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.0.3')
    .setTitle('Sterk Bestuur Tracker API')
    .setDescription(
      'Tracks the commitments that the national government, municipalities (VNG), provinces ' +
        '(IPO) and water boards (UvW) made to each other: actions with owners, deadlines and ' +
        'status, progress updates, partner reviews, reminders, an audit log and progress reports. ' +
        'Errors are RFC 9457 problem details; lists use keyset pagination through `_links`. ' +
        'A request property takes `null` only where its schema says `nullable: true` (null ' +
        'means none; on a change it clears the value); elsewhere null is a 400 naming it.',
    )
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
  const document = SwaggerModule.createDocument(app, builder.build(), {
    ignoreGlobalPrefix: true,
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}${methodKey.replace(/^./, (c) => c.toUpperCase())}`,
  });
  return ensureApiConventions(declareRateLimits(document));
}

/** Serves the document as JSON and YAML and the Swagger UI page. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    useGlobalPrefix: false,
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: OPENAPI_YAML_PATH,
    customSiteTitle: 'Sterk Bestuur Tracker API',
    swaggerOptions: { persistAuthorization: false },
  });
}
