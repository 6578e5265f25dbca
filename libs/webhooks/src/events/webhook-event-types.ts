/** Every event type a subscription may ask for, with what it means (README "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = {
  'nl.sterk-bestuur.action.created': 'An action was created (also by an import).',
  'nl.sterk-bestuur.action.changed':
    'An action was edited: its fields, owner, partners, deadline, confirmation, escalation level (de-escalation included) or its evidence attachments.',
  'nl.sterk-bestuur.action.progress-posted': 'A progress update was posted on an action.',
  'nl.sterk-bestuur.action.closed':
    'An action was closed: its status became met, partially met or lapsed.',
  'nl.sterk-bestuur.action.verified': 'A coordinator marked a closed action verified.',
  'nl.sterk-bestuur.action.overdue':
    "An action's deadline passed while it was open (with its first overdue reminder).",
  'nl.sterk-bestuur.action.escalated': 'An action went up the escalation ladder.',
  'nl.sterk-bestuur.comment.posted':
    "A comment was posted on an action, with the author organisation's position if stated.",
  'nl.sterk-bestuur.commitment.created': 'A commitment was recorded.',
  'nl.sterk-bestuur.commitment.changed': 'A commitment was edited, or its evidence attachments.',
  'nl.sterk-bestuur.update-round.opened': 'An update round was opened.',
  'nl.sterk-bestuur.update-round.closed': 'An update round was closed (cancelled).',
  'nl.sterk-bestuur.report-export.ready':
    'A report export is ready to download (sent only to the subscriptions of the person who asked for it).',
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export const WEBHOOK_EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];

/** What a test ping sends; every subscription gets it when asked, whatever its types. */
export const PING_EVENT_TYPE = 'nl.sterk-bestuur.webhook.ping';

/** The audit log's entity types that events are made of. */
export const EVENT_ENTITY_TYPES = [
  'action',
  'comment',
  'commitment',
  'update_round',
  'report_export',
] as const;
