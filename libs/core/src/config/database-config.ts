import type { AppConfig } from './app-config';
import { ConfigValidationError, presentOnly, problemsOf } from './config-validation';
import { environmentObject, namedRuntimeRole, userOf } from './config.schema';

export function databaseConfigOf(e: {
  DATABASE_URL: string;
  MIGRATION_DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_SSL: boolean;
  DATABASE_LOCK_TIMEOUT_MS?: number;
  MIGRATIONS_RUN: boolean;
}): AppConfig['database'] {
  const migrationUrl = e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL;
  const runtimeUser = userOf(e.DATABASE_URL);
  return {
    url: e.DATABASE_URL,
    migrationUrl,
    runtimeRole: runtimeUser !== userOf(migrationUrl) ? runtimeUser : undefined,
    poolSize: e.DATABASE_POOL_SIZE,
    ssl: e.DATABASE_SSL,
    lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
    migrationsRun: e.MIGRATIONS_RUN,
  };
}

/** Only the database part, for the migration CLI. */
export function loadDatabaseConfig(
  source: Record<string, string | undefined>,
): AppConfig['database'] {
  const env = presentOnly(source);
  const parsed = environmentObject
    .pick({
      DATABASE_URL: true,
      MIGRATION_DATABASE_URL: true,
      DATABASE_POOL_SIZE: true,
      DATABASE_SSL: true,
      MIGRATIONS_RUN: true,
    })
    .refine(namedRuntimeRole.check, {
      path: namedRuntimeRole.path,
      message: namedRuntimeRole.message,
    })
    .safeParse(env);
  if (!parsed.success) throw new ConfigValidationError(problemsOf(parsed.error.issues, env));
  return databaseConfigOf(parsed.data);
}
