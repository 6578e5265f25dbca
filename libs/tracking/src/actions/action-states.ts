export const ACTION_STATUSES = [
  'not_started',
  'in_progress',
  'met',
  'partially_met',
  'lapsed',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CLOSED_STATUSES: readonly ActionStatus[] = ['met', 'partially_met', 'lapsed'];

export const ACTION_HEALTHS = ['not_set', 'on_track', 'at_risk', 'off_track'] as const;
export type ActionHealth = (typeof ACTION_HEALTHS)[number];

export const VERIFICATIONS = ['self_reported', 'partner_reviewed', 'verified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const PARTNER_ROLES = ['co_owner', 'contributor', 'informed'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const ESCALATION_LEVELS = ['official', 'administrative', 'overhedenoverleg'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** A filter on the escalation ladder: a level, or `none` for actions not escalated. */
export const ESCALATION_FILTER_VALUES = [...ESCALATION_LEVELS, 'none'] as const;
export type EscalationFilterValue = (typeof ESCALATION_FILTER_VALUES)[number];

export const isClosed = (status: ActionStatus): boolean => CLOSED_STATUSES.includes(status);
