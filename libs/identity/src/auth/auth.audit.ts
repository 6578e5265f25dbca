import { ANONYMOUS_ACTOR, type AuditActor, type AuditEventInput, changedFields } from '@app/audit';
import type { ApiTokenEntity } from './api-token.entity';

/** Why a log-in failed; the client hears the same INVALID_CREDENTIALS for each. */
export type LoginFailure =
  | 'unknown_email'
  | 'no_password'
  | 'wrong_password'
  | 'inactive'
  /** The right password, but the organisation's people sign in through its provider only. */
  | 'password_sign_in_disabled';

/** The person behind a session, for events of public routes where nobody is signed in. */
export interface SessionOwner {
  userId: string;
  organisationId: string;
}

const userActor = (owner: SessionOwner): AuditActor => ({
  type: 'user',
  id: owner.userId,
  organisationId: owner.organisationId,
});

/** Name, scope and prefix tell a token apart; never the token or its hash. */
const describeToken = (token: ApiTokenEntity) => ({
  name: token.name,
  scope: token.scope,
  tokenPrefix: token.tokenPrefix,
  expiresAt: token.expiresAt?.toISOString() ?? null,
});

/**
 * Only the domain of a typed e-mail address, and only when it looks like one. The log-in
 * takes any string as the e-mail (a password typed in the wrong field included), and the
 * audit log can never be erased: a typed address of nobody's account, or a stray password,
 * must not be kept there for years. The domain still shows which organisation is targeted;
 * a known account is named by its id.
 */
export function emailDomainOf(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : email
          .trim()
          .slice(at + 1)
          .toLowerCase();
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) && domain.length <= 253 ? domain : null;
}

/** The audit events of log-in, sessions and API tokens. */
export const AuthAudit = {
  /** Entity: the session (refresh-token family); actor: the person who just signed in. */
  login: (
    owner: SessionOwner,
    sessionId: string,
    details?: { method: 'oidc'; identityProviderId: string | null },
  ): AuditEventInput => ({
    operation: 'login',
    entityType: 'session',
    entityId: sessionId,
    actor: userActor(owner),
    ...(details && { details }),
  }),

  /**
   * A refused log-in, by an unknown caller. `lockoutStarted` names the counters this failure
   * filled (account, address): log-ins refused during a lockout are logged, not recorded.
   */
  loginFailed: (failure: {
    reason: LoginFailure;
    userId: string | undefined;
    email: string;
    lockoutStarted: readonly string[];
    lockoutSeconds: number;
  }): AuditEventInput => ({
    operation: 'login_failed',
    result: 'failure',
    entityType: 'user',
    entityId: failure.userId ?? null,
    actor: ANONYMOUS_ACTOR,
    details: {
      reason: failure.reason,
      emailDomain: emailDomainOf(failure.email),
      ...(failure.lockoutStarted.length > 0 && {
        lockoutStarted: failure.lockoutStarted,
        lockoutSeconds: failure.lockoutSeconds,
      }),
    },
  }),

  /** Logging out is done with the refresh token alone; the session's owner is the actor. */
  logout: (owner: SessionOwner, sessionId: string): AuditEventInput => ({
    operation: 'logout',
    entityType: 'session',
    entityId: sessionId,
    actor: userActor(owner),
  }),

  /**
   * A spent refresh token presented again, and the session revoked for it. The caller is
   * whoever holds the token (the owner or a thief), so the actor stays the request's.
   */
  refreshTokenReuse: (
    userId: string,
    sessionId: string,
    revokedTokens: number,
  ): AuditEventInput => ({
    operation: 'refresh_token_reuse',
    result: 'failure',
    entityType: 'session',
    entityId: sessionId,
    details: { userId, revokedTokens },
  }),

  tokenCreated: (token: ApiTokenEntity): AuditEventInput => ({
    operation: 'token_created',
    entityType: 'api_token',
    entityId: token.id,
    programmeId: token.programmeId,
    details: describeToken(token),
  }),

  /** No `changes` when the token was already revoked: revoking again changes nothing. */
  tokenRevoked: (before: ApiTokenEntity, after: ApiTokenEntity): AuditEventInput => ({
    operation: 'token_revoked',
    entityType: 'api_token',
    entityId: after.id,
    programmeId: after.programmeId,
    changes: changedFields(before, after, ['revokedAt']),
    details: describeToken(after),
  }),
};
