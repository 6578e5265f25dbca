import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';

/** A started sign-in, as its callback finds it. */
export interface LoginState {
  /** Null when the provider was deleted meanwhile. */
  identityProviderId: string | null;
  /** Set when a signed-in person started it to link their own account. */
  linkUserId: string | null;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  used: boolean;
  expired: boolean;
}

/** The account a sign-in at a provider may end in. */
export interface SignInAccount {
  id: string;
  email: string;
  organisationId: string;
  isActive: boolean;
  isPlatformAdmin: boolean;
}

/** An account at a provider a user is linked to. */
export interface UserIdentity {
  id: string;
  issuer: string;
  subject: string;
  createdAt: Date;
  lastSignInAt: Date;
}

/** A provider the sign-in page may offer. */
export interface OfferedProvider {
  id: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
}

/**
 * The tables of signing in through an organisation's provider: the started sign-ins
 * (`oidc_login_states`, by the hash of their `state`) and the links between accounts at a
 * provider and users (`user_identities`).
 */
@Injectable()
export class OidcSignInRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findProvider(id: string): Promise<IdentityProviderEntity | null> {
    return this.dataSource.getRepository(IdentityProviderEntity).findOneBy({ id });
  }

  /** The providers that list the domain among their allowed ones. */
  providersForDomain(domain: string): Promise<IdentityProviderEntity[]> {
    return this.dataSource
      .getRepository(IdentityProviderEntity)
      .createQueryBuilder('p')
      .where(':domain = ANY (p.allowed_domains)', { domain })
      .orderBy('p.display_name')
      .getMany();
  }

  /** The organisation's provider, if it has one. */
  providerOfOrganisation(organisationId: string): Promise<IdentityProviderEntity | null> {
    return this.dataSource.getRepository(IdentityProviderEntity).findOneBy({ organisationId });
  }

  /** The enabled providers, by name, with their organisations' names. */
  async offeredProviders(): Promise<OfferedProvider[]> {
    const rows: {
      id: string;
      display_name: string;
      organisation_id: string;
      organisation_name: string;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.display_name, p.organisation_id, o.name AS organisation_name
           FROM identity_providers p JOIN organisations o ON o.id = p.organisation_id
          WHERE p.enabled
          ORDER BY lower(p.display_name), p.id`,
    );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
    }));
  }

  async insertState(state: {
    stateHash: string;
    identityProviderId: string;
    codeVerifier: string;
    nonce: string;
    returnTo: string;
    ttlSeconds: number;
    linkUserId: string | null;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oidc_login_states
         (state_hash, identity_provider_id, code_verifier, nonce, return_to, expires_at,
          link_user_id)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7)`,
      [
        state.stateHash,
        state.identityProviderId,
        state.codeVerifier,
        state.nonce,
        state.returnTo,
        state.ttlSeconds,
        state.linkUserId,
      ],
    );
  }

  /**
   * Spends a started sign-in: answers it as it was (`used`: spent before, a replay), and
   * marks it used, in one statement, so two callbacks with the same state cannot both pass.
   */
  async spendState(stateHash: string): Promise<LoginState | undefined> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [rows]: [
      {
        identity_provider_id: string | null;
        link_user_id: string | null;
        code_verifier: string;
        nonce: string;
        return_to: string;
        used: boolean;
        expired: boolean;
      }[],
      number,
    ] = await this.dataSource.query(
      `WITH found AS (
         SELECT state_hash, used_at IS NOT NULL AS used FROM oidc_login_states
          WHERE state_hash = $1 FOR UPDATE)
       UPDATE oidc_login_states s SET used_at = coalesce(s.used_at, now())
         FROM found f
        WHERE s.state_hash = f.state_hash
       RETURNING s.identity_provider_id, s.link_user_id, s.code_verifier, s.nonce, s.return_to, f.used,
                 s.expires_at <= now() AS expired`,
      [stateHash],
    );
    const row = rows[0];
    return (
      row && {
        identityProviderId: row.identity_provider_id,
        linkUserId: row.link_user_id,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        returnTo: row.return_to,
        used: row.used,
        expired: row.expired,
      }
    );
  }

  /** The user an account at a provider is linked to. */
  async linkedAccount(
    manager: EntityManager,
    issuer: string,
    subject: string,
  ): Promise<(SignInAccount & { identityId: string }) | undefined> {
    const rows: AccountRow[] = await manager.query(
      `SELECT i.id AS identity_id, u.id, u.email, u.organisation_id, u.is_active,
              u.is_platform_admin
         FROM user_identities i JOIN users u ON u.id = i.user_id
        WHERE i.issuer = $1 AND i.subject = $2
        FOR UPDATE OF i`,
      [issuer, subject],
    );
    const row = rows[0];
    return row && { ...toAccount(row), identityId: row.identity_id };
  }

  async accountByEmail(manager: EntityManager, email: string): Promise<SignInAccount | undefined> {
    const rows: AccountRow[] = await manager.query(
      `SELECT id, email, organisation_id, is_active, is_platform_admin FROM users
        WHERE email = $1 FOR UPDATE`,
      [email],
    );
    return rows[0] && toAccount(rows[0]);
  }

  async accountById(manager: EntityManager, userId: string): Promise<SignInAccount | undefined> {
    const rows: AccountRow[] = await manager.query(
      `SELECT id, email, organisation_id, is_active, is_platform_admin FROM users
        WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0] && toAccount(rows[0]);
  }

  /** Whether the user is linked to another account at this issuer already. */
  async linkedAtIssuer(manager: EntityManager, userId: string, issuer: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM user_identities WHERE user_id = $1 AND issuer = $2',
      [userId, issuer],
    );
    return rows.length > 0;
  }

  async link(
    manager: EntityManager,
    link: { userId: string; issuer: string; subject: string },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO user_identities (user_id, issuer, subject) VALUES ($1, $2, $3) RETURNING id`,
      [link.userId, link.issuer, link.subject],
    );
    return rows[0].id;
  }

  /** The accounts at providers the user is linked to, oldest first. */
  async identities(userId: string): Promise<UserIdentity[]> {
    const rows: {
      id: string;
      issuer: string;
      subject: string;
      created_at: Date;
      last_sign_in_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, issuer, subject, created_at, last_sign_in_at FROM user_identities
        WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map((row) => ({
      id: row.id,
      issuer: row.issuer,
      subject: row.subject,
      createdAt: row.created_at,
      lastSignInAt: row.last_sign_in_at,
    }));
  }

  /** Removes one of the user's links; answers it, or undefined when there was none. */
  async unlink(
    manager: EntityManager,
    userId: string,
    identityId: string,
  ): Promise<{ issuer: string; subject: string } | undefined> {
    const [rows]: [{ issuer: string; subject: string }[], number] = await manager.query(
      'DELETE FROM user_identities WHERE id = $1 AND user_id = $2 RETURNING issuer, subject',
      [identityId, userId],
    );
    return rows[0];
  }

  async touch(manager: EntityManager, identityId: string): Promise<void> {
    await manager.query('UPDATE user_identities SET last_sign_in_at = now() WHERE id = $1', [
      identityId,
    ]);
  }
}

interface AccountRow {
  identity_id: string;
  id: string;
  email: string;
  organisation_id: string;
  is_active: boolean;
  is_platform_admin: boolean;
}

const toAccount = (row: AccountRow): SignInAccount => ({
  id: row.id,
  email: row.email,
  organisationId: row.organisation_id,
  isActive: row.is_active,
  isPlatformAdmin: row.is_platform_admin,
});
