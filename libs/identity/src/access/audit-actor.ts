import type { AuditActor } from '@app/audit';
import type { Principal } from './principal';

/** The audit log's actor for a principal: an API token is on record as itself. */
export function auditActorOf(principal: Principal): AuditActor {
  return principal.apiToken
    ? { type: 'api_token', id: principal.apiToken.id, organisationId: principal.organisationId }
    : { type: 'user', id: principal.userId, organisationId: principal.organisationId };
}
