import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditEventInput } from '@app/audit';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import type { Principal } from '../access/principal';
import { Passwords } from '../users/passwords';
import { AccessTokens } from './access-tokens';
import { AuthAudit, type LoginFailure } from './auth.audit';
import { AuthErrors } from './auth.errors';
import type { LoginDto } from './dto/login.dto';
import { LoginThrottle } from './login-throttle.service';
import { mapSessionTokens, type SessionTokensResponse } from './session-tokens.response';
import {
  type LockedRefreshToken,
  type LoginAccount,
  SessionsRepository,
} from './sessions.repository';
import { hashToken, newToken } from './token-hash';

type RefreshOutcome =
  | {
      kind: 'rotated';
      userId: string;
      familyId: string;
      refreshToken: string;
      expiresAt: Date;
      identityProviderId: string | null;
    }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid' };

/**
 * Sessions of people: log-in, refresh-token rotation with reuse detection, log-out. A
 * session is a family of refresh tokens; its id is the `sid` of its access tokens, so ending
 * the family ends those access tokens too.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly passwords: Passwords,
    private readonly accessTokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every failure answers the same INVALID_CREDENTIALS after one argon2 verify, so neither
   * the answer nor its timing says whether the e-mail exists, is inactive or has no password.
   */
  async login(credentials: LoginDto, address: string | undefined): Promise<SessionTokensResponse> {
    const attempt = await this.throttle.reserve({ email: credentials.email, address });
    let account: LoginAccount | undefined;
    try {
      account = await this.sessions.findAccount(credentials.email);
    } catch (error) {
      // Undecided (PostgreSQL away: a 503): not a failed attempt of the caller's.
      await this.throttle.abandoned(attempt);
      throw error;
    }
    const matches = await this.passwords.verify(
      account?.passwordHash ?? null,
      credentials.password,
    );
    if (!account || !matches || !account.isActive) {
      const lockoutStarted = this.throttle.failed(attempt, account?.id);
      // Known or not, every failure records alike: the timing stays uniform.
      await this.recordFailure(
        AuthAudit.loginFailed({
          reason: failureReason(account, matches),
          userId: account?.id,
          email: credentials.email,
          lockoutStarted,
          lockoutSeconds: this.config.auth.login.lockoutSeconds,
        }),
      );
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.succeeded(attempt);
    // Asked only now the password matched: earlier, the answer would tell who has an account.
    if (await this.sessions.passwordSignInDisabled(account.organisationId)) {
      await this.recordFailure(
        AuthAudit.loginFailed({
          reason: 'password_sign_in_disabled',
          userId: account.id,
          email: credentials.email,
          lockoutStarted: [],
          lockoutSeconds: this.config.auth.login.lockoutSeconds,
        }),
      );
      throw AuthErrors.passwordSignInDisabled();
    }
    const session = await this.sessions.transaction((manager) =>
      this.open(manager, account, { method: 'password' }),
    );
    return session.tokens;
  }

  /**
   * Opens a session for a person whose identity is established (a password, or an ID token
   * of their organisation's provider), in the caller's transaction: the log-in is recorded,
   * a refresh-token family starts. `identityProviderId` marks a session signed in through a
   * provider (signing out there too).
   */
  async open(
    manager: EntityManager,
    account: { id: string; organisationId: string },
    how: { method: 'password' } | { method: 'oidc'; identityProviderId: string },
  ): Promise<{ sessionId: string; tokens: SessionTokensResponse }> {
    const familyId = randomUUID();
    const refreshToken = newToken('sbr_');
    const identityProviderId = how.method === 'oidc' ? how.identityProviderId : null;
    await this.sessions.recordLogin(manager, account.id);
    const refreshExpiresAt = await this.sessions.addToken(manager, {
      userId: account.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      ttlSeconds: this.config.auth.refreshTtlSeconds,
      identityProviderId,
    });
    await this.audit.record(
      manager,
      AuthAudit.login(
        { userId: account.id, organisationId: account.organisationId },
        familyId,
        how.method === 'oidc' ? { method: 'oidc', identityProviderId } : undefined,
      ),
    );
    this.logger.log(
      { event: 'login', userId: account.id, sessionId: familyId, method: how.method },
      'signed in',
    );
    return {
      sessionId: familyId,
      tokens: mapSessionTokens({
        ...this.accessTokens.sign(account.id, familyId),
        refreshToken,
        refreshExpiresAt,
        identityProviderId,
      }),
    };
  }

  /**
   * Rotates a refresh token: the presented one is spent, a new one joins the family. A token
   * presented twice means it leaked (or was raced): the whole family is revoked, so the
   * thief's and the owner's tokens, access tokens included, all stop at once.
   */
  async refresh(presented: string): Promise<SessionTokensResponse> {
    const outcome = await this.sessions.transaction(async (manager): Promise<RefreshOutcome> => {
      const token = await this.sessions.lockByHash(manager, hashToken(presented));
      if (!token) return { kind: 'invalid' };
      if (token.used || token.revoked) {
        const revoked = await this.sessions.revokeFamily(manager, token.familyId);
        // Recorded with the revocation, once per session: replaying tokens of a session that
        // has ended changes nothing, and must not let anyone flood the audit chain.
        if (revoked > 0) {
          await this.audit.record(
            manager,
            AuthAudit.refreshTokenReuse(token.userId, token.familyId, revoked),
          );
        }
        return { kind: 'reused', userId: token.userId, familyId: token.familyId };
      }
      if (token.expired || !token.userActive || this.endedByOrganisation(token)) {
        return { kind: 'invalid' };
      }
      await this.sessions.markUsed(manager, token.id);
      const refreshToken = newToken('sbr_');
      const expiresAt = await this.sessions.addToken(manager, {
        userId: token.userId,
        familyId: token.familyId,
        tokenHash: hashToken(refreshToken),
        ttlSeconds: this.config.auth.refreshTtlSeconds,
        identityProviderId: token.identityProviderId,
      });
      return {
        kind: 'rotated',
        userId: token.userId,
        familyId: token.familyId,
        refreshToken,
        expiresAt,
        identityProviderId: token.identityProviderId,
      };
    });
    // Thrown after the commit: the revocation of a reused family must stick.
    if (outcome.kind === 'reused') {
      this.logger.warn(
        { event: 'refresh_token_reuse', userId: outcome.userId, sessionId: outcome.familyId },
        'a spent refresh token was presented again; the session is revoked',
      );
      throw AuthErrors.invalidRefreshToken();
    }
    if (outcome.kind === 'invalid') throw AuthErrors.invalidRefreshToken();
    return mapSessionTokens({
      ...this.accessTokens.sign(outcome.userId, outcome.familyId),
      refreshToken: outcome.refreshToken,
      refreshExpiresAt: outcome.expiresAt,
      identityProviderId: outcome.identityProviderId,
    });
  }

  /**
   * Whether the organisation's sign-in rules have ended the session: one signed in through
   * its provider lasts OIDC_SESSION_MAX_SECONDS at most, and ends when the provider is
   * switched off (the person then goes through the provider again, where their organisation
   * ends accounts); a password session ends once the organisation signs in through its
   * provider only.
   */
  private endedByOrganisation(token: LockedRefreshToken): boolean {
    if (token.identityProviderId === null) return token.passwordSignInDisabled;
    return (
      !token.providerEnabled || token.sessionAgeSeconds >= this.config.auth.oidcSessionMaxSeconds
    );
  }

  /** Ends the session of a refresh token. Unknown or spent tokens are fine: nothing to tell. */
  async logout(presented: string): Promise<void> {
    const ended = await this.sessions.transaction(async (manager) => {
      const session = await this.sessions.revokeFamilyOfToken(manager, hashToken(presented));
      if (session) await this.audit.record(manager, AuthAudit.logout(session, session.familyId));
      return session;
    });
    if (ended) {
      this.logger.log(
        { event: 'logout', userId: ended.userId, sessionId: ended.familyId },
        'signed out',
      );
    }
  }

  /**
   * Signs a person out everywhere: every session ends, with its refresh tokens and access
   * tokens (the one calling included). API tokens are not sessions and stay.
   */
  async logoutEverywhere(principal: Principal): Promise<number> {
    const owner = { userId: principal.userId, organisationId: principal.organisationId };
    const ended = await this.sessions.transaction(async (manager) => {
      const families = await this.sessions.revokeAllFamilies(manager, owner.userId);
      // One `logout` per session, as if each had been signed out on its own.
      for (const familyId of families) {
        await this.audit.record(manager, AuthAudit.logout(owner, familyId));
      }
      return families.length;
    });
    this.logger.log(
      { event: 'logout_everywhere', userId: owner.userId, sessions: ended },
      'signed out everywhere',
    );
    return ended;
  }

  /**
   * Records a failed log-in on its own: there is no change to commit it with. Failing to
   * record must not change the answer (a 500 would tell the caller something), so it is
   * logged instead.
   */
  private async recordFailure(event: AuditEventInput): Promise<void> {
    try {
      await this.audit.recordAlone(event);
    } catch (error) {
      this.logger.error(
        {
          event: 'audit_record_failed',
          operation: event.operation,
          error: (error as Error).message,
        },
        'could not record a failed log-in in the audit log',
      );
    }
  }
}

function failureReason(account: LoginAccount | undefined, matches: boolean): LoginFailure {
  if (!account) return 'unknown_email';
  if (account.passwordHash === null) return 'no_password';
  return matches ? 'inactive' : 'wrong_password';
}
