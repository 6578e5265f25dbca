import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ServiceError } from './service-process';

export const SECRET_NAMES = [
  'JWT_ACCESS_SECRET',
  'JWT_REFRESH_SECRET',
  'AUDIT_CHECKPOINT_KEY',
  'IDENTITY_PROVIDER_SECRET_KEY',
] as const;
export type LocalSecrets = Record<(typeof SECRET_NAMES)[number], string>;

/** Passwords of the embedded PostgreSQL's owner and runtime roles (README "Database roles"). */
export const DATABASE_PASSWORD_NAMES = [
  'DATABASE_OWNER_PASSWORD',
  'DATABASE_RUNTIME_PASSWORD',
] as const;
export type DatabasePasswords = Record<(typeof DATABASE_PASSWORD_NAMES)[number], string>;

/** Secrets that are AES-256 keys: exactly 32 random bytes in base64, not any long string. */
const AES_256_KEYS: ReadonlySet<string> = new Set(['IDENTITY_PROVIDER_SECRET_KEY']);

function generate(name: string): string {
  return AES_256_KEYS.has(name)
    ? randomBytes(32).toString('base64')
    : randomBytes(48).toString('base64url');
}

function usable(name: string, kept: unknown): kept is string {
  if (typeof kept !== 'string') return false;
  return AES_256_KEYS.has(name) ? Buffer.from(kept, 'base64').length === 32 : kept.length >= 32;
}

function readStored(file: string): Record<string, unknown> {
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
    return parsed as Record<string, unknown>;
  }
  throw new ServiceError(
    `${file} is not a JSON object. Delete it to create new secrets (this signs everyone out).`,
  );
}

/**
 * The secrets named `names`: from the environment when set, otherwise generated once and kept
 * in `file` (mode 0600) beside any others there, so that a restart keeps sessions valid.
 */
function loadOrCreate<Name extends string>(
  file: string,
  env: NodeJS.ProcessEnv,
  names: readonly Name[],
): Record<Name, string> {
  const stored = readStored(file);
  let changed = false;
  const secrets = {} as Record<Name, string>;
  for (const name of names) {
    const fromEnv = env[name];
    if (fromEnv) {
      secrets[name] = fromEnv;
      continue;
    }
    const kept = stored[name];
    if (!usable(name, kept)) {
      stored[name] = generate(name);
      changed = true;
    }
    secrets[name] = stored[name] as string;
  }
  if (changed) {
    writeFileSync(`${file}.tmp`, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    chmodSync(`${file}.tmp`, 0o600);
    renameSync(`${file}.tmp`, file);
  }
  return secrets;
}

/**
 * The JWT secrets, the audit checkpoint key and the identity providers' key (the apps'
 * environment). A key added later is generated beside the ones kept, which stay.
 */
export function loadOrCreateSecrets(file: string, env: NodeJS.ProcessEnv): LocalSecrets {
  return loadOrCreate(file, env, SECRET_NAMES);
}

/**
 * The passwords of the embedded PostgreSQL's two roles: the launcher sets them on the roles
 * at every start, and they never reach the apps' environment as such.
 */
export function loadOrCreateDatabasePasswords(file: string): DatabasePasswords {
  return loadOrCreate(file, {}, DATABASE_PASSWORD_NAMES);
}
