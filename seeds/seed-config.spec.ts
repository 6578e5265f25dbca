import { ConfigValidationError } from '@app/core';
import { loadSeedConfig } from './seed-config';

describe('loadSeedConfig', () => {
  it('has no bootstrap administrator when neither variable is set', () => {
    expect(loadSeedConfig({ BOOTSTRAP_ADMIN_EMAIL: '', DATABASE_URL: 'x' })).toEqual({
      bootstrapAdmin: undefined,
      demoUsers: true,
    });
  });

  it('reads both, with the e-mail address in lower case', () => {
    expect(
      loadSeedConfig({
        BOOTSTRAP_ADMIN_EMAIL: 'Beheer@Example.NL',
        BOOTSTRAP_ADMIN_PASSWORD: 'Thorbecke blijft actueel',
      }),
    ).toEqual({
      bootstrapAdmin: { email: 'beheer@example.nl', password: 'Thorbecke blijft actueel' },
      demoUsers: true,
    });
  });

  it.each([
    [{ BOOTSTRAP_ADMIN_EMAIL: 'beheer@example.nl' }, /set both/],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'no-address', BOOTSTRAP_ADMIN_PASSWORD: 'x'.repeat(20) }, /EMAIL/],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'a@example.nl', BOOTSTRAP_ADMIN_PASSWORD: 'short' }, /12/],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'a@example.nl', BOOTSTRAP_ADMIN_PASSWORD: 'password1234' }, /common/],
  ])('refuses %p with a configuration error', (env, message) => {
    expect(() => loadSeedConfig(env)).toThrow(ConfigValidationError);
    expect(() => loadSeedConfig(env)).toThrow(message);
  });

  describe("npm start's development identity provider", () => {
    const key = Buffer.alloc(32, 7).toString('base64');

    it('is read from the variables start.ts sets', () => {
      expect(
        loadSeedConfig({
          DEV_IDENTITY_PROVIDER_URL: 'http://localhost:3090',
          DEV_IDENTITY_PROVIDER_CLIENT_SECRET: 'a-random-client-secret',
          IDENTITY_PROVIDER_SECRET_KEY: key,
        }).devIdentityProvider,
      ).toEqual({
        url: 'http://localhost:3090',
        clientId: 'sterk-bestuur-tracker',
        clientSecret: 'a-random-client-secret',
        secretKey: Buffer.alloc(32, 7),
      });
      expect(loadSeedConfig({}).devIdentityProvider).toBeUndefined();
    });

    it.each([
      [{ NODE_ENV: 'production' }, /never in production/],
      [{ DEV_IDENTITY_PROVIDER_URL: 'https://idp.example.nl' }, /localhost/],
      [{ DEV_IDENTITY_PROVIDER_CLIENT_SECRET: 'short' }, /16 characters/],
      [{ IDENTITY_PROVIDER_SECRET_KEY: 'c2hvcnQ=' }, /32 bytes/],
    ])('refuses %p', (change, message) => {
      const env = {
        DEV_IDENTITY_PROVIDER_URL: 'http://localhost:3090',
        DEV_IDENTITY_PROVIDER_CLIENT_SECRET: 'a-random-client-secret',
        IDENTITY_PROVIDER_SECRET_KEY: key,
        ...change,
      };
      expect(() => loadSeedConfig(env)).toThrow(message);
    });
  });
});
