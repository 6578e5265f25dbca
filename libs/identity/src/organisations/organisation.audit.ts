import { type AuditEventInput, changedFields, createdFields } from '@app/audit';
import type { OrganisationEntity } from './organisation.entity';

/** What of an organisation the audit log keeps; timestamps are the event's own. */
const AUDITED = ['code', 'name', 'kind'] as const satisfies readonly (keyof OrganisationEntity)[];

/** The audit events of organisations. */
export const OrganisationAudit = {
  created: (organisation: OrganisationEntity): AuditEventInput => ({
    operation: 'create',
    entityType: 'organisation',
    entityId: organisation.id,
    changes: createdFields(organisation, AUDITED),
  }),

  updated: (before: OrganisationEntity, after: OrganisationEntity): AuditEventInput => ({
    operation: 'update',
    entityType: 'organisation',
    entityId: after.id,
    changes: changedFields(before, after, AUDITED),
  }),
};
