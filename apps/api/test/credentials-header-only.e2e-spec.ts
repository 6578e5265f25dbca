import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Permission } from '@app/identity';
import { listRoutes, type RouteInfo } from '../src/access/route-access';
import { startApi } from '../../../test/support/e2e';
import { IdentityFixtures } from '../../../test/support/identity-fixtures';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * DESIGN §4: tokens only in the Authorization header. A token in the query string or the
 * JSON body counts as no token at all, on every route that needs one.
 */
describe('credentials are taken from the Authorization header only', () => {
  let app: NestExpressApplication;
  let routes: RouteInfo[];
  let programmeId: string;
  let jwt: string;
  let apiToken: string;

  beforeAll(async () => {
    app = await startApi();
    routes = listRoutes(app.get(DiscoveryService), app.get(MetadataScanner)).filter(
      (route) => route.access?.permission !== Permission.Public,
    );
    const fixtures = new IdentityFixtures(app);
    const organisation = await fixtures.organisation('ministry');
    programmeId = (await fixtures.programme()).id;
    const coordinator = await fixtures.user({ organisationId: organisation.id });
    await fixtures.member(programmeId, coordinator.userId, 'coordinator');
    jwt = coordinator.token;
    const created = await request(app.getHttpServer())
      .post('/v1/me/api-tokens')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ name: 'Header only', programmeId, scope: 'write' })
      .expect(201);
    apiToken = (created.body as { token: string }).token;
  });

  afterAll(async () => {
    await app.close();
  });

  const path = (route: RouteInfo) =>
    route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
      name === 'id' && route.path.startsWith('/v1/programmes/') ? programmeId : randomUUID(),
    );

  const call = (route: RouteInfo, url: string) =>
    request(app.getHttpServer())[route.method.toLowerCase() as Method](url);

  it('refuses a JWT or an API token in the query string on every route with 401', async () => {
    const accepted: string[] = [];
    for (const route of routes) {
      for (const token of [jwt, apiToken]) {
        const res = await call(route, `${path(route)}?access_token=${encodeURIComponent(token)}`);
        if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')
          accepted.push(`${route.method} ${route.path}: ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
  });

  it('refuses a JWT or an API token in the JSON body on every route with 401', async () => {
    const accepted: string[] = [];
    for (const route of routes) {
      for (const token of [jwt, apiToken]) {
        const res = await call(route, path(route))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ access_token: token }));
        if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')
          accepted.push(`${route.method} ${route.path}: ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('takes the same tokens from the header, on a read and a write route', async () => {
    for (const token of [jwt, apiToken]) {
      await request(app.getHttpServer())
        .get(`/v1/programmes/${programmeId}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      // Past authentication, an empty track name fails validation: 400, not 401.
      const res = await request(app.getHttpServer())
        .post(`/v1/programmes/${programmeId}/tracks`)
        .set('Authorization', `Bearer ${token}`)
        .send({ name: '' });
      expect(res.status).toBe(400);
    }
  });

  it('ignores an access_token field beside a valid header instead of refusing the request', async () => {
    await request(app.getHttpServer())
      .get(`/v1/programmes/${programmeId}?access_token=whatever`)
      .set('Authorization', `Bearer ${jwt}`)
      .expect(200);
  });
});
