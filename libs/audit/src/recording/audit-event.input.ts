import type { AuditActor } from './audit-context';
import type { AuditChanges } from './changes';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/**
 * The operations on record. Contexts add theirs here, so that filters and reports know the
 * full list; the database only checks the shape (lower snake case).
 */
export const AUDIT_OPERATIONS = [
  'create',
  'update',
  'delete',
  'status_change',
  'login',
  'login_failed',
  'logout',
  'refresh_token_reuse',
  'password_change',
  'token_created',
  'token_revoked',
  'permission_denied',
  'escalate',
  'de_escalate',
  /** An open action's deadline passed (the system, with its first overdue reminder). */
  'overdue',
  /** An evidence file was attached to the entity (its SHA-256 in the details). */
  'attachment_added',
  /** An evidence file of the entity was deleted (a soft delete: the file is kept). */
  'attachment_removed',
] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

/** What a context tells the audit service; actor and origin come from the AuditContext. */
export interface AuditEventInput {
  operation: AuditOperation;
  /** Lower snake case: `organisation`, `programme_member`, `api_token`, … */
  entityType: string;
  entityId?: string | null;
  /** Set for anything inside a programme: coordinators see their programme's events. */
  programmeId?: string | null;
  /** Default `success`. */
  result?: AuditResult;
  changes?: AuditChanges;
  /** Anything else worth keeping, e.g. the reason of a failure. Secrets are redacted. */
  details?: Record<string, unknown>;
  /** Overrides the context's actor, e.g. the person who just signed in. */
  actor?: AuditActor;
}
