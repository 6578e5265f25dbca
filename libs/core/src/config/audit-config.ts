import type { AppConfig } from './app-config';
import { ConfigValidationError, presentOnly, problemsOf } from './config-validation';
import { environmentObject } from './config.schema';

/** Only the audit part, for `npm run audit:verify`. */
export function loadAuditConfig(source: Record<string, string | undefined>): AppConfig['audit'] {
  const env = presentOnly(source);
  const parsed = environmentObject
    .pick({
      AUDIT_CHECKPOINT_KEY: true,
      AUDIT_CHECKPOINT_FILE: true,
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: true,
    })
    .safeParse(env);
  if (!parsed.success) throw new ConfigValidationError(problemsOf(parsed.error.issues, env));
  return {
    checkpointKey: parsed.data.AUDIT_CHECKPOINT_KEY,
    checkpointFile: parsed.data.AUDIT_CHECKPOINT_FILE,
    checkpointIntervalSeconds: parsed.data.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
  };
}
