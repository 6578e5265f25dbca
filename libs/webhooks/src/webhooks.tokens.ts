import type { WebhookTargets } from './targets/webhook-targets';

/** The WebhookTargets of this process (tests provide one with their own resolver). */
export const WEBHOOK_TARGETS = Symbol('WEBHOOK_TARGETS');
export type { WebhookTargets };
