import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { Passwords } from '../users/passwords';
import { AccessTokens } from './access-tokens';
import { AuthErrors } from './auth.errors';
import type { LoginDto } from './dto/login.dto';
import { LoginThrottle } from './login-throttle.service';
import { mapSessionTokens, type SessionTokensResponse } from './session-tokens.response';
import { SessionsRepository } from './sessions.repository';
import { hashToken, newToken } from './token-hash';

type RefreshOutcome =
  | { kind: 'rotated'; userId: string; familyId: string; refreshToken: string; expiresAt: Date }
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
  ) {}

  /**
   * Every failure answers the same INVALID_CREDENTIALS after one argon2 verify, so neither
   * the answer nor its timing says whether the e-mail exists, is inactive or has no password.
   */
  async login(credentials: LoginDto, address: string | undefined): Promise<SessionTokensResponse> {
    const attempt = await this.throttle.reserve({ email: credentials.email, address });
    const account = await this.sessions.findAccount(credentials.email);
    const matches = await this.passwords.verify(
      account?.passwordHash ?? null,
      credentials.password,
    );
    if (!account || !matches || !account.isActive) {
      this.throttle.failed(attempt, account?.id);
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.succeeded(attempt);
    const familyId = randomUUID();
    const refreshToken = newToken('sbr_');
    const refreshExpiresAt = await this.sessions.transaction(async (manager) => {
      await this.sessions.recordLogin(manager, account.id);
      return this.sessions.addToken(manager, {
        userId: account.id,
        familyId,
        tokenHash: hashToken(refreshToken),
        ttlSeconds: this.config.auth.refreshTtlSeconds,
      });
    });
    this.logger.log({ event: 'login', userId: account.id, sessionId: familyId }, 'signed in');
    return mapSessionTokens({
      ...this.accessTokens.sign(account.id, familyId),
      refreshToken,
      refreshExpiresAt,
    });
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
        await this.sessions.revokeFamily(manager, token.familyId);
        return { kind: 'reused', userId: token.userId, familyId: token.familyId };
      }
      if (token.expired || !token.userActive) return { kind: 'invalid' };
      await this.sessions.markUsed(manager, token.id);
      const refreshToken = newToken('sbr_');
      const expiresAt = await this.sessions.addToken(manager, {
        userId: token.userId,
        familyId: token.familyId,
        tokenHash: hashToken(refreshToken),
        ttlSeconds: this.config.auth.refreshTtlSeconds,
      });
      return {
        kind: 'rotated',
        userId: token.userId,
        familyId: token.familyId,
        refreshToken,
        expiresAt,
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
    });
  }

  /** Ends the session of a refresh token. Unknown or spent tokens are fine: nothing to tell. */
  async logout(presented: string): Promise<void> {
    const ended = await this.sessions.revokeFamilyOfToken(hashToken(presented));
    if (ended) {
      this.logger.log(
        { event: 'logout', userId: ended.userId, sessionId: ended.familyId },
        'signed out',
      );
    }
  }
}
