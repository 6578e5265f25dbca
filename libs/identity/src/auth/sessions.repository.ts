import { Transactions } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PrincipalCache } from './principal-cache';

/** What log-in needs to know about the account behind an e-mail address. */
export interface LoginAccount {
  id: string;
  organisationId: string;
  passwordHash: string | null;
  isActive: boolean;
}

/** A refresh token row, locked for the rest of the transaction, with its user's state. */
export interface LockedRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  used: boolean;
  revoked: boolean;
  expired: boolean;
  userActive: boolean;
  identityProviderId: string | null;
  /** Seconds since the session (the family's first token) began. */
  sessionAgeSeconds: number;
  /** Whether the provider the session was signed in through is switched on now. */
  providerEnabled: boolean;
  /** Whether the user's organisation now signs in through its provider only. */
  passwordSignInDisabled: boolean;
}

/**
 * Sessions: a family of refresh tokens per log-in, rotated on every refresh. Stores only
 * token hashes. Instants come from PostgreSQL's clock, the one AccessTokens checks against.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly principals: PrincipalCache,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  async findAccount(email: string): Promise<LoginAccount | undefined> {
    const rows: {
      id: string;
      organisation_id: string;
      password_hash: string | null;
      is_active: boolean;
    }[] = await this.dataSource.query(
      'SELECT id, organisation_id, password_hash, is_active FROM users WHERE email = $1',
      [email.trim().toLowerCase()],
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        organisationId: row.organisation_id,
        passwordHash: row.password_hash,
        isActive: row.is_active,
      }
    );
  }

  /** Whether the organisation's people may sign in only through its (enabled) provider. */
  async passwordSignInDisabled(organisationId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM identity_providers
        WHERE organisation_id = $1 AND enabled AND password_sign_in_disabled`,
      [organisationId],
    );
    return rows.length > 0;
  }

  /** The sign-in before this one moves to `previous_login_at`: "what changed since my last visit". */
  async recordLogin(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      'UPDATE users SET previous_login_at = last_login_at, last_login_at = now() WHERE id = $1',
      [userId],
    );
  }

  /** Adds a refresh token to a (new or existing) family; answers when it expires. */
  async addToken(
    manager: EntityManager,
    token: {
      userId: string;
      familyId: string;
      tokenHash: string;
      ttlSeconds: number;
      /** The provider the session was signed in through; null for a password. */
      identityProviderId: string | null;
    },
  ): Promise<Date> {
    const rows: { expires_at: Date }[] = await manager.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, identity_provider_id)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5)
       RETURNING expires_at`,
      [token.userId, token.familyId, token.tokenHash, token.ttlSeconds, token.identityProviderId],
    );
    return rows[0].expires_at;
  }

  /**
   * The token with this hash, locked until the transaction ends: a concurrent refresh with
   * the same token waits here and then sees it used.
   */
  async lockByHash(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<LockedRefreshToken | undefined> {
    const rows: {
      id: string;
      user_id: string;
      family_id: string;
      used: boolean;
      revoked: boolean;
      expired: boolean;
      user_active: boolean;
      identity_provider_id: string | null;
      session_age_seconds: number;
      provider_enabled: boolean;
      password_sign_in_disabled: boolean;
    }[] = await manager.query(
      `SELECT r.id, r.user_id, r.family_id, r.identity_provider_id,
              r.used_at IS NOT NULL AS used, r.revoked_at IS NOT NULL AS revoked,
              r.expires_at <= now() AS expired, u.is_active AS user_active,
              extract(epoch FROM now() - (SELECT min(f.created_at) FROM refresh_tokens f
                                            WHERE f.family_id = r.family_id))::float8
                AS session_age_seconds,
              coalesce(p.enabled, false) AS provider_enabled,
              EXISTS (SELECT 1 FROM identity_providers o
                       WHERE o.organisation_id = u.organisation_id
                         AND o.enabled AND o.password_sign_in_disabled)
                AS password_sign_in_disabled
         FROM refresh_tokens r JOIN users u ON u.id = r.user_id
         LEFT JOIN identity_providers p ON p.id = r.identity_provider_id
        WHERE r.token_hash = $1
        FOR UPDATE OF r`,
      [tokenHash],
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        userId: row.user_id,
        familyId: row.family_id,
        used: row.used,
        revoked: row.revoked,
        expired: row.expired,
        userActive: row.user_active,
        identityProviderId: row.identity_provider_id,
        sessionAgeSeconds: row.session_age_seconds,
        providerEnabled: row.provider_enabled,
        passwordSignInDisabled: row.password_sign_in_disabled,
      }
    );
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [id]);
  }

  /**
   * Ends a session: every token of the family, and so every access token of it. Answers how
   * many tokens were still open (0: the session had ended already).
   */
  async revokeFamily(manager: EntityManager, familyId: string): Promise<number> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [rows, affected]: [{ user_id: string }[], number] = await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL
       RETURNING user_id`,
      [familyId],
    );
    this.ended(manager, rows);
    return affected;
  }

  /**
   * Ends every session of a user (sign out everywhere); answers the sessions that were still
   * live, each once. A session that had only expired is revoked too but not answered: it had
   * ended already.
   */
  async revokeAllFamilies(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { family_id: string }[] = await manager.query(
      `WITH ended AS (
         UPDATE refresh_tokens SET revoked_at = now()
          WHERE user_id = $1 AND revoked_at IS NULL
          RETURNING family_id, expires_at > now() AS live)
       SELECT family_id FROM ended GROUP BY family_id HAVING bool_or(live) ORDER BY family_id`,
      [userId],
    );
    this.principals.changedAfterCommit(manager, [userId]);
    return rows.map((row) => row.family_id);
  }

  /**
   * Ends the session a refresh token belongs to, if it is still open; answers the session
   * and its owner.
   */
  async revokeFamilyOfToken(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<{ familyId: string; userId: string; organisationId: string } | undefined> {
    const [rows]: [{ family_id: string; user_id: string; organisation_id: string }[], number] =
      await manager.query(
        `UPDATE refresh_tokens r SET revoked_at = now()
           FROM users u
          WHERE r.family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)
            AND r.revoked_at IS NULL AND u.id = r.user_id
          RETURNING r.family_id, r.user_id, u.organisation_id`,
        [tokenHash],
      );
    this.ended(manager, rows);
    const row = rows[0];
    return (
      row && { familyId: row.family_id, userId: row.user_id, organisationId: row.organisation_id }
    );
  }

  /** Sessions ended in the transaction of `manager`: their principals are read again after. */
  private ended(manager: EntityManager, rows: readonly { user_id: string }[]): void {
    this.principals.changedAfterCommit(manager, [...new Set(rows.map((row) => row.user_id))]);
  }

  /**
   * Deletes the tokens of sessions that ended at least `graceSeconds` ago, looking at up to
   * `limit` sessions (families) after `afterFamilyId` in id order, in one statement. A session
   * has ended when none of its tokens can be rotated any more: each is revoked or expired
   * (the moment it ended is the latest such revocation or expiry). Answers the last family
   * looked at (null: none left) and the tokens deleted.
   */
  async purgeEnded(
    afterFamilyId: string | null,
    limit: number,
    graceSeconds: number,
  ): Promise<{ last: string | null; deleted: number }> {
    const [row]: { last: string | null; deleted: number }[] = await this.dataSource.query(
      `WITH scanned AS (
         SELECT family_id, max(LEAST(expires_at, revoked_at)) AS ended_at
           FROM refresh_tokens
          WHERE $1::uuid IS NULL OR family_id > $1
          GROUP BY family_id ORDER BY family_id LIMIT $2),
       purged AS (
         DELETE FROM refresh_tokens r USING scanned s
          WHERE r.family_id = s.family_id
            AND s.ended_at < now() - make_interval(secs => $3)
         RETURNING 1)
       SELECT (SELECT family_id FROM scanned ORDER BY family_id DESC LIMIT 1) AS last,
              (SELECT count(*)::int FROM purged) AS deleted`,
      [afterFamilyId, limit, graceSeconds],
    );
    return row;
  }

  /**
   * Deletes the started sign-ins through a provider (`oidc_login_states`) that can no longer
   * matter: unspent ones once expired, spent ones `graceSeconds` after. Answers how many.
   */
  async purgeLoginStates(graceSeconds: number): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      // An unspent one goes as soon as it expires (a stranger can start any number of
      // sign-ins); a spent one is kept `graceSeconds`, to tell a replay from a forgery.
      `DELETE FROM oidc_login_states
        WHERE expires_at < now() - make_interval(secs => $1)
           OR (used_at IS NULL AND expires_at < now())`,
      [graceSeconds],
    );
    return deleted;
  }
}
