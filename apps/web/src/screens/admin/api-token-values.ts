import type { Schemas } from '../../api/client';
import type { Messages } from '../../i18n';

export type Token = Schemas['ApiTokenResponse'];
export type Scope = Token['scope'];
export type Created = Schemas['CreatedApiTokenResponse'];

export function stateOf(token: Token, now: number): keyof Messages['admin']['tokenState'] {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** "Valid until and including" a day: the token stops at the start of the next day, local time. */
export function endOfDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const next = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Number.isNaN(next.getTime()) ? null : next.toISOString();
}
