import { ConfigValidationError, type AppConfig } from '@app/core';
import { Passwords } from '@app/identity';
import { environmentObject } from '../libs/core/src/config/config.schema';
import { DEV_IDENTITY_PROVIDER_CLIENT_ID } from './dev-identity-provider.constants';

/** What the seeds need from the configuration. */
export interface SeedConfig {
  bootstrapAdmin: AppConfig['auth']['bootstrapAdmin'];
  /**
   * Whether the demo users (whose passwords are published) are seeded, and with them the demo
   * commitments, actions, progress updates and comments of the Actieagenda.
   */
  demoUsers: boolean;
  /**
   * `npm start`'s development identity provider (scripts/start.ts): configured as the
   * providers of the demo organisations, so that signing in through one can be tried.
   */
  devIdentityProvider?: DevIdentityProviderSeed;
}

/** Where the development identity provider runs, and what the seed needs to register it. */
export interface DevIdentityProviderSeed {
  /** `http://localhost:<port>`: each organisation's issuer is `<url>/<code in lower case>`. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** IDENTITY_PROVIDER_SECRET_KEY, to store the client secret as the API does. */
  secretKey: Buffer;
}

/** The development identity provider's variables, set by scripts/start.ts only. */
function devIdentityProvider(
  source: Record<string, string | undefined>,
): DevIdentityProviderSeed | undefined {
  const url = source.DEV_IDENTITY_PROVIDER_URL;
  if (!url) return undefined;
  const problems: string[] = [];
  if (source.NODE_ENV === 'production') {
    problems.push('DEV_IDENTITY_PROVIDER_URL is for development: never in production');
  }
  if (!/^http:\/\/localhost:\d{1,5}$/.test(url)) {
    problems.push('DEV_IDENTITY_PROVIDER_URL must be http://localhost:<port>');
  }
  const clientSecret = source.DEV_IDENTITY_PROVIDER_CLIENT_SECRET ?? '';
  if (clientSecret.length < 16) {
    problems.push('DEV_IDENTITY_PROVIDER_CLIENT_SECRET must be at least 16 characters');
  }
  const secretKey = Buffer.from(source.IDENTITY_PROVIDER_SECRET_KEY ?? '', 'base64');
  if (secretKey.length !== 32) {
    problems.push('IDENTITY_PROVIDER_SECRET_KEY must be 32 bytes in base64');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return { url, clientId: DEV_IDENTITY_PROVIDER_CLIENT_ID, clientSecret, secretKey };
}

const seedEnvironment = environmentObject
  .pick({
    NODE_ENV: true,
    SEED_DEMO_USERS: true,
    BOOTSTRAP_ADMIN_EMAIL: true,
    BOOTSTRAP_ADMIN_PASSWORD: true,
  })
  .refine(
    (env) =>
      (env.BOOTSTRAP_ADMIN_EMAIL === undefined) === (env.BOOTSTRAP_ADMIN_PASSWORD === undefined),
    {
      path: ['BOOTSTRAP_ADMIN_PASSWORD'],
      message: 'set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither',
    },
  );

/**
 * Reads only the bootstrap administrator's variables, with the app's own schema, so that
 * `migrate` keeps needing nothing but the database variables otherwise. The password must
 * also pass the policy every password passes (length, not common, not the e-mail address).
 */
export function loadSeedConfig(source: Record<string, string | undefined>): SeedConfig {
  const env = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = seedEnvironment.safeParse(env);
  if (!parsed.success) {
    throw new ConfigValidationError(
      parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`),
    );
  }
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = parsed.data;
  // Known passwords must never reach a production database, unless asked for explicitly.
  const demoUsers = parsed.data.SEED_DEMO_USERS ?? parsed.data.NODE_ENV !== 'production';
  const dev = devIdentityProvider(source);
  const extra = dev ? { devIdentityProvider: dev } : {};
  if (email === undefined || password === undefined)
    return { bootstrapAdmin: undefined, demoUsers, ...extra };
  const problems = new Passwords().check(password, 'BOOTSTRAP_ADMIN_PASSWORD', email);
  if (problems.length > 0) {
    throw new ConfigValidationError(problems.map((problem) => `${problem.name} ${problem.reason}`));
  }
  return { bootstrapAdmin: { email: email.toLowerCase(), password }, demoUsers, ...extra };
}
