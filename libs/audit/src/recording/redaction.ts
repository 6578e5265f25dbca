/** What a redacted value is stored as: the change is on record, its content is not. */
export const REDACTED = '[redacted]';

/**
 * Field names whose values are secrets (BIO2 8.15: no secrets in logs): passwords, their
 * hashes, tokens and keys. Matched on the name at every depth, case-insensitively, so
 * `newPassword`, `tokenHash` and `refresh_token` are caught without being listed. Token
 * prefixes, ids and counts (`tokenPrefix`, `apiTokenId`, `revokedApiTokens`) are not secrets
 * and stay readable.
 */
const SECRET_FIELD =
  /passw(or)?d|passphrase|secret|hash$|^token$|(access|refresh|api|bearer)_?token$|authori[sz]ation|cookie|private_?key|^key$|credential/i;

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** A copy of `value` with every secret field's value replaced by REDACTED. */
export function redactSecrets<T>(value: T): T {
  return redact(value) as T;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] =
      isSecretField(key) && inner !== null && inner !== undefined ? REDACTED : redact(inner);
  }
  return copy;
}
