import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startApi } from '../../../test/support/e2e';

describe('bearer tokens that were never issued', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi();
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['a made-up API token', 'sbt_made-up-token-that-was-never-issued'],
    ['a bare prefix', 'sbt_'],
    ['garbage', 'not-a-token'],
  ])('refuses %s with 401 and a Bearer challenge', async (_what, token) => {
    const res = await request(app.getHttpServer())
      .get('/v1/organisations')
      .set('Authorization', `Bearer ${token}`)
      .expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
