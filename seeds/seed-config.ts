import { ConfigValidationError, type AppConfig } from '@app/core';
import { Passwords } from '@app/identity';
import { environmentObject } from '../libs/core/src/config/config.schema';

/** What the seeds need from the configuration. */
export interface SeedConfig {
  bootstrapAdmin: AppConfig['auth']['bootstrapAdmin'];
  /**
   * Whether the demo users (whose passwords are published) are seeded, and with them the demo
   * commitments, actions, progress updates and comments of the Actieagenda.
   */
  demoUsers: boolean;
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
  if (email === undefined || password === undefined)
    return { bootstrapAdmin: undefined, demoUsers };
  const problems = new Passwords().check(password, 'BOOTSTRAP_ADMIN_PASSWORD', email);
  if (problems.length > 0) {
    throw new ConfigValidationError(problems.map((problem) => `${problem.name} ${problem.reason}`));
  }
  return { bootstrapAdmin: { email: email.toLowerCase(), password }, demoUsers };
}
