/**
 * Which bounded context owns each table (DESIGN §3, issue 24). Only the owner's code names a
 * table in its SQL or uses its entity; another context reads that data through what the owner
 * exports from its `index.ts` (a reader, a service, or for a join that must stay one
 * statement, a SQL fragment the owner vouches for). `table-ownership.spec.ts` holds the code
 * to it; the README's architecture section shows the same map.
 */
export const TABLE_OWNERS = {
  core: ['outbox_events', 'idempotency_keys', 'typeorm_migrations'],
  identity: [
    'organisations',
    'users',
    'memberships',
    'programmes',
    'tracks',
    'refresh_tokens',
    'api_tokens',
    'calendar_links',
    'identity_providers',
    'user_identities',
    'oidc_login_states',
  ],
  audit: ['audit_events', 'audit_chain_head'],
  tracking: [
    'commitments',
    'commitment_parties',
    'commitment_references',
    'commitment_lineage',
    'actions',
    'action_partners',
    'action_timeline_heads',
    'progress_updates',
    'comments',
    'attachments',
  ],
  reminders: ['reminders', 'reminder_policies', 'update_rounds', 'update_round_actions'],
  notifications: ['notifications', 'notification_preferences', 'email_deliveries', 'email_digests'],
  reporting: [
    'report_exports',
    'report_export_chunks',
    'report_versions',
    'report_version_changes',
  ],
  imports: ['imports', 'import_files', 'import_rows', 'import_references'],
  webhooks: ['webhook_subscriptions', 'webhook_deliveries', 'webhook_fanout_cursor'],
} as const satisfies Record<string, readonly string[]>;

export type Context = keyof typeof TABLE_OWNERS;

/** The context that owns `table`, or undefined for a name that is no table of ours. */
export function ownerOf(table: string): Context | undefined {
  for (const [context, tables] of Object.entries(TABLE_OWNERS) as [Context, readonly string[]][]) {
    if (tables.includes(table)) return context;
  }
  return undefined;
}
