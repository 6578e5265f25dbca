import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ServiceError } from './service-process';

export const SECRET_NAMES = [
  'JWT_ACCESS_SECRET',
  'JWT_REFRESH_SECRET',
  'AUDIT_CHECKPOINT_KEY',
] as const;
export type LocalSecrets = Record<(typeof SECRET_NAMES)[number], string>;

function readStored(file: string): Partial<LocalSecrets> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    return parsed;
  }
  throw new ServiceError(
    `${file} is not a JSON object. Delete it to create new secrets (this signs everyone out).`,
  );
}

/**
 * The JWT secrets and the audit checkpoint key: from the environment when set, otherwise generated once and kept in `file`
 * (mode 0600), so that a restart keeps sessions valid.
 */
export function loadOrCreateSecrets(file: string, env: NodeJS.ProcessEnv): LocalSecrets {
  const stored = readStored(file);
  let changed = false;
  const secrets = {} as LocalSecrets;
  for (const name of SECRET_NAMES) {
    const fromEnv = env[name];
    if (fromEnv) {
      secrets[name] = fromEnv;
      continue;
    }
    if (typeof stored[name] !== 'string' || stored[name].length < 32) {
      stored[name] = randomBytes(48).toString('base64url');
      changed = true;
    }
    secrets[name] = stored[name];
  }
  if (changed) {
    writeFileSync(`${file}.tmp`, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    chmodSync(`${file}.tmp`, 0o600);
    renameSync(`${file}.tmp`, file);
  }
  return secrets;
}
