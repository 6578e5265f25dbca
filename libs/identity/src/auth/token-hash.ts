import { createHash, randomBytes } from 'node:crypto';

/** Tokens carry 256 random bits, so a fast hash is enough to store them (no dictionary to guess). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A new random token with a recognisable prefix (`sbt_` API tokens, `sbr_` refresh tokens,
 * `sbc_` calendar links).
 */
export function newToken(prefix: 'sbt_' | 'sbr_' | 'sbc_'): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
