import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';

/** A started sign-in, as its callback finds it. */
export interface LoginState {
  identityProviderId: string;
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
}

/** A provider the sign-in page may offer. */
export interface OfferedProvider {
  id: string;
  displayName: string;
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

  /** The enabled providers, by name, with their organisations' names. */
  async offeredProviders(): Promise<OfferedProvider[]> {
    const rows: { id: string; display_name: string; organisation_name: string }[] =
      await this.dataSource.query(
        `SELECT p.id, p.display_name, o.name AS organisation_name
           FROM identity_providers p JOIN organisations o ON o.id = p.organisation_id
          WHERE p.enabled
          ORDER BY lower(p.display_name), p.id`,
      );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
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
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oidc_login_states
         (state_hash, identity_provider_id, code_verifier, nonce, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [
        state.stateHash,
        state.identityProviderId,
        state.codeVerifier,
        state.nonce,
        state.returnTo,
        state.ttlSeconds,
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
        identity_provider_id: string;
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
       RETURNING s.identity_provider_id, s.code_verifier, s.nonce, s.return_to, f.used,
                 s.expires_at <= now() AS expired`,
      [stateHash],
    );
    const row = rows[0];
    return (
      row && {
        identityProviderId: row.identity_provider_id,
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
      `SELECT i.id AS identity_id, u.id, u.email, u.organisation_id, u.is_active
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
      `SELECT id, email, organisation_id, is_active FROM users WHERE email = $1 FOR UPDATE`,
      [email],
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
}

const toAccount = (row: AccountRow): SignInAccount => ({
  id: row.id,
  email: row.email,
  organisationId: row.organisation_id,
  isActive: row.is_active,
});
