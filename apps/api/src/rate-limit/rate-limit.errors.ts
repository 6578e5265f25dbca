import { DomainError } from '@app/core';
import type { RateClass, RatePartition } from './rate-limit-policy';

const WHOSE: Record<RatePartition, string> = {
  principal: 'by you (this user or API token)',
  address: 'from your network address',
};

const WHAT: Record<RateClass, string> = {
  read: 'read requests',
  write: 'changing requests',
  expensive: 'requests for reports, exports and other expensive routes',
};

export const RateLimitErrors = {
  /** A 429 naming the budget that ran out; Retry-After says when its window ends. */
  exceeded: (partition: RatePartition, rateClass: RateClass, retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'RATE_LIMITED',
      `Too many ${WHAT[rateClass]} ${WHOSE[partition]}. Try again after the time in the ` +
        'Retry-After header; the RateLimit and RateLimit-Policy headers show the budgets.',
    ).retryAfter(retryAfterSeconds),
} as const;
