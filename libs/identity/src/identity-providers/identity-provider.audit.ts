import {
  type AuditChanges,
  type AuditEventInput,
  changedFields,
  createdFields,
  deletedFields,
} from '@app/audit';
import type { IdentityProviderEntity } from './identity-provider.entity';

/** What of a provider the audit log keeps: never the client secret, encrypted or not. */
const AUDITED = [
  'organisationId',
  'displayName',
  'issuer',
  'clientId',
  'scopes',
  'emailClaim',
  'allowedDomains',
  'createUsers',
  'passwordSignInDisabled',
  'enabled',
] as const satisfies readonly (keyof IdentityProviderEntity)[];

/**
 * That the secret was set or replaced, without any value. The audit service redacts a field
 * named like a secret as a whole, so the event shows `clientSecret: "[redacted]"`: on record
 * that it changed, its content not.
 */
const SECRET_CHANGED: AuditChanges = { clientSecret: { new: 'changed' } };

/** The audit events of identity providers. */
export const IdentityProviderAudit = {
  created: (provider: IdentityProviderEntity): AuditEventInput => ({
    operation: 'create',
    entityType: 'identity_provider',
    entityId: provider.id,
    changes: { ...createdFields(provider, AUDITED), ...SECRET_CHANGED },
  }),

  updated: (
    before: IdentityProviderEntity,
    after: IdentityProviderEntity,
    secretChanged: boolean,
  ): AuditEventInput => {
    const changes = {
      ...changedFields(before, after, AUDITED),
      ...(secretChanged && SECRET_CHANGED),
    };
    return {
      operation: 'update',
      entityType: 'identity_provider',
      entityId: after.id,
      changes: Object.keys(changes).length > 0 ? changes : undefined,
    };
  },

  deleted: (provider: IdentityProviderEntity): AuditEventInput => ({
    operation: 'delete',
    entityType: 'identity_provider',
    entityId: provider.id,
    changes: deletedFields(provider, AUDITED),
  }),
};
