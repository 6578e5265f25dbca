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
});
