import type { AppConfig } from '@app/core';
import type { Principal } from '@app/identity';

/**
 * The budget a route spends: `read` (GET, HEAD), `write` (every other method) or `expensive`
 * (declared with `@Access(…, { rateLimit: 'expensive' })`: routes that read or render a whole
 * programme, a report or the audit chain, whatever their method).
 */
export type RateClass = 'read' | 'write' | 'expensive';

/** Who a budget belongs to: the signed-in principal, or the client address. */
export type RatePartition = 'principal' | 'address';

/**
 * What a route declares beyond its method: `expensive`, or `exempt` for probes that
 * orchestrators call on their own schedule (a limit there would restart healthy replicas).
 */
export type RouteRateLimit = 'expensive' | 'exempt';

export const RATE_CLASSES: readonly RateClass[] = ['read', 'write', 'expensive'];
export const RATE_PARTITIONS: readonly RatePartition[] = ['address', 'principal'];

/** The budget a request spends, or undefined for an exempt route. */
export function rateClassOf(method: string, declared?: RouteRateLimit): RateClass | undefined {
  if (declared === 'exempt') return undefined;
  if (declared === 'expensive') return 'expensive';
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' ? 'read' : 'write';
}

/** The policy's name in the RateLimit fields, e.g. `principal-read`. */
export const policyName = (partition: RatePartition, rateClass: RateClass) =>
  `${partition}-${rateClass}`;

/**
 * A person's budget is theirs across sessions and across their API tokens: a token acts for
 * its owner and never does more, and a budget per token would let anyone multiply theirs by
 * creating tokens.
 */
export function principalKey(principal: Principal): string {
  return userKey(principal.userId);
}

/** The key of a person's budget, by their user id. */
export function userKey(userId: string): string {
  return `user:${userId}`;
}

/** The quota of a policy per window, from the configuration. */
export function quotaOf(
  limits: AppConfig['rateLimits'],
  partition: RatePartition,
  rateClass: RateClass,
): number {
  return limits[partition][rateClass];
}

/** Where a request stands in one policy after it was counted. */
export interface Allowance {
  policy: string;
  quota: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window ends and the quota is whole again. */
  resetSeconds: number;
}

/**
 * The RateLimit-Policy field (draft-ietf-httpapi-ratelimit-headers-11, a Structured Fields
 * list): `"address-read";q=6000;w=60, "principal-read";q=600;w=60`.
 */
export function rateLimitPolicyField(allowances: readonly Allowance[]): string {
  return allowances
    .map(({ policy, quota, windowSeconds }) => `"${policy}";q=${quota};w=${windowSeconds}`)
    .join(', ');
}

/** The RateLimit field of the same draft: `"address-read";r=5999;t=42, …`. */
export function rateLimitField(allowances: readonly Allowance[]): string {
  return allowances
    .map(({ policy, remaining, resetSeconds }) => `"${policy}";r=${remaining};t=${resetSeconds}`)
    .join(', ');
}

/** Milliseconds left in a window as whole seconds: never 0 while any is left. */
export const secondsFrom = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
