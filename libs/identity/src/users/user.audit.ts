import { type AuditEventInput, changedFields, createdFields } from '@app/audit';
import type { UserEntity } from './user.entity';

/** What of an account the audit log keeps: never the password or its hash. */
const AUDITED = [
  'email',
  'displayName',
  'organisationId',
  'isActive',
  'isPlatformAdmin',
] as const satisfies readonly (keyof UserEntity)[];

/** The audit events of user accounts, changed by an administrator or by the user (/me). */
export const UserAudit = {
  /** `canSignIn`: whether an initial password was set (a name the redaction leaves readable). */
  created: (user: UserEntity): AuditEventInput => ({
    operation: 'create',
    entityType: 'user',
    entityId: user.id,
    changes: createdFields(user, AUDITED),
    details: { canSignIn: user.passwordHash !== null },
  }),

  /** `revoked`: the credentials a deactivation ended in the same transaction. */
  updated: (
    before: UserEntity,
    after: UserEntity,
    revoked?: { sessions: number; apiTokens: number },
  ): AuditEventInput => ({
    operation: 'update',
    entityType: 'user',
    entityId: after.id,
    changes: changedFields(before, after, AUDITED),
    ...(revoked && {
      details: { revokedSessions: revoked.sessions, revokedApiTokens: revoked.apiTokens },
    }),
  }),

  /** A new password, set by its owner or by an administrator: that it changed, no values. */
  passwordChanged: (
    userId: string,
    via: 'self' | 'administrator',
    revokedSessions: number,
  ): AuditEventInput => ({
    operation: 'password_change',
    entityType: 'user',
    entityId: userId,
    details: { via, revokedSessions },
  }),

  /**
   * A password change refused for a wrong current password, by the signed-in user, as a
   * failed log-in is recorded. `lockoutStarted` names the counters this failure filled;
   * changes refused during a lockout are logged, not recorded.
   */
  passwordChangeFailed: (
    userId: string,
    lockoutStarted: readonly string[],
    lockoutSeconds: number,
  ): AuditEventInput => ({
    operation: 'password_change',
    result: 'failure',
    entityType: 'user',
    entityId: userId,
    details: {
      via: 'self',
      reason: 'wrong_current_password',
      ...(lockoutStarted.length > 0 && { lockoutStarted, lockoutSeconds }),
    },
  }),
};
